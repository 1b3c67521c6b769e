import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PollActionStore } from "../../src/channels/telegram/index.js";

export interface PollActionStoreSubject {
  store: PollActionStore;
  /** Persistent adapters: the same database on a new connection/handle (a restart), with the same clock. */
  reopen?(): Promise<PollActionStore>;
  /** Persistent adapters: every poll id physically stored, to prove old rows are deleted and not only hidden. */
  storedPollIds?(): Promise<string[]>;
  close(): Promise<void>;
}

const DAY = 24 * 60 * 60 * 1000;

/**
 * The behaviour every Telegram `PollActionStore` must have: poll id → {chatId, answerActionPrefix}, forgotten after
 * 7 days. `open` receives the clock the store must use. `persistent` adapters must also survive a reopen and delete
 * polls older than 7 days when a poll is written (bounded growth).
 */
export function pollActionStoreContract(
  name: string,
  options: { persistent: boolean; open(clock: () => Date): Promise<PollActionStoreSubject> },
  skipReason?: string,
): void {
  if (skipReason) console.warn(`PollActionStore contract: ${name} skipped — ${skipReason}`);
  describe.skipIf(Boolean(skipReason))(`${name}: PollActionStore contract${skipReason ? ` (skipped: ${skipReason})` : ""}`, () => {
    // The clock only moves forward, so one test's writes never expire another test's rows early.
    let now = Date.parse("2026-11-23T01:00:00.000Z");
    const advance = (ms: number) => {
      now += ms;
    };
    let subject: PollActionStoreSubject;
    beforeAll(async () => {
      subject = await options.open(() => new Date(now));
    });
    afterAll(async () => {
      await subject?.close();
    });
    const pollId = () => `${Math.floor(Math.random() * 1e15)}${randomUUID().slice(0, 4)}`;

    it("returns undefined for an unknown poll", async () => {
      expect(await subject.store.get(pollId())).toBeUndefined();
    });

    it("round-trips the chat and the answer-action prefix, exactly", async () => {
      const id = pollId();
      await subject.store.set(id, { chatId: "-1001234567890", answerActionPrefix: "q:bài-vneid:câu 2:" });
      expect(await subject.store.get(id)).toEqual({ chatId: "-1001234567890", answerActionPrefix: "q:bài-vneid:câu 2:" });
    });

    it("keeps polls apart and overwrites an entry set twice", async () => {
      const a = pollId();
      const b = pollId();
      await subject.store.set(a, { chatId: "42", answerActionPrefix: "q:1:" });
      await subject.store.set(b, { chatId: "43", answerActionPrefix: "q:2:" });
      expect(await subject.store.get(a)).toEqual({ chatId: "42", answerActionPrefix: "q:1:" });
      expect(await subject.store.get(b)).toEqual({ chatId: "43", answerActionPrefix: "q:2:" });
      await subject.store.set(a, { chatId: "44", answerActionPrefix: "q:3:" });
      expect(await subject.store.get(a)).toEqual({ chatId: "44", answerActionPrefix: "q:3:" });
      expect(await subject.store.get(b)).toEqual({ chatId: "43", answerActionPrefix: "q:2:" });
    });

    it("answers polls up to 7 days old and forgets older ones", async () => {
      advance(30 * DAY);
      const old = pollId();
      const recent = pollId();
      await subject.store.set(old, { chatId: "42", answerActionPrefix: "q:old:" });
      advance(6 * DAY);
      await subject.store.set(recent, { chatId: "42", answerActionPrefix: "q:recent:" });
      // A write within 7 days of the first poll must not delete it.
      expect(await subject.store.get(old)).toEqual({ chatId: "42", answerActionPrefix: "q:old:" });
      advance(1 * DAY - 60_000);
      expect(await subject.store.get(old)).toEqual({ chatId: "42", answerActionPrefix: "q:old:" });
      advance(2 * 60_000);
      expect(await subject.store.get(old)).toBeUndefined();
      expect(await subject.store.get(recent)).toEqual({ chatId: "42", answerActionPrefix: "q:recent:" });
    });

    it.runIf(options.persistent)("deletes polls older than 7 days when a poll is written", async () => {
      advance(30 * DAY);
      const old = pollId();
      const recent = pollId();
      await subject.store.set(old, { chatId: "42", answerActionPrefix: "q:old:" });
      advance(4 * DAY);
      await subject.store.set(recent, { chatId: "42", answerActionPrefix: "q:recent:" });
      expect(await subject.storedPollIds!()).toEqual(expect.arrayContaining([old, recent]));
      advance(3 * DAY + 60_000);
      const fresh = pollId();
      await subject.store.set(fresh, { chatId: "42", answerActionPrefix: "q:fresh:" });
      const stored = await subject.storedPollIds!();
      expect(stored).not.toContain(old);
      expect(stored).toEqual(expect.arrayContaining([recent, fresh]));
      // Everything left is younger than 7 days: the table cannot grow without bound.
      expect(stored).toHaveLength(2);
    });

    it.runIf(options.persistent)("keeps polls across a reopen (restart)", async () => {
      const id = pollId();
      await subject.store.set(id, { chatId: "42", answerActionPrefix: "q:restart:" });
      const reopened = await subject.reopen!();
      expect(await reopened.get(id)).toEqual({ chatId: "42", answerActionPrefix: "q:restart:" });
    });
  });
}
