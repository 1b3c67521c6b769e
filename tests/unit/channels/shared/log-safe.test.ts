import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { channelLogger, errorForLog } from "../../../../src/channels/shared/log-safe.js";
import { createTelegramChannel } from "../../../../src/channels/telegram/index.js";
import { createZaloChannel } from "../../../../src/channels/zalo/index.js";
import { captureLogger } from "../../../fakes/capture-logger.js";
import { createScriptedAssistant } from "../../../fakes/channel-scripted-assistant.js";
import { startFakeTelegramApi, type FakeTelegramApi } from "../../../fakes/fake-telegram-api.js";
import { startFakeZaloApi } from "../../../fakes/fake-zalo-api.js";
import { tgText } from "../../../fixtures/telegram-updates.js";

describe("channel logs keep raw chat ids and payloads out (issue 11 item 8)", () => {
  it("drops id and payload fields and reduces errors to type, code, method and a token-free message", () => {
    const { logger, lines } = captureLogger();
    const log = channelLogger(logger);
    const telegramError = Object.assign(new Error("400: Bad Request: chat not found"), {
      response: { error_code: 400, description: "Bad Request: chat not found" },
      on: { method: "sendMessage", payload: { chat_id: 987654321, text: "số CCCD của tôi là 001099012345" } },
    });
    log.error({ err: telegramError, chatId: "987654321", payload: { text: "x" }, attempt: 2 }, "telegram: turn failed");
    log.warn({ err: new Error("request to https://api.telegram.org/bot123456:SECRET-token/sendMessage failed") }, "send failed");
    const all = JSON.stringify(lines);
    expect(all).not.toContain("987654321");
    expect(all).not.toContain("001099012345");
    expect(all).not.toContain("SECRET-token");
    expect(lines[0]?.fields).toMatchObject({ attempt: 2, err: { type: "Error", code: 400, method: "sendMessage", description: "Bad Request: chat not found" } });
    expect(errorForLog("plain")).toEqual({ type: "string", message: "plain" });
  });

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

  it("Telegram: a reply that cannot be delivered is logged without the chat id or the text", async () => {
    const { logger, lines } = captureLogger();
    const channel = createTelegramChannel({
      assistant: createScriptedAssistant().assistant,
      token: "123:TEST",
      apiRoot: telegramApi.url,
      mode: "webhook",
      webhookSecret: "test_secret-0123456789",
      botInfo: { ...telegramApi.me, is_bot: true, can_join_groups: true, can_read_all_group_messages: false, supports_inline_queries: false },
      pacing: { perChatIntervalMs: 0 },
      logger,
    });
    telegramApi.failNext("sendMessage", { code: 400, description: "Bad Request: chat not found" }, 5);
    await channel.handleUpdate(tgText("số CCCD của tôi là 001099012345"));
    await channel.idle();
    const problems = lines.filter((l) => l.level === "error" || l.level === "warn");
    expect(problems.length).toBeGreaterThan(0);
    const all = JSON.stringify(problems);
    expect(all).not.toMatch(/"chat_?[iI]d"|001099012345|123:TEST/);
    expect(all).not.toMatch(/[":]42[",}]/);
  });

  it("Zalo: a failed turn is logged without the chat id or the text", async () => {
    const { logger, lines } = captureLogger();
    const channel = createZaloChannel({
      assistant: createScriptedAssistant().assistant,
      token: "12345:zalo-secret",
      apiBase: zaloApi.url,
      mode: "webhook",
      webhookSecret: "zalo-secret-123",
      pacing: { perChatIntervalMs: 0, backoffBaseMs: 1 },
      logger,
    });
    zaloApi.failNext("sendMessage", { code: 400, description: "invalid chat" }, 10);
    channel.acceptUpdate({ event_name: "message.text.received", message: { message_id: "m1", text: "mật khẩu là abc123", from: { id: "zalo-user-777" }, chat: { id: "zalo-chat-777", chat_type: "PRIVATE" } } });
    await channel.idle();
    const problems = lines.filter((l) => l.level === "error" || l.level === "warn");
    expect(problems.length).toBeGreaterThan(0);
    const all = JSON.stringify(problems);
    expect(all).not.toMatch(/zalo-chat-777|zalo-user-777|abc123|zalo-secret/);
  });
});
