import Fastify from "fastify";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTelegramChannel, type TelegramChannel } from "../../../../src/channels/telegram/index.js";
import { createScriptedAssistant } from "../../../fakes/channel-scripted-assistant.js";
import { startFakeTelegramApi, type FakeTelegramApi } from "../../../fakes/fake-telegram-api.js";
import { tgCallback, tgGroup, tgPollAnswer, tgSticker, tgText } from "../../../fixtures/telegram-updates.js";

const secret = "test_secret-0123456789";
let api: FakeTelegramApi;
let scripted: ReturnType<typeof createScriptedAssistant>;
let channel: TelegramChannel;

function makeChannel(mode: "polling" | "webhook" = "webhook", extra: Partial<Parameters<typeof createTelegramChannel>[0]> = {}) {
  return createTelegramChannel({
    assistant: scripted.assistant,
    token: "123:TEST",
    apiRoot: api.url,
    mode,
    webhookSecret: secret,
    botInfo: { ...api.me, is_bot: true, can_join_groups: true, can_read_all_group_messages: false, supports_inline_queries: false },
    pacing: { perChatIntervalMs: 0 },
    ...extra,
  });
}

/** Feeds one update and waits until the answer has been sent. */
async function feed(update: Parameters<TelegramChannel["handleUpdate"]>[0]) {
  await channel.handleUpdate(update);
  await channel.idle();
}
const sent = () => api.callsOf("sendMessage").map((c) => c.payload);

beforeAll(async () => {
  api = await startFakeTelegramApi();
});
afterAll(async () => {
  await api.close();
});
beforeEach(() => {
  api.reset();
  scripted = createScriptedAssistant();
  channel = makeChannel();
});

describe("Telegram channel against a fake Bot API", () => {
  it("answers a private question with its source, without a typing indicator when the answer is quick", async () => {
    channel = makeChannel("webhook", { typingAfterMs: 60_000 });
    await feed(tgText("cài vneid ở đâu"));
    expect(scripted.received[0]).toMatchObject({ channel: "telegram", userId: "42", text: "cài vneid ở đâu", isGroup: false });
    expect(api.callsOf("sendChatAction")).toHaveLength(0);
    const [msg] = sent();
    expect(msg?.chat_id).toBe("42");
    expect(String(msg?.text)).toContain("Trả lời cho: cài vneid ở đâu");
    expect(String(msg?.text)).toContain("Nguồn:\n• Cài đặt ứng dụng VNeID (cập nhật 20/11/2026)\nhttps://vneid.gov.vn/");
    // HTML parse mode with every character of content escaped (see format-html.ts): formatting never fails to parse.
    expect(msg?.parse_mode).toBe("HTML");
  });

  it("shows typing while a slow answer is being worked out", async () => {
    // The answer waits until the indicator has reached the Bot API: no clock involved, only the order of events.
    const slow: typeof scripted.assistant = {
      handle: async (message) => {
        while (api.callsOf("sendChatAction").length === 0) await new Promise((r) => setTimeout(r, 5));
        return scripted.assistant.handle(message);
      },
    };
    channel = makeChannel("webhook", { assistant: slow, typingAfterMs: 0 });
    await feed(tgText("cài vneid ở đâu"));
    expect(api.callsOf("sendChatAction")[0]?.payload).toMatchObject({ chat_id: "42", action: "typing" });
    expect(sent()).toHaveLength(1);
  });

  it("ignores group chatter and answers /hoi@Bot in the group, quoting the question", async () => {
    await feed(tgText("mọi người ăn cơm chưa", { chat: tgGroup }));
    expect(scripted.received).toHaveLength(0);
    expect(sent()).toHaveLength(0);
    await feed(tgText("/hoi@TroLySoBot lệ phí đổi CCCD", { chat: tgGroup }));
    expect(scripted.received[0]).toMatchObject({ text: "/hoi lệ phí đổi CCCD", isGroup: true, chatId: String(tgGroup.id) });
    expect(sent()[0]).toMatchObject({ chat_id: String(tgGroup.id), reply_parameters: { allow_sending_without_reply: true } });
  });

  it("navigates steps with inline buttons and always answers the callback", async () => {
    await feed(tgText("cách cài vneid"));
    const first = sent()[0];
    expect(first?.text).toContain("Bước 1");
    const keyboard = (first?.reply_markup as { inline_keyboard: Array<Array<{ text: string; callback_data: string }>> }).inline_keyboard;
    expect(keyboard.flat().map((b) => b.callback_data)).toEqual(["s:next", "s:rep", "s:all", "s:stop"]);
    expect(keyboard.flat()[0]?.text).toBe("Bước tiếp ▶");

    await feed(tgCallback("s:next"));
    expect(api.callsOf("answerCallbackQuery")).toHaveLength(1);
    expect(scripted.received.at(-1)).toMatchObject({ action: "s:next", userId: "42" });
    expect(sent().at(-1)?.text).toContain("Bước 2");
  });

  it("answers even an expired long-payload button, with a hint instead of an action", async () => {
    await feed(tgCallback("~zz"));
    expect(api.callsOf("answerCallbackQuery")[0]?.payload.text).toMatch(/hết hạn/);
    expect(scripted.received).toHaveLength(0);
  });

  it("runs a quiz as native quiz polls in private chats and maps poll_answer back to the answer action", async () => {
    await feed(tgText("/kiemtra"));
    const poll = api.callsOf("sendPoll")[0]?.payload;
    expect(poll).toMatchObject({ type: "quiz", is_anonymous: false, correct_option_id: 1, question: "Câu 1/2: Nên tải VNeID từ đâu?" });
    expect(poll?.options).toHaveLength(3);

    await feed(tgPollAnswer("poll-1", 1));
    expect(scripted.received.at(-1)).toMatchObject({ action: "q:1:1", userId: "42" });
    // Feedback as text, then the next question as a new poll.
    expect(sent().at(-1)?.text).toBe("Đúng rồi!");
    expect(api.callsOf("sendPoll")[1]?.payload.question).toBe("Câu 2/2: Nên tải VNeID từ đâu?");

    await feed(tgPollAnswer("poll-unknown", 0));
    expect(scripted.received).toHaveLength(2);
  });

  it("runs a quiz with answer buttons in groups", async () => {
    await feed(tgText("/kiemtra@TroLySoBot", { chat: tgGroup }));
    expect(api.callsOf("sendPoll")).toHaveLength(0);
    const keyboard = (sent()[0]?.reply_markup as { inline_keyboard: Array<Array<{ callback_data: string }>> }).inline_keyboard;
    expect(keyboard.flat().map((b) => b.callback_data)).toEqual(["q:1:0", "q:1:1", "q:1:2"]);
    await feed(tgCallback("q:1:0", { chat: tgGroup }));
    expect(scripted.received.at(-1)).toMatchObject({ action: "q:1:0", isGroup: true });
    expect(sent().at(-1)?.text).toContain("Chưa đúng.");
  });

  it("splits a long reply under 4,096 characters per message", async () => {
    const paragraph = "Đây là một đoạn hướng dẫn dài cho người cao tuổi. ".repeat(20);
    scripted.respondWith(() => ({ kind: "answer", text: Array.from({ length: 12 }, () => paragraph).join("\n\n"), sources: [], confidence: 1 }));
    await feed(tgText("hỏi dài"));
    const texts = sent().map((p) => String(p.text));
    expect(texts.length).toBeGreaterThanOrEqual(3);
    for (const t of texts) expect(t.length).toBeLessThan(4096);
    expect(texts.join("\n\n").replace(/\s+/g, " ")).toBe(Array.from({ length: 12 }, () => paragraph).join(" ").replace(/\s+/g, " ").trim());
  });

  it("asks for text when it gets a sticker", async () => {
    await feed(tgSticker());
    expect(scripted.received).toHaveLength(0);
    expect(String(sent()[0]?.text)).toMatch(/gõ câu hỏi bằng chữ/);
  });

  it("retries a send after Telegram's 429 retry_after", async () => {
    api.failNext("sendMessage", { code: 429, retryAfter: 1 });
    await feed(tgText("câu hỏi"));
    const attempts = api.callsOf("sendMessage");
    expect(attempts).toHaveLength(2);
    const gap = (attempts[1]?.at ?? 0) - (attempts[0]?.at ?? 0);
    // retry_after is 1 s; the fake API's arrival times carry transit jitter on a busy machine, so a wide margin.
    expect(gap).toBeGreaterThanOrEqual(700);
  });

  it("survives a failing core: the citizen gets an apology and the next update works", async () => {
    scripted.respondWith((m) => {
      if (m.text === "lỗi") throw new Error("boom");
      return undefined;
    });
    await feed(tgText("lỗi"));
    expect(String(sent()[0]?.text)).toMatch(/Xin lỗi/);
    await feed(tgText("bình thường"));
    expect(String(sent()[1]?.text)).toContain("Trả lời cho: bình thường");
  });
});

describe("Telegram webhook route", () => {
  async function server() {
    const app = Fastify();
    if (!channel.plugin) throw new Error("webhook plugin missing");
    await app.register(channel.plugin);
    return app;
  }

  it("rejects a wrong or missing secret with 401 and processes nothing", async () => {
    const app = await server();
    const wrong = await app.inject({ method: "POST", url: "/webhooks/telegram", headers: { "x-telegram-bot-api-secret-token": "nope" }, payload: tgText("xin chào") });
    const missing = await app.inject({ method: "POST", url: "/webhooks/telegram", payload: tgText("xin chào") });
    expect([wrong.statusCode, missing.statusCode]).toEqual([401, 401]);
    await channel.idle();
    expect(scripted.received).toHaveLength(0);
    expect(api.calls).toHaveLength(0);
    await app.close();
  });

  it("answers 200 at once and processes a redelivered update only once", async () => {
    const app = await server();
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    scripted.respondWith(() => undefined);
    const slow = scripted.assistant.handle.bind(scripted.assistant);
    scripted.assistant.handle = async (m) => {
      await gate;
      return slow(m);
    };
    const update = tgText("câu hỏi chậm");
    const headers = { "x-telegram-bot-api-secret-token": secret };
    const first = await app.inject({ method: "POST", url: "/webhooks/telegram", headers, payload: update });
    // The core has not answered yet, but Telegram already has its 200.
    expect(first.statusCode).toBe(200);
    expect(sent()).toHaveLength(0);
    const again = await app.inject({ method: "POST", url: "/webhooks/telegram", headers, payload: update });
    expect(again.json()).toMatchObject({ ok: true, duplicate: true });
    release();
    await new Promise((r) => setTimeout(r, 50));
    await channel.idle();
    expect(scripted.received).toHaveLength(1);
    expect(sent()).toHaveLength(1);
    await app.close();
  });

  it("rejects a body that is not an update", async () => {
    const app = await server();
    const res = await app.inject({ method: "POST", url: "/webhooks/telegram", headers: { "x-telegram-bot-api-secret-token": secret }, payload: { hello: 1 } });
    expect(res.statusCode).toBe(400);
    await app.close();
  });
});

describe("Telegram polling mode", () => {
  it("registers the Vietnamese command menu, polls updates and answers them", async () => {
    const polling = makeChannel("polling");
    await polling.start();
    api.pushUpdate(tgText("xin chào trợ lý"));
    for (let i = 0; i < 250 && api.callsOf("sendMessage").length === 0; i++) await new Promise((r) => setTimeout(r, 20));
    await polling.stop();
    const commands = api.callsOf("setMyCommands")[0]?.payload.commands as Array<{ command: string; description: string }>;
    expect(commands.map((c) => c.command)).toEqual(["start", "hoi", "baihoc", "kiemtra", "tiendo", "trogiup", "hoso", "lienket", "moi", "daisu", "gapnguoi"]);
    // Vietnamese, with diacritics, for every command.
    for (const c of commands) expect(c.description).toMatch(/[^\x00-\x7F]/);
    expect(api.callsOf("deleteWebhook")).toHaveLength(1);
    expect(api.callsOf("getUpdates")[0]?.payload.allowed_updates).toEqual(["message", "callback_query", "poll_answer"]);
    expect(String(sent()[0]?.text)).toContain("Trả lời cho: xin chào trợ lý");
  });
});
