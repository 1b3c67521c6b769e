import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { InboxDecisions, FeedbackReader } from "../../src/admin/inbox.js";
import type { CuratedContent, CuratedStore, ExpiringLog, FeedbackLog } from "../../src/assistant/index.js";

export interface CuratedStores {
  curated: CuratedStore;
  feedback: FeedbackLog & FeedbackReader & ExpiringLog;
  decisions: InboxDecisions;
  close(): Promise<void>;
}

const content = (question: string, answer: string): CuratedContent => ({
  question,
  alternatives: ["cách hỏi khác"],
  answer,
  sourceTitle: "Cổng Dịch vụ công quốc gia",
  sourceUrl: "https://dichvucong.gov.vn",
});
const at = (minute: number) => new Date(Date.UTC(2026, 10, 20, 8, minute));

/** What every CuratedStore / feedback log / inbox-decision adapter must do (issue 13); run on SQLite and PostgreSQL. */
export function curatedStoreContract(name: string, open: () => Promise<CuratedStores>, skipReason?: string): void {
  describe.skipIf(Boolean(skipReason))(`${name}: curated answers, feedback and inbox decisions${skipReason ? ` (skipped: ${skipReason})` : ""}`, () => {
    let s: CuratedStores;
    beforeAll(async () => {
      s = await open();
    });
    afterAll(async () => {
      await s?.close();
    });

    it("keeps a draft out of the served set until it is published", async () => {
      const a = await s.curated.create(content("Đăng ký tạm trú online", "Bản 1"), at(0));
      expect(a).toMatchObject({ status: "draft", hasDraft: true, hits: 0, draft: { question: "Đăng ký tạm trú online", alternatives: ["cách hỏi khác"] } });
      expect(a.published).toBeUndefined();
      expect((await s.curated.published()).map((p) => p.id)).not.toContain(a.id);
      const p = await s.curated.publish(a.id, "bientap", at(1));
      expect(p).toMatchObject({ status: "published", hasDraft: false, published: { version: 1, answer: "Bản 1" } });
      expect((await s.curated.published()).find((x) => x.id === a.id)).toMatchObject({ version: 1, answer: "Bản 1", alternatives: ["cách hỏi khác"] });
    });

    it("serves the published text while a newer draft waits, then versions each publish and rolls back", async () => {
      const a = await s.curated.create(content("Đổi mật khẩu VNeID", "Bản 1"), at(0));
      await s.curated.publish(a.id, "duyet", at(1));
      const drafted = await s.curated.saveDraft(a.id, content("Đổi mật khẩu VNeID", "Bản 2"), at(2));
      expect(drafted).toMatchObject({ hasDraft: true, draft: { answer: "Bản 2" }, published: { version: 1, answer: "Bản 1" } });
      expect((await s.curated.published()).find((x) => x.id === a.id)?.answer).toBe("Bản 1");
      await s.curated.publish(a.id, "duyet", at(3));
      expect((await s.curated.published()).find((x) => x.id === a.id)?.answer).toBe("Bản 2");
      expect((await s.curated.versions(a.id)).map((v) => [v.version, v.answer, v.publishedBy])).toEqual([
        [2, "Bản 2", "duyet"],
        [1, "Bản 1", "duyet"],
      ]);
      const back = await s.curated.rollback(a.id, 1, "admin", at(4));
      expect(back).toMatchObject({ published: { version: 3, answer: "Bản 1" }, draft: { answer: "Bản 1" }, hasDraft: false });
      expect((await s.curated.published()).find((x) => x.id === a.id)?.answer).toBe("Bản 1");
      expect(await s.curated.rollback(a.id, 99, "admin", at(5))).toBeUndefined();
      expect(await s.curated.rollback(999_999, 1, "admin", at(5))).toBeUndefined();
    });

    it("retires (not served, history kept), counts hits, and lists newest change first", async () => {
      const a = await s.curated.create(content("Cài ứng dụng ngân hàng", "Bản 1"), at(10));
      await s.curated.publish(a.id, "duyet", at(11));
      await s.curated.recordHit(a.id);
      await s.curated.recordHit(a.id);
      expect((await s.curated.get(a.id))?.hits).toBe(2);
      expect((await s.curated.list())[0]?.id).toBe(a.id);
      const retired = await s.curated.retire(a.id, at(12));
      expect(retired?.status).toBe("retired");
      expect((await s.curated.published()).map((p) => p.id)).not.toContain(a.id);
      expect((await s.curated.list()).map((x) => x.id)).not.toContain(a.id);
      expect((await s.curated.list({ includeRetired: true })).map((x) => x.id)).toContain(a.id);
      expect(await s.curated.versions(a.id)).toHaveLength(1);
      expect(await s.curated.saveDraft(999_999, content("x y", "z"), at(13))).toBeUndefined();
    });

    it("counts 👎 per question and answer, redacts, reads most frequent first, and expires old rows", async () => {
      const q = `tôi hỏi số 0912345678 ${Math.random()}`;
      await s.feedback.record({ text: q, answerRef: "vneid#cai-dat", vote: "down" });
      await s.feedback.record({ text: q, answerRef: "vneid#cai-dat", vote: "down" });
      await s.feedback.record({ text: q, answerRef: "vneid#cai-dat", vote: "up" });
      const rows = (await s.feedback.notHelpful(50)).filter((r) => r.answerRef === "vneid#cai-dat");
      expect(rows).toHaveLength(1);
      expect(rows[0]?.count).toBe(2);
      expect(rows[0]?.text).not.toContain("0912345678");
      expect(await s.feedback.deleteBefore(new Date(Date.now() + 60_000))).toBeGreaterThanOrEqual(2);
      expect(await s.feedback.notHelpful(50)).toEqual([]);
    });

    it("records one decision per text; a later one replaces it", async () => {
      await s.decisions.decide(["câu a", "câu b"], { decision: "out_of_scope", decidedBy: "bientap", decidedAt: at(20).toISOString() });
      await s.decisions.decide(["câu b"], { decision: "curated", curatedId: 7, decidedBy: "duyet", decidedAt: at(21).toISOString() });
      const list = await s.decisions.list();
      expect(list.find((d) => d.text === "câu a")).toMatchObject({ decision: "out_of_scope", decidedBy: "bientap" });
      expect(list.find((d) => d.text === "câu b")).toMatchObject({ decision: "curated", curatedId: 7, decidedAt: at(21).toISOString() });
      expect(list[0]?.text).toBe("câu b");
      expect(await s.decisions.deleteBefore(new Date(at(21).getTime()))).toBe(1);
      expect((await s.decisions.list()).map((d) => d.text)).toEqual(["câu b"]);
    });
  });
}
