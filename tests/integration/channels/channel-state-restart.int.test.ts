import { GREETED_TEST_KEY } from "../../contracts/greeted-store.contract.js";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTelegramChannel, type PollActionStore } from "../../../src/channels/telegram/index.js";
import { createZaloChannel, type GreetedStore } from "../../../src/channels/zalo/index.js";
import { createSqliteGreetedStore, createSqlitePollActionStore, openSqlite, type SqliteDatabase } from "../../../src/storage/sqlite/index.js";
import { createScriptedAssistant } from "../../fakes/channel-scripted-assistant.js";
import { startFakeTelegramApi, type FakeTelegramApi } from "../../fakes/fake-telegram-api.js";
import { startFakeZaloApi, type FakeZaloApi } from "../../fakes/fake-zalo-api.js";
import { tgPollAnswer, tgText } from "../../fixtures/telegram-updates.js";
import { zaloText, zaloUserId } from "../../fixtures/zalo-events.js";

/**
 * A "restart": the first channel instance and its SQLite handle are stopped and closed, then a new channel instance
 * (new process state: new assistant, new caches) opens the same SQLite file. Only the chat APIs are fakes.
 */
const zaloToken = "12345689:abc-xyz";
let dir: string;
let file: string;
let tgApi: FakeTelegramApi;
let zaloApi: FakeZaloApi;
const handles: SqliteDatabase[] = [];
const open = () => {
  const db = openSqlite(file);
  handles.push(db);
  return db;
};

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "troly-restart-"));
  file = join(dir, "tro-ly-so.sqlite");
  tgApi = await startFakeTelegramApi();
  zaloApi = await startFakeZaloApi({ token: zaloToken });
});
afterAll(async () => {
  for (const db of handles) if (db.open) db.close();
  await tgApi.close();
  await zaloApi.close();
  rmSync(dir, { recursive: true, force: true });
});

function telegram(polls: PollActionStore) {
  const scripted = createScriptedAssistant();
  const channel = createTelegramChannel({
    assistant: scripted.assistant,
    token: "123:TEST",
    apiRoot: tgApi.url,
    mode: "polling",
    botInfo: { ...tgApi.me, is_bot: true, can_join_groups: true, can_read_all_group_messages: false, supports_inline_queries: false },
    pacing: { perChatIntervalMs: 0 },
    polls,
  });
  const feed = async (update: Parameters<typeof channel.handleUpdate>[0]) => {
    await channel.handleUpdate(update);
    await channel.idle();
  };
  return { scripted, channel, feed };
}

function zalo(greeted: GreetedStore) {
  const scripted = createScriptedAssistant();
  const channel = createZaloChannel({
    assistant: scripted.assistant,
    token: zaloToken,
    apiBase: zaloApi.url,
    mode: "webhook",
    webhookSecret: "zalo-secret-123",
    pacing: { perChatIntervalMs: 0, backoffBaseMs: 20 },
    greeted,
  });
  const feed = async (body: unknown) => {
    channel.acceptUpdate(body);
    await channel.idle();
  };
  return { scripted, channel, feed };
}

describe("channel state survives a restart (SQLite file)", () => {
  it("routes the answer to a quiz poll sent before the restart to the assistant as that poll's answer action", async () => {
    const before = open();
    const first = telegram(createSqlitePollActionStore(before));
    await first.feed(tgText("/kiemtra"));
    const poll = tgApi.callsOf("sendPoll")[0];
    expect(poll?.payload).toMatchObject({ type: "quiz", chat_id: "42" });
    await first.channel.stop();
    before.close();

    const after = open();
    const second = telegram(createSqlitePollActionStore(after));
    tgApi.reset();
    await second.feed(tgPollAnswer("poll-1", 1));
    expect(second.scripted.received).toHaveLength(1);
    expect(second.scripted.received[0]).toMatchObject({ channel: "telegram", userId: "42", action: "q:1:1" });
    expect(second.scripted.received[0]?.text).toBeUndefined();
    // The assistant's reply (verdict, then question 2 as a new poll) goes back to the chat the poll was sent to.
    expect(tgApi.callsOf("sendMessage").map((c) => c.payload)).toEqual([expect.objectContaining({ chat_id: "42", text: "Đúng rồi!" })]);
    expect(tgApi.callsOf("sendPoll")[0]?.payload).toMatchObject({ chat_id: "42", question: "Câu 2/2: Nên tải VNeID từ đâu?" });
    // A poll this process never sent still reaches nobody.
    await second.feed(tgPollAnswer("poll-404", 0));
    expect(second.scripted.received).toHaveLength(1);
    await second.channel.stop();
  });

  it("greets a Zalo citizen once, not again after the restart", async () => {
    const isGreeting = (t: string) => t.startsWith("Xin chào! Tôi là trợ lý tự động");
    const before = open();
    const first = zalo(createSqliteGreetedStore(before, GREETED_TEST_KEY));
    await first.feed(zaloText("cài vneid ở đâu"));
    expect(zaloApi.sentTexts(zaloUserId).filter(isGreeting)).toHaveLength(1);
    await first.channel.stop();
    before.close();

    const second = zalo(createSqliteGreetedStore(open(), GREETED_TEST_KEY));
    zaloApi.reset();
    await second.feed(zaloText("lệ phí đổi CCCD"));
    const texts = zaloApi.sentTexts(zaloUserId);
    expect(texts.filter(isGreeting)).toHaveLength(0);
    expect(texts.at(-1)).toContain("Trả lời cho: lệ phí đổi CCCD");
    expect(second.scripted.received.map((m) => m.text)).toEqual(["lệ phí đổi CCCD"]);
    await second.channel.stop();
  });
});
