import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DeadLetterList, InboxStore, OutboxStore } from "../../src/shared/delivery-ports.js";

export interface ChannelDelivery {
  outbox: OutboxStore;
  inbox: InboxStore;
  deadLetters: DeadLetterList;
}

export interface ChannelDeliverySubject extends ChannelDelivery {
  /** The same database on a new connection/handle (a restart). */
  reopen(): Promise<ChannelDelivery>;
  close(): Promise<void>;
}

/** Retention the adapters under test are built with (compose.ts passes config.delivery). */
export const DELIVERY_TEST_RETENTION = { deadLetterRetentionMs: 10 * 86_400_000, inboxTtlMs: 3_600_000 };

const t0 = new Date("2026-11-29T08:00:00.000Z");
const at = (ms: number) => new Date(t0.getTime() + ms);

/**
 * The behaviour every persistent outbox/inbox adapter must have (issue 11, items 6 and 7): per-chat queues handed out
 * head first, bounded, retried and dead-lettered as told; dead letters listed and retried; inbox updates stored once,
 * replayable until done, forgotten after the TTL — all surviving a reopen.
 */
export function channelDeliveryContract(name: string, open: () => Promise<ChannelDeliverySubject>, skipReason?: string): void {
  if (skipReason) console.warn(`channel delivery contract: ${name} skipped — ${skipReason}`);
  describe.skipIf(Boolean(skipReason))(`${name}: outbox/inbox contract${skipReason ? ` (skipped: ${skipReason})` : ""}`, () => {
    let s: ChannelDeliverySubject;
    beforeAll(async () => {
      s = await open();
    });
    afterAll(async () => {
      await s?.close();
    });
    const chat = () => `chat-${randomUUID()}`;
    const dueFor = async (store: OutboxStore, chatId: string, now: Date) =>
      (await store.due("telegram", now, 1_000)).filter((m) => m.chatId === chatId);

    it("hands out only the head of a chat's queue, in the order appended, and the next one once it is sent", async () => {
      const c = chat();
      expect(await s.outbox.append("telegram", c, ["m1", "m2"], { now: t0, maxPending: 10 })).toBe(true);
      expect(await s.outbox.append("telegram", c, ["m3"], { now: t0, maxPending: 10 })).toBe(true);
      const seen: string[] = [];
      for (let i = 0; i < 3; i++) {
        const heads = await dueFor(s.outbox, c, at(1));
        expect(heads).toHaveLength(1);
        seen.push(heads[0]!.payload);
        expect(heads[0]).toMatchObject({ chatId: c, attempts: 0 });
        expect(heads[0]!.createdAt.getTime()).toBe(t0.getTime());
        await s.outbox.settle(heads[0]!.id, { state: "sent" });
      }
      expect(seen).toEqual(["m1", "m2", "m3"]);
      expect(await dueFor(s.outbox, c, at(1))).toEqual([]);
    });

    it("keeps channels apart", async () => {
      const c = chat();
      await s.outbox.append("zalo", c, ["z1"], { now: t0, maxPending: 10 });
      expect(await dueFor(s.outbox, c, at(1))).toEqual([]);
      const [z] = (await s.outbox.due("zalo", at(1), 1_000)).filter((m) => m.chatId === c);
      expect(z?.payload).toBe("z1");
      await s.outbox.settle(z!.id, { state: "sent" });
    });

    it("refuses a whole reply when the chat already has maxPending messages waiting", async () => {
      const c = chat();
      expect(await s.outbox.append("telegram", c, ["a", "b"], { now: t0, maxPending: 2 })).toBe(true);
      expect(await s.outbox.append("telegram", c, ["c"], { now: t0, maxPending: 2 })).toBe(false);
      expect(await s.outbox.append("telegram", c, ["notice"], { now: t0, maxPending: 3 })).toBe(true);
      const payloads: string[] = [];
      for (let h = (await dueFor(s.outbox, c, at(1)))[0]; h; h = (await dueFor(s.outbox, c, at(1)))[0]) {
        payloads.push(h.payload);
        await s.outbox.settle(h.id, { state: "sent" });
      }
      expect(payloads).toEqual(["a", "b", "notice"]);
    });

    it("holds a chat back while its head waits for a retry, and says when it is due", async () => {
      const c = chat();
      await s.outbox.append("telegram", c, ["first", "second"], { now: t0, maxPending: 10 });
      const [head] = await dueFor(s.outbox, c, at(1));
      await s.outbox.settle(head!.id, { state: "retry", attempts: 1, at: at(60_000), error: "500: Internal Server Error" });
      expect(await dueFor(s.outbox, c, at(30_000))).toEqual([]);
      const next = await s.outbox.nextDueAt("telegram");
      expect(next).toBeDefined();
      expect(next!.getTime()).toBeLessThanOrEqual(at(60_000).getTime());
      const [again] = await dueFor(s.outbox, c, at(60_000));
      expect(again).toMatchObject({ id: head!.id, payload: "first", attempts: 1 });
      await s.outbox.settle(again!.id, { state: "sent" });
      const [second] = await dueFor(s.outbox, c, at(60_000));
      await s.outbox.settle(second!.id, { state: "sent" });
    });

    it("keeps a dead letter out of the queue, lists it, and puts it back with a fresh budget on retry", async () => {
      const c = chat();
      await s.outbox.append("zalo", c, [JSON.stringify({ text: "Câu trả lời bị kẹt" }), "after"], { now: t0, maxPending: 10 });
      const [head] = (await s.outbox.due("zalo", at(1), 1_000)).filter((m) => m.chatId === c);
      await s.outbox.settle(head!.id, { state: "dead", attempts: 7, at: at(900_000), error: "Zalo sendMessage failed: 502 Bad Gateway" });
      // The next message of the chat is no longer held back by the dead one.
      const [next] = (await s.outbox.due("zalo", at(900_001), 1_000)).filter((m) => m.chatId === c);
      expect(next?.payload).toBe("after");
      await s.outbox.settle(next!.id, { state: "sent" });

      const listed = (await s.deadLetters.list(100)).find((d) => d.id === head!.id);
      expect(listed).toMatchObject({ channel: "zalo", chatId: c, attempts: 7, lastError: "Zalo sendMessage failed: 502 Bad Gateway" });
      expect(listed!.deadAt.getTime()).toBe(at(900_000).getTime());

      expect(await s.deadLetters.retry(head!.id, at(1_000_000))).toBe(true);
      expect(await s.deadLetters.retry(head!.id, at(1_000_000))).toBe(false);
      expect((await s.deadLetters.list(100)).some((d) => d.id === head!.id)).toBe(false);
      const [revived] = (await s.outbox.due("zalo", at(1_000_000), 1_000)).filter((m) => m.chatId === c);
      expect(revived).toMatchObject({ id: head!.id, attempts: 0 });
      expect(revived!.createdAt.getTime()).toBe(at(1_000_000).getTime());
      await s.outbox.settle(revived!.id, { state: "sent" });
    });

    it("puts a revived dead letter back at the head of its chat, before the messages written after it", async () => {
      const c = chat();
      await s.outbox.append("telegram", c, ["old"], { now: t0, maxPending: 10 });
      const [old] = await dueFor(s.outbox, c, at(1));
      await s.outbox.settle(old!.id, { state: "dead", attempts: 3, at: at(10), error: "502" });
      await s.outbox.append("telegram", c, ["new-1", "new-2"], { now: at(20), maxPending: 10 });
      expect((await dueFor(s.outbox, c, at(30))).map((m) => m.payload)).toEqual(["new-1"]);
      expect(await s.deadLetters.retry(old!.id, at(40))).toBe(true);
      const order: string[] = [];
      for (let h = (await dueFor(s.outbox, c, at(50)))[0]; h; h = (await dueFor(s.outbox, c, at(50)))[0]) {
        expect(await dueFor(s.outbox, c, at(50))).toHaveLength(1); // still one head at a time
        order.push(h.payload);
        await s.outbox.settle(h.id, { state: "sent" });
      }
      expect(order).toEqual(["old", "new-1", "new-2"]);
    });

    it("answers calls made together (one event-loop turn) each on its own: bound, order and de-duplication hold", async () => {
      const c = chat();
      const appended = await Promise.all(["a", "b", "c"].map((p) => s.outbox.append("telegram", c, [p], { now: t0, maxPending: 2 })));
      // Which two get in may depend on the adapter's scheduling (PostgreSQL: connections); that only two do may not.
      expect(appended.filter(Boolean)).toHaveLength(2);
      const seen: string[] = [];
      for (let h = (await dueFor(s.outbox, c, at(1)))[0]; h; h = (await dueFor(s.outbox, c, at(1)))[0]) {
        seen.push(h.payload);
        await s.outbox.settle(h.id, { state: "sent" });
      }
      expect(seen.sort()).toEqual(["a", "b", "c"].filter((_, i) => appended[i]));
      const key = `upd-${randomUUID()}`;
      const accepted = await Promise.all([s.inbox.accept("telegram", key, "{}", t0), s.inbox.accept("telegram", key, "{}", t0)]);
      expect(accepted.sort()).toEqual([false, true]);
      await s.inbox.done("telegram", key, at(1));
    });

    it("hands out due heads earliest due first, at most `limit`, and says when the next one is due", async () => {
      const [late, early] = [chat(), chat()];
      await s.outbox.append("telegram", late, ["late"], { now: t0, maxPending: 10 });
      await s.outbox.append("telegram", early, ["early"], { now: t0, maxPending: 10 });
      const [l] = await dueFor(s.outbox, late, at(1));
      const [e] = await dueFor(s.outbox, early, at(1));
      await s.outbox.settle(l!.id, { state: "retry", attempts: 1, at: at(90_000), error: "500" });
      await s.outbox.settle(e!.id, { state: "retry", attempts: 1, at: at(80_000), error: "500" });
      const mine = (list: Array<{ chatId: string }>) => list.filter((m) => m.chatId === late || m.chatId === early).map((m) => m.chatId);
      expect(mine(await s.outbox.due("telegram", at(85_000), 1_000))).toEqual([early]);
      expect(mine(await s.outbox.due("telegram", at(95_000), 1_000))).toEqual([early, late]);
      expect((await s.outbox.due("telegram", at(95_000), 1)).length).toBe(1);
      expect((await s.outbox.nextDueAt("telegram"))!.getTime()).toBeLessThanOrEqual(at(80_000).getTime());
      await s.outbox.settle(e!.id, { state: "sent" });
      await s.outbox.settle(l!.id, { state: "sent" });
    });

    it("forgets dead letters older than the retention when a new one is written", async () => {
      const [c1, c2] = [chat(), chat()];
      await s.outbox.append("telegram", c1, ["old"], { now: t0, maxPending: 10 });
      const [old] = await dueFor(s.outbox, c1, at(1));
      await s.outbox.settle(old!.id, { state: "dead", attempts: 1, at: t0, error: "403" });
      await s.outbox.append("telegram", c2, ["new"], { now: t0, maxPending: 10 });
      const [fresh] = await dueFor(s.outbox, c2, at(1));
      await s.outbox.settle(fresh!.id, { state: "dead", attempts: 1, at: at(DELIVERY_TEST_RETENTION.deadLetterRetentionMs + 1), error: "403" });
      const ids = (await s.deadLetters.list(500)).map((d) => d.id);
      expect(ids).toContain(fresh!.id);
      expect(ids).not.toContain(old!.id);
    });

    it("keeps pending messages across a reopen", async () => {
      const c = chat();
      await s.outbox.append("telegram", c, ["survives"], { now: t0, maxPending: 10 });
      const reopened = await s.reopen();
      const [head] = await dueFor(reopened.outbox, c, at(1));
      expect(head?.payload).toBe("survives");
      await reopened.outbox.settle(head!.id, { state: "sent" });
    });

    it("stores an inbox update once, replays it until done, and recognises a redelivery after a reopen", async () => {
      const key = `upd-${randomUUID()}`;
      expect(await s.inbox.accept("telegram", key, '{"update_id":1}', t0)).toBe(true);
      expect(await s.inbox.accept("telegram", key, '{"update_id":1}', at(1))).toBe(false);
      expect(await s.inbox.accept("zalo", key, "{}", at(1))).toBe(true); // another channel, another id space
      const reopened = await s.reopen();
      expect((await reopened.inbox.unfinished("telegram", 1_000)).filter((e) => e.key === key)).toEqual([{ key, payload: '{"update_id":1}' }]);
      await reopened.inbox.done("telegram", key, at(2));
      expect((await reopened.inbox.unfinished("telegram", 1_000)).some((e) => e.key === key)).toBe(false);
      expect(await reopened.inbox.accept("telegram", key, '{"update_id":1}', at(3))).toBe(false);
      await reopened.inbox.done("zalo", key, at(2));
    });

    it("forgets inbox ids after the TTL, so the table does not grow forever", async () => {
      const key = `upd-${randomUUID()}`;
      const later = at(DELIVERY_TEST_RETENTION.inboxTtlMs + 120_000);
      expect(await s.inbox.accept("zalo", key, "{}", t0)).toBe(true);
      await s.inbox.done("zalo", key, t0);
      // The purge runs on an accept, at most once a minute: this one is past the TTL.
      expect(await s.inbox.accept("zalo", `other-${randomUUID()}`, "{}", later)).toBe(true);
      expect(await s.inbox.accept("zalo", key, "{}", later)).toBe(true);
    });
  });
}
