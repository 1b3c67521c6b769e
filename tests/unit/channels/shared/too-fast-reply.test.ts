import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAssistant, DEFAULT_TURN_LIMITS, TOO_FAST_TEXT, type Assistant } from "../../../../src/assistant/index.js";
import { createTelegramChannel } from "../../../../src/channels/telegram/index.js";
import { createZaloChannel } from "../../../../src/channels/zalo/index.js";
import { startFakeTelegramApi, type FakeTelegramApi } from "../../../fakes/fake-telegram-api.js";
import { startFakeZaloApi } from "../../../fakes/fake-zalo-api.js";
import { InMemoryConversationStore } from "../../../fakes/in-memory-stores.js";
import { testTemplates } from "../../../fixtures/templates.js";
import { tgText } from "../../../fixtures/telegram-updates.js";

/** The real router with a tiny per-learner budget: two turns, then "too fast". */
function strictAssistant(): Assistant {
  return createAssistant({
    features: [{ name: "echo", handle: async (t) => ({ kind: "answer", text: `Trả lời: ${t.text}`, sources: [], confidence: 1 }) }],
    conversations: new InMemoryConversationStore(),
    learnerIdFor: (m) => `${m.channel}:${m.userId}`,
    templates: testTemplates,
    limits: { ...DEFAULT_TURN_LIMITS, maxTextLength: 300, perLearner: { max: 2, windowMs: 60_000 } },
  });
}

let telegramApi: FakeTelegramApi;
let zaloApi: Awaited<ReturnType<typeof startFakeZaloApi>>;
beforeAll(async () => {
  telegramApi = await startFakeTelegramApi();
  zaloApi = await startFakeZaloApi({ token: "12345:zalo-secret" });
});
afterAll(async () => {
  await telegramApi.close();
  await zaloApi.close();
});

describe("chat apps get the core's limits as ordinary replies (issue 11 item 3)", () => {
  it("Telegram: the third quick message gets the polite text; an over-long one gets the length reply", async () => {
    const channel = createTelegramChannel({
      assistant: strictAssistant(),
      token: "123:TEST",
      apiRoot: telegramApi.url,
      mode: "webhook",
      webhookSecret: "test_secret-0123456789",
      botInfo: { ...telegramApi.me, is_bot: true, can_join_groups: true, can_read_all_group_messages: false, supports_inline_queries: false },
      pacing: { perChatIntervalMs: 0 },
    });
    for (const text of ["một", "hai", "ba"]) await channel.handleUpdate(tgText(text));
    await channel.idle();
    const texts = telegramApi.callsOf("sendMessage").map((c) => String(c.payload.text));
    expect(texts[0]).toContain("Trả lời: một");
    expect(texts[1]).toContain("Trả lời: hai");
    expect(texts[2]).toBe(TOO_FAST_TEXT);

    telegramApi.reset();
    const other = createTelegramChannel({
      assistant: strictAssistant(),
      token: "123:TEST",
      apiRoot: telegramApi.url,
      mode: "webhook",
      webhookSecret: "test_secret-0123456789",
      botInfo: { ...telegramApi.me, is_bot: true, can_join_groups: true, can_read_all_group_messages: false, supports_inline_queries: false },
      pacing: { perChatIntervalMs: 0 },
    });
    await other.handleUpdate(tgText("a".repeat(301)));
    await other.idle();
    expect(String(telegramApi.callsOf("sendMessage")[0]?.payload.text)).toContain("dài quá 300 ký tự");
  });

  it("Zalo: the polite text arrives as a normal message", async () => {
    const channel = createZaloChannel({
      assistant: strictAssistant(),
      token: "12345:zalo-secret",
      apiBase: zaloApi.url,
      mode: "webhook",
      webhookSecret: "zalo-secret-123",
      pacing: { perChatIntervalMs: 0, backoffBaseMs: 1 },
    });
    // First contact costs a greeting turn (/start) plus the answer: the budget of two is used up by the first message.
    for (const [i, text] of ["một", "hai"].entries()) {
      channel.acceptUpdate({ event_name: "message.text.received", message: { message_id: `m${i}`, text, from: { id: "zu" }, chat: { id: "zc", chat_type: "PRIVATE" } } });
    }
    await channel.idle();
    const texts = zaloApi.callsOf("sendMessage").map((c) => String(c.payload.text));
    expect(texts.at(-1)).toBe(TOO_FAST_TEXT);
  });
});
