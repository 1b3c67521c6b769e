import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Fastify from "fastify";
import type { Update } from "telegraf/types";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Assistant } from "../../../src/assistant/index.js";
import { createTelegramChannel } from "../../../src/channels/telegram/index.js";
import { createZaloChannel } from "../../../src/channels/zalo/index.js";
import { createAdminPlugin } from "../../../src/http/admin/index.js";
import { createSqliteLearningStore } from "../../../src/storage/sqlite/learning-store.js";
import {
  createSqliteChannelDelivery,
  createSqliteGreetedStore,
  openSqlite,
  type SqliteDatabase,
} from "../../../src/storage/sqlite/index.js";
import { GREETED_TEST_KEY } from "../../contracts/greeted-store.contract.js";
import { createScriptedAssistant } from "../../fakes/channel-scripted-assistant.js";
import { startFakeTelegramApi, type FakeTelegramApi } from "../../fakes/fake-telegram-api.js";
import { startFakeZaloApi, type FakeZaloApi } from "../../fakes/fake-zalo-api.js";
import { manualTimers } from "../../fakes/manual-timers.js";
import { PATHS } from "../../fixtures/learning/lessons.js";
import { tgText } from "../../fixtures/telegram-updates.js";
import { zaloText, zaloUserId } from "../../fixtures/zalo-events.js";

/**
 * Issue 11, items 6 and 7, end to end on a real SQLite file with fake Telegram/Zalo APIs: replies survive minutes of
 * platform 5xx and a restart, updates survive a crash after the 200, redeliveries after a restart are answered once,
 * and dead letters reach the admin. A "restart" closes the channel and its SQLite handle and opens new ones on the same
 * file. Retries use tiny backoffs or a manual clock, so nothing depends on the machine's speed.
 */
const tgSecret = "test_secret-0123456789";
const zaloToken = "12345689:abc-xyz";
const zaloSecret = "zalo-secret-123";
const adminToken = "admin-token-0123456789";
let dir: string;
let tgApi: FakeTelegramApi;
let zaloApi: FakeZaloApi;
let file: string;
const handles: SqliteDatabase[] = [];
const stoppers: Array<() => Promise<void>> = [];
const fast = { policy: { backoffBaseMs: 5, backoffMaxMs: 40, retryWindowMs: 15 * 60_000, maxAttempts: 50 }, pollIntervalMs: 20 };

function openDb() {
  const db = openSqlite(file);
  handles.push(db);
  return db;
}

type Delivery = NonNullable<Parameters<typeof createTelegramChannel>[0]["delivery"]>;

/** A Telegram channel in webhook mode on `db`; `crashes`: never stopped (it stands for a process that died). */
function telegram(db: SqliteDatabase, opts: { assistant?: Assistant; delivery?: Delivery; crashes?: boolean } = {}) {
  const scripted = createScriptedAssistant();
  const store = createSqliteChannelDelivery(db);
  const channel = createTelegramChannel({
    assistant: opts.assistant ?? scripted.assistant,
    token: "123:TEST",
    apiRoot: tgApi.url,
    mode: "webhook",
    webhookSecret: tgSecret,
    botInfo: { ...tgApi.me, is_bot: true, can_join_groups: true, can_read_all_group_messages: false, supports_inline_queries: false },
    pacing: { perChatIntervalMs: 0 },
    outbox: store.outbox,
    inbox: store.inbox,
    delivery: opts.delivery ?? fast,
  });
  if (!opts.crashes) stoppers.push(() => channel.stop());
  const app = Fastify();
  void app.register(channel.plugin!);
  stoppers.push(() => app.close());
  const post = async (update: Update) => {
    const response = await app.inject({
      method: "POST",
      url: "/webhooks/telegram",
      headers: { "x-telegram-bot-api-secret-token": tgSecret },
      payload: update,
    });
    expect(response.statusCode).toBe(200);
    return response.json() as { ok: boolean; duplicate: boolean };
  };
  return { scripted, channel, post, store };
}

/** Telegram sendMessage calls the fake answered with 200 (the fake fails the first `failed` calls). */
const delivered = (failed = 0) => tgApi.callsOf("sendMessage").slice(failed).map((c) => String(c.payload.text));
const answerTo = (question: string) => `Trả lời cho: ${question}`;

/** Waits for a condition reached through real (tiny) timers; bounded only by the test timeout, not a speed guess. */
async function until(condition: () => boolean | Promise<boolean>): Promise<void> {
  while (!(await condition())) await new Promise((resolve) => setTimeout(resolve, 10));
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "troly-durable-"));
  tgApi = await startFakeTelegramApi();
  zaloApi = await startFakeZaloApi({ token: zaloToken });
});
beforeEach(async () => {
  for (const stop of stoppers.splice(0)) await stop().catch(() => undefined);
  file = join(dir, `tro-ly-so-${Date.now()}-${Math.random().toString(36).slice(2)}.sqlite`);
  tgApi.reset();
  zaloApi.reset();
});
afterAll(async () => {
  for (const stop of stoppers.splice(0)) await stop().catch(() => undefined);
  for (const db of handles) if (db.open) db.close();
  await tgApi.close();
  await zaloApi.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("durable outbox (issue 11, item 6)", () => {
  it("delivers every answer once and in order after the Bot API returned 500 for a while", async () => {
    const { channel, post } = telegram(openDb());
    const failures = 12; // the old in-memory queue gave up after 4 attempts
    tgApi.failNext("sendMessage", { code: 500, description: "Internal Server Error" }, failures);
    const questions = ["câu một", "câu hai", "câu ba"];
    for (const q of questions) await post(tgText(q));
    await channel.idle();
    expect(delivered(failures)).toEqual(questions.map((q) => expect.stringContaining(answerTo(q))));
  });

  it("after a restart in the middle, resends what was not delivered, and nothing twice", async () => {
    const db = openDb();
    // The first process's clock is an hour behind and never advances: its retry is due "later" for it, but already
    // due for the restarted process, which must then send it at start.
    const timers = manualTimers(new Date(Date.now() - 3_600_000));
    const first = telegram(db, { delivery: { now: timers.now, schedule: timers.schedule } });
    await first.post(tgText("trước khi khởi động lại"));
    await first.channel.idle(); // delivered
    tgApi.failNext("sendMessage", { code: 502, description: "Bad Gateway" }, 1_000);
    await first.post(tgText("đang dở dang"));
    await first.channel.settled(); // attempted once, now waiting for its retry
    await first.channel.stop();
    db.close();

    tgApi.reset(); // the platform is back
    const second = telegram(openDb());
    await second.channel.start();
    await second.channel.idle();
    expect(delivered()).toEqual([expect.stringContaining(answerTo("đang dở dang"))]);
  });

  it("dead-letters a message the platform refuses, shows it to the admin, and sends it on the admin's retry", async () => {
    const db = openDb();
    const { channel, post, store } = telegram(db);
    tgApi.failNext("sendMessage", { code: 403, description: "Forbidden: bot was blocked by the user" });
    await post(tgText("câu bị chặn"));
    await channel.idle();
    expect(delivered(1)).toEqual([]);

    const admin = Fastify();
    stoppers.push(() => admin.close());
    const learning = createSqliteLearningStore(db);
    await admin.register(
      createAdminPlugin({ store: learning, paths: PATHS, apiToken: adminToken, homePage: "https://troly.so", deadLetters: store.deadLetters }),
    );
    const url = "/admin/api/outbox/dead-letters";
    expect((await admin.inject({ method: "GET", url })).statusCode).toBe(401);
    const listed = await admin.inject({ method: "GET", url, headers: { authorization: `Bearer ${adminToken}` } });
    expect(listed.statusCode).toBe(200);
    const [letter, ...rest] = (listed.json() as { deadLetters: Array<Record<string, unknown>> }).deadLetters;
    expect(rest).toEqual([]);
    expect(letter).toMatchObject({ channel: "telegram", attempts: 1, lastError: expect.stringContaining("bot was blocked") });
    expect(String(letter?.preview)).toContain(answerTo("câu bị chặn"));
    expect(JSON.stringify(letter)).not.toContain('"42"'); // the raw chat id stays out of the admin list

    const retried = await admin.inject({ method: "POST", url: `${url}/${String(letter?.id)}/retry`, headers: { authorization: `Bearer ${adminToken}` } });
    expect(retried.statusCode).toBe(202);
    const missing = await admin.inject({ method: "POST", url: `${url}/999999/retry`, headers: { authorization: `Bearer ${adminToken}` } });
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({ messageVi: expect.stringMatching(/Không tìm thấy/) });
    await until(() => delivered(1).length === 1); // the sender looks for work every pollIntervalMs
    expect(delivered(1)).toEqual([expect.stringContaining(answerTo("câu bị chặn"))]);
    const after = await admin.inject({ method: "GET", url, headers: { authorization: `Bearer ${adminToken}` } });
    expect((after.json() as { deadLetters: unknown[] }).deadLetters).toEqual([]);
  });

  it("Zalo: marks the chat greeted only once the greeting is delivered, and the answer never overtakes it", async () => {
    const db = openDb();
    const timers = manualTimers();
    const greeted = createSqliteGreetedStore(db, GREETED_TEST_KEY);
    const store = createSqliteChannelDelivery(db);
    const channel = createZaloChannel({
      assistant: createScriptedAssistant().assistant,
      token: zaloToken,
      apiBase: zaloApi.url,
      mode: "webhook",
      webhookSecret: zaloSecret,
      pacing: { perChatIntervalMs: 0, typingEveryMs: 3_600_000 },
      greeted,
      outbox: store.outbox,
      inbox: store.inbox,
      delivery: { now: timers.now, schedule: timers.schedule },
    });
    stoppers.push(() => channel.stop());
    zaloApi.failNext("sendMessage", { code: 503, description: "Service Unavailable" });
    await channel.acceptUpdate(zaloText("cài vneid ở đâu"));
    await channel.settled();
    expect(zaloApi.sentTexts(zaloUserId)).toHaveLength(1); // the greeting was tried; the answer waits behind it
    expect(await greeted.has(zaloUserId)).toBe(false);
    // A second message meanwhile is not greeted a second time.
    await channel.acceptUpdate(zaloText("câu nữa"));
    await channel.settled();
    for (let i = 0; i < 10 && (await store.outbox.nextDueAt("zalo")); i++) {
      timers.fireNext();
      await channel.settled();
    }
    const texts = zaloApi.sentTexts(zaloUserId).slice(1);
    expect(texts).toHaveLength(3);
    expect(texts[0]).toMatch(/trợ lý tự động/);
    expect(texts[1]).toContain(answerTo("cài vneid ở đâu"));
    expect(texts[2]).toContain(answerTo("câu nữa"));
    expect(await greeted.has(zaloUserId)).toBe(true);
  });
});

describe("durable inbox (issue 11, item 7)", () => {
  it("replays at start-up an update acknowledged just before the process died", async () => {
    const db = openDb();
    const hanging: Assistant = { handle: () => new Promise(() => undefined) };
    const crashed = telegram(db, { assistant: hanging, crashes: true });
    const update = tgText("hỏi trước khi sập");
    expect(await crashed.post(update)).toMatchObject({ ok: true, duplicate: false });
    // The process dies here: no stop(), the answer was never produced. Its database handle goes with it.
    db.close();

    const restarted = telegram(openDb());
    await restarted.channel.start();
    await restarted.channel.idle();
    expect(restarted.scripted.received.map((m) => m.text)).toEqual(["hỏi trước khi sập"]);
    expect(delivered()).toEqual([expect.stringContaining(answerTo("hỏi trước khi sập"))]);
    // Telegram redelivers it too (it got its 200 late): still answered once.
    expect(await restarted.post(update)).toMatchObject({ duplicate: true });
    await restarted.channel.idle();
    expect(delivered()).toHaveLength(1);
  });

  it("answers a redelivery that arrives after a restart only once", async () => {
    const db = openDb();
    const first = telegram(db);
    const update = tgText("chỉ trả lời một lần");
    await first.post(update);
    await first.channel.idle();
    await first.channel.stop();
    db.close();

    const second = telegram(openDb());
    await second.channel.start();
    expect(await second.post(update)).toMatchObject({ duplicate: true });
    await second.channel.idle();
    expect(second.scripted.received).toEqual([]);
    expect(delivered()).toEqual([expect.stringContaining(answerTo("chỉ trả lời một lần"))]);
  });

  it("Zalo: de-duplicates an event without message_id by its content", async () => {
    const db = openDb();
    const store = createSqliteChannelDelivery(db);
    const make = () => {
      const scripted = createScriptedAssistant();
      const channel = createZaloChannel({
        assistant: scripted.assistant,
        token: zaloToken,
        apiBase: zaloApi.url,
        mode: "webhook",
        webhookSecret: zaloSecret,
        pacing: { perChatIntervalMs: 0, typingEveryMs: 3_600_000 },
        greeted: createSqliteGreetedStore(db, GREETED_TEST_KEY),
        outbox: store.outbox,
        inbox: store.inbox,
        delivery: fast,
      });
      stoppers.push(() => channel.stop());
      return { scripted, channel };
    };
    const event = zaloText("không có mã tin nhắn");
    delete (event.message as { message_id?: string }).message_id;
    const first = make();
    expect(await first.channel.acceptUpdate(event)).toBe(true);
    expect(await first.channel.acceptUpdate(structuredClone(event))).toBe(false);
    await first.channel.idle();
    await first.channel.stop();
    const second = make(); // same database: a redelivery after a restart
    expect(await second.channel.acceptUpdate(structuredClone(event))).toBe(false);
    await second.channel.idle();
    const answers = zaloApi.sentTexts(zaloUserId).filter((t) => t.includes(answerTo("không có mã tin nhắn")));
    expect(answers).toHaveLength(1);
  });

  it("refuses to acknowledge (503) an update it could not store, so the platform delivers it again", async () => {
    const db = openDb();
    const { channel } = telegram(db);
    const app = Fastify();
    stoppers.push(() => app.close());
    await app.register(channel.plugin!);
    db.close(); // the database is gone
    const response = await app.inject({
      method: "POST",
      url: "/webhooks/telegram",
      headers: { "x-telegram-bot-api-secret-token": tgSecret },
      payload: tgText("không lưu được"),
    });
    expect(response.statusCode).toBe(503);
  });
});
