import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ConversationStore, UnansweredLog } from "../../src/assistant/index.js";

export interface CoreStores {
  conversations: ConversationStore;
  unanswered: UnansweredLog;
  /** Re-opens the same database (new connection/handle), to prove data survives a restart. */
  reopen(): Promise<{ conversations: ConversationStore; unanswered: UnansweredLog }>;
  close(): Promise<void>;
}

/**
 * The behaviour every ConversationStore / UnansweredLog adapter must have. Rows use random keys so the suite can share
 * a database with other test files (CI runs every suite against one PostgreSQL database).
 */
export function conversationStoreContract(name: string, open: () => Promise<CoreStores>, skipReason?: string): void {
  describe.skipIf(Boolean(skipReason))(`${name}: core store contract${skipReason ? ` (skipped: ${skipReason})` : ""}`, () => {
    let stores: CoreStores;
    beforeAll(async () => {
      stores = await open();
    });
    afterAll(async () => {
      await stores?.close();
    });

    it("returns undefined for an unknown learner", async () => {
      expect(await stores.conversations.get(`nobody-${randomUUID()}`)).toBeUndefined();
    });

    it("round-trips nested JSON state with Vietnamese text, and overwrites on set", async () => {
      const id = `learner-${randomUUID()}`;
      const state = { steps: { index: 2, steps: ["Mở \"CH Play\"", "Gõ “VNeID”"], lead: "Tải ứng dụng" }, topic: null, n: 1.5, ok: true };
      await stores.conversations.set(id, state);
      expect(await stores.conversations.get(id)).toEqual(state);
      await stores.conversations.set(id, { only: "mới" });
      expect(await stores.conversations.get(id)).toEqual({ only: "mới" });
      // With its JSON given (the router has it already), the same state is kept.
      await stores.conversations.set(id, state, JSON.stringify(state));
      expect(await stores.conversations.get(id)).toEqual(state);
    });

    it("keeps learners apart", async () => {
      const a = `a-${randomUUID()}`;
      const b = `b-${randomUUID()}`;
      await stores.conversations.set(a, { who: "a" });
      await stores.conversations.set(b, { who: "b" });
      expect(await stores.conversations.get(a)).toEqual({ who: "a" });
      expect(await stores.conversations.get(b)).toEqual({ who: "b" });
    });

    it("keeps every state written at the same moment by many learners (writes that share a commit)", async () => {
      const ids = Array.from({ length: 40 }, (_, i) => `together-${i}-${randomUUID()}`);
      await Promise.all(ids.map((id, i) => stores.conversations.set(id, i % 4 === 3 ? {} : { n: i })));
      for (const [i, id] of ids.entries()) expect(await stores.conversations.get(id)).toEqual(i % 4 === 3 ? undefined : { n: i });
    });

    it("keeps state across a reopen (restart)", async () => {
      const id = `restart-${randomUUID()}`;
      await stores.conversations.set(id, { steps: { index: 1 } });
      const reopened = await stores.reopen();
      expect(await reopened.conversations.get(id)).toEqual({ steps: { index: 1 } });
    });

    it("forgets a learner when the state is emptied (Xoá hồ sơ leaves no row)", async () => {
      const id = `forget-${randomUUID()}`;
      await stores.conversations.set(id, { steps: { index: 1 } });
      await stores.conversations.set(id, {});
      expect(await stores.conversations.get(id)).toBeUndefined();
      expect(await (await stores.reopen()).conversations.get(id)).toBeUndefined();
    });

    it("redacts personal data before an unanswered question is stored", async () => {
      const tag = `t${randomUUID().slice(0, 8)}`; // a letter first: an all-digit tag would be redacted as a number
      // What the QA feature passes: the search normaliser's output, punctuation already gone.
      await stores.unanswered.record(`số điện thoại 0912 345 678 căn cước công dân 001099012345 mã otp là 123456 ${tag}`, "low_confidence");
      const [row] = (await stores.unanswered.top(1000)).filter((r) => r.text.endsWith(tag));
      expect(row?.text).toBe(`số điện thoại [số điện thoại] căn cước công dân [số căn cước] mã otp là [mã] ${tag}`);
    });

    it("counts unanswered questions per text and reason, most frequent first", async () => {
      const tag = `t${randomUUID().slice(0, 8)}`; // a letter first: an all-digit tag would be redacted as a number
      const often = `xổ số hôm nay ${tag}`;
      const once = `giá vàng ${tag}`;
      for (let i = 0; i < 3; i++) await stores.unanswered.record(often, "out_of_scope");
      await stores.unanswered.record(once, "low_confidence");
      await stores.unanswered.record(often, "low_confidence");
      const mine = (await stores.unanswered.top(1000)).filter((r) => r.text.endsWith(tag));
      expect(mine[0]).toMatchObject({ text: often, reason: "out_of_scope", count: 3 });
      const rest = mine.slice(1).map((r) => `${r.reason}|${r.text}|${r.count}`).sort();
      expect(rest).toEqual([`low_confidence|${often}|1`, `low_confidence|${once}|1`].sort());
      expect(mine).toHaveLength(3);
      expect(Number.isNaN(Date.parse(mine[0]!.lastAt))).toBe(false);
      expect(await stores.unanswered.top(1)).toHaveLength(1);
    });
  });
}
