import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTelegram, type TelegramChannel } from "../../../src/channels/telegram/index.js";
import { startZalo, type ZaloChannel } from "../../../src/channels/zalo/index.js";
import { buildServer } from "../../../src/http/index.js";
import { startFakeTelegramApi, type FakeTelegramApi } from "../../fakes/fake-telegram-api.js";
import { startFakeZaloApi, type FakeZaloApi } from "../../fakes/fake-zalo-api.js";
import { buildTestAssistant } from "../../fakes/test-assistant.js";
import { tgCallback, tgText } from "../../fixtures/telegram-updates.js";
import { zaloText, zaloUserId } from "../../fixtures/zalo-events.js";

/**
 * Both channels in webhook mode, registered on the real HTTP server (buildServer's extraPlugins) in front of the
 * real dialogue router (commands → steps → QA over the fixture knowledge), over real HTTP on 127.0.0.1; only the
 * Telegram and Zalo APIs are fakes.
 */
const tgSecret = "tg_secret_0123456789";
const zaloSecret = "zalo-secret-0123456789";
const zaloToken = "12345689:abc-xyz";
let tgApi: FakeTelegramApi;
let zaloApi: FakeZaloApi;
let telegram: TelegramChannel;
let zalo: ZaloChannel;
let app: FastifyInstance;
let base: string;

async function post(path: string, secretHeader: Record<string, string>, body: unknown) {
  return fetch(`${base}${path}`, { method: "POST", headers: { "content-type": "application/json", ...secretHeader }, body: JSON.stringify(body) });
}

beforeAll(async () => {
  tgApi = await startFakeTelegramApi();
  zaloApi = await startFakeZaloApi({ token: zaloToken });
  const { assistant } = buildTestAssistant();
  telegram = startTelegram(
    { token: "123:TEST", apiRoot: tgApi.url, mode: "webhook", webhookUrl: "https://troly.example", webhookSecret: tgSecret },
    { assistant },
  );
  zalo = startZalo({ token: zaloToken, apiBase: zaloApi.url, mode: "webhook", webhookSecret: zaloSecret }, { assistant });
  if (!telegram.plugin || !zalo.plugin) throw new Error("webhook plugins missing in webhook mode");
  app = await buildServer({ assistant, extraPlugins: [telegram.plugin, zalo.plugin] });
  base = await app.listen({ host: "127.0.0.1", port: 0 });
  await telegram.start();
  await zalo.start();
});

afterAll(async () => {
  await telegram?.stop();
  await zalo?.stop();
  await app?.close();
  await tgApi?.close();
  await zaloApi?.close();
});

describe("Telegram webhook on the real server", () => {
  it("gets the bot identity and registers the command menu at start", () => {
    expect(tgApi.callsOf("getMe")).toHaveLength(1);
    expect(tgApi.callsOf("setMyCommands")).toHaveLength(1);
  });

  it("rejects a wrong secret with 401", async () => {
    const res = await post("/webhooks/telegram", { "x-telegram-bot-api-secret-token": "wrong" }, tgText("xin chào"));
    expect(res.status).toBe(401);
  });

  it("answers a question typed without diacritics with a cited source, then steps on with the button", async () => {
    tgApi.reset();
    const res = await post("/webhooks/telegram", { "x-telegram-bot-api-secret-token": tgSecret }, tgText("nop ho so dvc"));
    expect(res.status).toBe(200);
    await telegram.idle();
    const first = tgApi.callsOf("sendMessage")[0]?.payload;
    expect(String(first?.text)).toContain("https://dichvucong.gov.vn/");
    const buttons = (first?.reply_markup as { inline_keyboard: Array<Array<{ callback_data: string }>> } | undefined)?.inline_keyboard.flat() ?? [];
    expect(buttons.map((b) => b.callback_data)).toContain("s:next");

    await post("/webhooks/telegram", { "x-telegram-bot-api-secret-token": tgSecret }, tgCallback("s:next"));
    await telegram.idle();
    expect(tgApi.callsOf("answerCallbackQuery")).toHaveLength(1);
    const second = String(tgApi.callsOf("sendMessage")[1]?.payload.text);
    expect(second).not.toBe(String(first?.text));
    // The first reply is the answer with the steps offered; the button starts at step 1.
    expect(second).toMatch(/Bước 1\/3/);
  });

  it("accepts an update bigger than the web chat's body limit instead of answering 413", async () => {
    const big = tgText(`/hoi ${"rất dài ".repeat(3000)}`);
    const res = await post("/webhooks/telegram", { "x-telegram-bot-api-secret-token": tgSecret }, big);
    expect(res.status).toBe(200);
    await telegram.idle();
  });
});

describe("Zalo webhook on the real server", () => {
  it("rejects a wrong secret with 403", async () => {
    const res = await post("/webhooks/zalo", { "x-bot-api-secret-token": "wrong-secret" }, zaloText("xin chào"));
    expect(res.status).toBe(403);
  });

  it("greets first, answers with the source and a TIẾP menu, and steps on when the citizen types tiep", async () => {
    zaloApi.reset();
    const res = await post("/webhooks/zalo", { "x-bot-api-secret-token": zaloSecret }, { ok: true, result: zaloText("nop ho so dvc") });
    expect(res.status).toBe(200);
    await zalo.idle();
    const texts = zaloApi.sentTexts(zaloUserId);
    expect(texts[0]).toContain("[greeting]");
    expect(texts[1]).toContain("https://dichvucong.gov.vn/");
    expect(texts[1]).toMatch(/Gõ TIẾP để xem bước sau/);

    await post("/webhooks/zalo", { "x-bot-api-secret-token": zaloSecret }, zaloText("tiep"));
    await zalo.idle();
    expect(zaloApi.sentTexts(zaloUserId)[2]).toMatch(/Bước 1\/3/);
  });
});
