import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LessonVersionStore } from "../../src/publishing/ports.js";

export interface LessonVersionSubject {
  store: LessonVersionStore;
  /** The same database on a new connection/handle (a second instance or a restart). */
  reopen(): Promise<LessonVersionStore>;
  close(): Promise<void>;
}

/**
 * The behaviour every LessonVersionStore adapter must have. Each subject is a fresh database (file or schema), so the
 * generation counter starts at 0; lesson ids are still random so a failure names one lesson only.
 */
export function lessonVersionStoreContract(name: string, open: () => Promise<LessonVersionSubject>, skipReason?: string): void {
  if (skipReason) console.warn(`LessonVersionStore contract: ${name} skipped — ${skipReason}`);
  describe.skipIf(Boolean(skipReason))(`${name}: LessonVersionStore contract${skipReason ? ` (skipped: ${skipReason})` : ""}`, () => {
    let subject: LessonVersionSubject;
    let store: LessonVersionStore;
    beforeAll(async () => {
      subject = await open();
      store = subject.store;
    });
    afterAll(async () => {
      await subject?.close();
    });
    const id = () => `bai-${randomUUID().slice(0, 8)}`;
    const at = (minute: number) => new Date(Date.UTC(2026, 10, 29, 8, minute)).toISOString();
    // CRLF, Vietnamese, emoji and trailing spaces: stored bytes must come back exactly.
    const md = (n: number) => `---\r\nid: x\r\ntitle: Bài ${n} “Mở VNeID” 📱  \r\n---\n\nNội dung phiên bản ${n}.\n`;
    const publish = (lessonId: string, n: number, extra: { seedHash?: string; clearDraft?: boolean } = {}) =>
      store.publish({ lessonId, markdown: md(n), author: "bientap", at: at(n), note: "publish", clearDraft: extra.clearDraft ?? true, ...extra });

    it("starts empty at generation 0 and knows no lesson", async () => {
      expect(await store.generation()).toBe(0);
      expect(await store.get("khong-co")).toBeUndefined();
      expect(await store.version("khong-co", 1)).toBeUndefined();
      expect(await store.versions("khong-co")).toEqual([]);
    });

    it("saves, overwrites and discards a draft of a new lesson (no row is left behind)", async () => {
      const lessonId = id();
      await store.saveDraft({ lessonId, markdown: md(1), author: "an", at: at(1) });
      expect(await store.get(lessonId)).toEqual({
        lessonId,
        draft: { lessonId, markdown: md(1), author: "an", at: at(1) },
        updatedAt: at(1),
      });
      await store.saveDraft({ lessonId, markdown: md(2), author: "binh", at: at(2) });
      expect((await store.get(lessonId))?.draft).toEqual({ lessonId, markdown: md(2), author: "binh", at: at(2) });
      await store.discardDraft(lessonId);
      expect(await store.get(lessonId)).toBeUndefined();
      expect((await store.list()).map((r) => r.lessonId)).not.toContain(lessonId);
    });

    it("publishes version 1, 2, 3 byte for byte, bumping the generation each time; history is newest first", async () => {
      const lessonId = id();
      const before = await store.generation();
      expect(await publish(lessonId, 1, { seedHash: "h1" })).toBe(1);
      expect(await publish(lessonId, 2)).toBe(2);
      expect(await publish(lessonId, 3)).toBe(3);
      expect(await store.generation()).toBe(before + 3);
      const record = await store.get(lessonId);
      expect(record).toMatchObject({ lessonId, liveVersion: 3, seedHash: "h1", updatedAt: at(3) });
      expect(record?.retiredAt).toBeUndefined();
      expect(await store.version(lessonId, 2)).toEqual({ lessonId, version: 2, markdown: md(2), author: "bientap", at: at(2), note: "publish" });
      expect((await store.versions(lessonId)).map((v) => [v.version, v.markdown])).toEqual([
        [3, md(3)],
        [2, md(2)],
        [1, md(1)],
      ]);
      await publish(lessonId, 4, { seedHash: "h4" });
      expect((await store.get(lessonId))?.seedHash).toBe("h4");
    });

    it("keeps a draft on publish unless asked to clear it, and remembers the draft's base version", async () => {
      const lessonId = id();
      await publish(lessonId, 1);
      await store.saveDraft({ lessonId, markdown: md(9), author: "an", at: at(5), baseVersion: 1 });
      await publish(lessonId, 2, { clearDraft: false });
      expect((await store.get(lessonId))?.draft).toEqual({ lessonId, markdown: md(9), author: "an", at: at(5), baseVersion: 1 });
      await publish(lessonId, 3, { clearDraft: true });
      expect((await store.get(lessonId))?.draft).toBeUndefined();
      // Discarding the draft of a published lesson keeps the lesson.
      await store.saveDraft({ lessonId, markdown: md(10), author: "an", at: at(6), baseVersion: 3 });
      await store.discardDraft(lessonId);
      expect(await store.get(lessonId)).toMatchObject({ liveVersion: 3 });
      expect((await store.get(lessonId))?.draft).toBeUndefined();
    });

    it("retires (history kept, generation bumped once), and a later publish un-retires", async () => {
      const lessonId = id();
      await publish(lessonId, 1);
      const before = await store.generation();
      await store.retire(lessonId, at(30));
      await store.retire(lessonId, at(31));
      expect(await store.generation()).toBe(before + 1);
      const retired = await store.get(lessonId);
      expect(retired?.retiredAt).toBe(at(30));
      expect(retired?.liveVersion).toBeUndefined();
      expect(await store.versions(lessonId)).toHaveLength(1);
      expect((await store.liveMarkdown()).map((l) => l.lessonId)).not.toContain(lessonId);
      expect(await publish(lessonId, 2)).toBe(2);
      expect(await store.get(lessonId)).toMatchObject({ liveVersion: 2 });
      expect((await store.get(lessonId))?.retiredAt).toBeUndefined();
      await expect(store.retire(id(), at(1))).rejects.toMatchObject({ code: "not_found:knowledge" });
    });

    it("liveMarkdown serves the live version of published, unretired lessons only", async () => {
      const served = id();
      const retired = id();
      const draftOnly = id();
      await publish(served, 1);
      await publish(served, 2);
      await publish(retired, 1);
      await store.retire(retired, at(40));
      await store.saveDraft({ lessonId: draftOnly, markdown: md(1), author: "an", at: at(1) });
      await store.saveDraft({ lessonId: served, markdown: md(7), author: "an", at: at(7), baseVersion: 2 });
      const live = await store.liveMarkdown();
      expect(live.find((l) => l.lessonId === served)).toEqual({ lessonId: served, version: 2, markdown: md(2) });
      expect(live.map((l) => l.lessonId)).not.toContain(retired);
      expect(live.map((l) => l.lessonId)).not.toContain(draftOnly);
      expect((await store.list()).map((r) => r.lessonId)).toEqual(expect.arrayContaining([served, retired, draftOnly]));
    });

    it("records a seed hash without publishing; an unknown lesson is refused", async () => {
      const lessonId = id();
      await publish(lessonId, 1, { seedHash: "old" });
      const before = await store.generation();
      await store.setSeedHash(lessonId, "new");
      expect(await store.get(lessonId)).toMatchObject({ liveVersion: 1, seedHash: "new" });
      expect(await store.generation()).toBe(before);
      await expect(store.setSeedHash(id(), "x")).rejects.toMatchObject({ code: "not_found:knowledge" });
    });

    it("gives concurrent publishes of one lesson (from two connections) distinct, gapless versions", async () => {
      const lessonId = id();
      const other = await subject.reopen();
      const stores = [store, other];
      const versions = await Promise.all(
        Array.from({ length: 12 }, (_, n) =>
          stores[n % 2]!.publish({ lessonId, markdown: md(n), author: `w${n}`, at: at(n), note: "race", clearDraft: true }),
        ),
      );
      expect([...versions].sort((a, b) => a - b)).toEqual(Array.from({ length: 12 }, (_, n) => n + 1));
      expect((await store.versions(lessonId)).map((v) => v.version)).toEqual(Array.from({ length: 12 }, (_, n) => 12 - n));
      expect((await other.get(lessonId))?.liveVersion).toBe(12);
    });
  });
}
