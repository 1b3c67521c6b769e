import Fastify from "fastify";
import { describe, expect, it } from "vitest";
import { createTelegramChannel } from "../../../../src/channels/telegram/index.js";
import { isWellFormedUpdate } from "../../../../src/channels/telegram/update-shape.js";
import { captureLogger } from "../../../fakes/capture-logger.js";
import { createScriptedAssistant } from "../../../fakes/channel-scripted-assistant.js";
import { startFakeTelegramApi } from "../../../fakes/fake-telegram-api.js";
import { tgCallback, tgGroup, tgPhoto, tgPollAnswer, tgSticker, tgText } from "../../../fixtures/telegram-updates.js";

const secret = "test_secret-0123456789";

describe("malformed but authentic Telegram updates (found by npm run fuzz)", () => {
  it("accepts every real update shape", () => {
    for (const u of [tgText("hỏi"), tgText("/hoi x", { chat: tgGroup }), tgCallback("s:next"), tgPollAnswer("poll-1", 0), tgSticker(), tgPhoto()]) {
      expect(isWellFormedUpdate(u as unknown as Record<string, unknown>)).toBe(true);
    }
  });

  it("acknowledges them with 200, never hands them to the handlers, and logs no error", async () => {
    const api = await startFakeTelegramApi();
    const { logger, lines } = captureLogger();
    const scripted = createScriptedAssistant();
    const channel = createTelegramChannel({
      assistant: scripted.assistant,
      token: "123:TEST",
      apiRoot: api.url,
      mode: "webhook",
      webhookSecret: secret,
      botInfo: { ...api.me, is_bot: true, can_join_groups: true, can_read_all_group_messages: false, supports_inline_queries: false },
      pacing: { perChatIntervalMs: 0 },
      logger,
    });
    const app = Fastify();
    await app.register(channel.plugin!);
    const bad = [
      { update_id: 1, callback_query: { id: "1", from: { id: 42 }, data: { a: 1 }, message: { chat: { id: 42, type: "private" } } } },
      { update_id: 2, poll_answer: { poll_id: { $gt: "" }, user: { id: 42 }, option_ids: [0] } },
      { update_id: 3, poll_answer: { poll_id: "p", user: { id: 42 }, option_ids: "0" } },
      { update_id: 4, message: { message_id: 1, date: 1, chat: null, text: "x" } },
      { update_id: 5, message: { message_id: 1, date: 1, chat: { id: "42", type: "private" }, text: "x" } },
      { update_id: 6, message: { message_id: 1, date: 1, chat: { id: 42, type: "private" }, from: { id: 42 }, text: ["x"] } },
      { update_id: 7, message: { message_id: 1, date: 1, chat: { id: 42, type: "private" }, from: { id: 42 }, text: "x", entities: [{ type: "mention", offset: "0", length: 2 }] } },
      { update_id: 8, message: "hello" },
      { update_id: 9, message: { message_id: 1, date: 1, chat: { id: -5, type: "group" }, from: { id: 42 }, text: "@x hi", entities: [{ type: "text_mention", offset: 0, length: 2 }] } },
    ];
    for (const payload of bad) {
      const res = await app.inject({ method: "POST", url: "/webhooks/telegram", headers: { "x-telegram-bot-api-secret-token": secret }, payload });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ ok: true, ignored: true });
    }
    await channel.idle();
    expect(scripted.received).toHaveLength(0);
    expect(lines.filter((l) => l.level === "error")).toEqual([]);
    // A good update still goes through.
    const good = await app.inject({ method: "POST", url: "/webhooks/telegram", headers: { "x-telegram-bot-api-secret-token": secret }, payload: tgText("cài vneid") });
    expect(good.json()).toMatchObject({ ok: true, duplicate: false });
    await channel.idle();
    expect(scripted.received).toHaveLength(1);
    await app.close();
    await api.close();
  });
});
