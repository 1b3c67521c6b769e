import Fastify from "fastify";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createZaloChannel, type ZaloChannel } from "../../../../src/channels/zalo/index.js";
import { createScriptedAssistant } from "../../../fakes/channel-scripted-assistant.js";
import { startFakeZaloApi, type FakeZaloApi } from "../../../fakes/fake-zalo-api.js";
import { wrap, zaloEvent, zaloGroupId, zaloText, zaloUserId } from "../../../fixtures/zalo-events.js";

const token = "12345689:abc-xyz";
const secret = "zalo-secret-123";
let api: FakeZaloApi;
let scripted: ReturnType<typeof createScriptedAssistant>;
let channel: ZaloChannel;
let fatal: Error[];

function makeChannel(opts: { mode?: "polling" | "webhook"; token?: string; perChatIntervalMs?: number } = {}) {
  return createZaloChannel({
    assistant: scripted.assistant,
    token: opts.token ?? token,
    apiBase: api.url,
    mode: opts.mode ?? "webhook",
    webhookSecret: secret,
    botNames: ["Bot Trợ Lý Số"],
    pacing: { perChatIntervalMs: opts.perChatIntervalMs ?? 0, backoffBaseMs: 20, pollTimeoutSec: 1 },
    onFatal: (e) => fatal.push(e),
  });
}

async function feed(body: unknown) {
  channel.acceptUpdate(body);
  await channel.idle();
}
/** Messages after the first-contact greeting. */
const answers = () => api.sentTexts().filter((t) => !t.startsWith("Xin chào! Tôi là trợ lý tự động"));

beforeAll(async () => {
  api = await startFakeZaloApi({ token });
});
afterAll(async () => {
  await api.close();
});
beforeEach(() => {
  api.reset();
  fatal = [];
  scripted = createScriptedAssistant();
  channel = makeChannel();
});

describe("Zalo channel against a fake Bot API", () => {
  it("greets on first contact (automated bot), then answers with the source", async () => {
    await feed(zaloText("cài vneid ở đâu"));
    const texts = api.sentTexts(zaloUserId);
    expect(texts[0]).toMatch(/trợ lý tự động/);
    expect(texts[1]).toContain("Trả lời cho: cài vneid ở đâu");
    expect(texts[1]).toContain("https://vneid.gov.vn/");
    expect(scripted.received.map((m) => m.text)).toEqual(["/start", "cài vneid ở đâu"]);
    expect(api.callsOf("sendChatAction")[0]?.payload).toEqual({ chat_id: zaloUserId, action: "typing" });
    await feed(zaloText("câu nữa"));
    expect(scripted.received.filter((m) => m.text === "/start")).toHaveLength(1);
  });

  it("greets once when the first message is itself a greeting", async () => {
    scripted.respondWith((m) =>
      m.text === "xin chào" ? { kind: "greeting", text: "Xin chào! Tôi là trợ lý tự động, không phải người thật.", sources: [], confidence: 1 } : undefined,
    );
    await feed(zaloText("xin chào"));
    await feed(zaloText("xin chào"));
    const greetings = api.sentTexts(zaloUserId).filter((t) => /trợ lý tự động/.test(t));
    expect(greetings).toHaveLength(2); // first contact once, then the answer to the second "xin chào"
    expect(api.sentTexts(zaloUserId)).toHaveLength(2);
  });

  it("a failed greeting does not swallow the answer, and the chat is greeted again next time", async () => {
    api.failNext("sendMessage", { code: 400 });
    await feed(zaloText("lệ phí đổi CCCD"));
    expect(api.sentTexts(zaloUserId).at(-1)).toContain("Trả lời cho: lệ phí đổi CCCD");
    await feed(zaloText("câu thứ hai"));
    expect(scripted.received.filter((m) => m.text === "/start")).toHaveLength(2);
    const sent = api.sentTexts(zaloUserId);
    expect(sent.at(-2)).toMatch(/trợ lý tự động/);
    expect(sent.at(-1)).toContain("Trả lời cho: câu thứ hai");
    await feed(zaloText("câu thứ ba"));
    expect(scripted.received.filter((m) => m.text === "/start")).toHaveLength(2);
  });

  it("ignores group messages that do not mention the bot", async () => {
    await feed(zaloText("mọi người ăn cơm chưa", { group: true }));
    await feed(zaloText("@Ai đó lệ phí đổi CCCD", { group: true }));
    expect(scripted.received).toHaveLength(0);
    expect(api.sentTexts()).toHaveLength(0);
    await feed(zaloText("cho hỏi @Bot Trợ Lý Số lệ phí đổi CCCD", { group: true }));
    expect(scripted.received.at(-1)).toMatchObject({ isGroup: true });
  });

  it("navigates steps by typed TIẾP / numbers", async () => {
    await feed(zaloText("cách cài vneid"));
    expect(answers()[0]).toMatch(/Bước 1[\s\S]*Gõ TIẾP để xem bước sau/);
    await feed(zaloText("TIẾP"));
    expect(scripted.received.at(-1)).toMatchObject({ action: "s:next" });
    expect(scripted.received.at(-1)?.text).toBeUndefined();
    expect(answers().at(-1)).toContain("Bước 2");
    await feed(zaloText("2"));
    expect(scripted.received.at(-1)).toMatchObject({ action: "s:rep" });
  });

  it("runs a quiz by typed numbers", async () => {
    await feed(zaloText("/kiemtra"));
    expect(answers().at(-1)).toMatch(/Gõ 1, 2 hoặc 3 để trả lời\./);
    await feed(zaloText("2"));
    expect(scripted.received.at(-1)).toMatchObject({ action: "q:1:1" });
    expect(answers().at(-1)).toMatch(/^Đúng rồi!/);
    await feed(zaloText("a"));
    expect(scripted.received.at(-1)).toMatchObject({ action: "q:2:0" });
    // After the last answer the menu is gone: "1" is a plain question again.
    await feed(zaloText("1"));
    expect(scripted.received.at(-1)).toMatchObject({ text: "1" });
  });

  it("strips the @mention in groups and keeps group and user apart", async () => {
    await feed(zaloText("@Bot Trợ Lý Số lệ phí đổi CCCD", { group: true }));
    expect(scripted.received.at(-1)).toMatchObject({ text: "lệ phí đổi CCCD", isGroup: true, chatId: zaloGroupId, userId: zaloUserId });
    expect(api.sentTexts(zaloGroupId).at(-1)).toContain("Trả lời cho: lệ phí đổi CCCD");
  });

  it("asks for text on image, sticker and unsupported events, and survives an event without body", async () => {
    await feed(zaloEvent("message.image.received", { photo: "https://x/a.jpg" }));
    await feed(zaloEvent("message.sticker.received", { sticker: "s1" }));
    await feed(zaloEvent("message.unsupported.received"));
    await feed({ event_name: "message.unsupported.received" });
    expect(scripted.received).toHaveLength(0);
    expect(api.sentTexts()).toHaveLength(3);
    for (const t of api.sentTexts()) expect(t).toMatch(/gõ câu hỏi bằng chữ/);
  });

  it("splits long replies under 2,000 characters with at least 0.5 s between parts", async () => {
    channel = makeChannel({ perChatIntervalMs: 500 });
    const long = Array.from({ length: 8 }, (_, i) => `${i + 1}. ${"Bấm vào nút trên màn hình. ".repeat(20)}`).join("\n");
    scripted.respondWith((m) => (m.text === "dài" ? { kind: "answer", text: long, sources: [], confidence: 1 } : undefined));
    await feed(zaloText("dài"));
    const parts = api.callsOf("sendMessage").slice(1); // after the greeting
    expect(parts.length).toBeGreaterThanOrEqual(3);
    for (const p of parts) expect(String(p.payload.text).length).toBeLessThan(2000);
    // Arrival times at the fake API include each request's transit, which a busy machine stretches unevenly: the
    // channel spaces its sends by 500 ms, so arrivals are checked with a wide margin, not to the millisecond.
    for (let i = 1; i < parts.length; i++) expect((parts[i]?.at ?? 0) - (parts[i - 1]?.at ?? 0)).toBeGreaterThanOrEqual(250);
  });

  it("retries 429 after retry_after and 5xx with backoff", async () => {
    api.failNext("sendMessage", { code: 429, retryAfter: 1 });
    api.failNext("sendMessage", { code: 502 });
    await feed(zaloText("câu hỏi"));
    const attempts = api.callsOf("sendMessage");
    expect(attempts).toHaveLength(4); // greeting: 429, 502, ok; then the answer
    // retry_after is 1 s; arrival times carry transit jitter on a busy machine (see the pacing test above).
    expect((attempts[1]?.at ?? 0) - (attempts[0]?.at ?? 0)).toBeGreaterThanOrEqual(700);
    expect(api.sentTexts().at(-1)).toContain("Trả lời cho: câu hỏi");
  });

  it("reports a rejected token (401) as fatal with an operator message", async () => {
    channel = makeChannel({ token: "999:wrong" });
    await expect(channel.start()).rejects.toThrow();
    expect(fatal[0]?.message).toMatch(/ZALO_BOT_TOKEN \(401\)/);
  });
});

describe("Zalo webhook route", () => {
  async function server() {
    const app = Fastify();
    if (!channel.plugin) throw new Error("plugin missing");
    await app.register(channel.plugin);
    return app;
  }

  it("rejects a wrong secret with 403 and processes nothing", async () => {
    const app = await server();
    const res = await app.inject({ method: "POST", url: "/webhooks/zalo", headers: { "x-bot-api-secret-token": "wrong-secret" }, payload: zaloText("hi") });
    expect(res.statusCode).toBe(403);
    await channel.idle();
    expect(api.calls).toHaveLength(0);
    expect(scripted.received).toHaveLength(0);
    await app.close();
  });

  it("accepts flat and wrapped bodies and processes a redelivery once", async () => {
    const app = await server();
    const headers = { "x-bot-api-secret-token": secret };
    const event = zaloText("câu hỏi một lần");
    const responses = await Promise.all([
      app.inject({ method: "POST", url: "/webhooks/zalo", headers, payload: event }),
      app.inject({ method: "POST", url: "/webhooks/zalo", headers, payload: wrap(event) }),
    ]);
    expect(responses.map((r) => r.statusCode)).toEqual([200, 200]);
    await channel.idle();
    expect(scripted.received.filter((m) => m.text === "câu hỏi một lần")).toHaveLength(1);
    await feed(wrap(zaloText("bọc ngoài")));
    expect(scripted.received.at(-1)?.text).toBe("bọc ngoài");
    await app.close();
  });
});

describe("Zalo polling mode", () => {
  it("deletes the webhook first, treats 408 as nothing new, and answers polled messages", async () => {
    const polling = makeChannel({ mode: "polling" });
    await polling.start();
    await new Promise((r) => setTimeout(r, 400)); // at least one empty (408) poll
    api.pushUpdate(wrap(zaloText("hỏi qua polling")));
    for (let i = 0; i < 250 && !api.sentTexts().some((t) => t.includes("hỏi qua polling")); i++) await new Promise((r) => setTimeout(r, 20));
    await polling.stop();
    const methods = api.calls.map((c) => c.method);
    expect(methods.indexOf("deleteWebhook")).toBeLessThan(methods.indexOf("getUpdates"));
    expect(api.callsOf("getUpdates").length).toBeGreaterThanOrEqual(2);
    expect(api.sentTexts().some((t) => t.includes("Trả lời cho: hỏi qua polling"))).toBe(true);
    expect(fatal).toHaveLength(0);
  });
});
