import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { NoticeInput, NoticeStore } from "../../src/assistant/notices/index.js";

export interface NoticeStoreSubject {
  store: NoticeStore;
  close(): Promise<void>;
}

const base: NoticeInput = {
  provinceCode: "01",
  communeCode: "01-HOANKIEM",
  kind: "hours",
  title: "Giờ làm việc bộ phận một cửa",
  text: "Thứ Bảy mở cửa buổi sáng 7:30–11:30. Điện thoại: 024 3825 0000.",
  startsAt: "2026-12-01T00:00:00.000Z",
  endsAt: "2026-12-08T00:00:00.000Z",
  topics: ["dvc", "căn cước"],
};
const by = { by: "editor-hk", at: new Date("2026-11-29T01:00:00.000Z") };

/** The behaviour every NoticeStore adapter must have (SQLite and PostgreSQL run it). */
export function noticeStoreContract(name: string, open: () => Promise<NoticeStoreSubject>, skipReason?: string): void {
  describe.skipIf(Boolean(skipReason))(`${name}: NoticeStore contract${skipReason ? ` (skipped: ${skipReason})` : ""}`, () => {
    let subject: NoticeStoreSubject;
    beforeAll(async () => {
      subject = await open();
    });
    afterAll(async () => {
      await subject?.close();
    });

    it("creates, reads back and updates a notice, every field kept", async () => {
      const created = await subject.store.create({ ...base, link: "https://hoankiem.hanoi.gov.vn/lich" }, by);
      expect(created).toMatchObject({ ...base, link: "https://hoankiem.hanoi.gov.vn/lich", updatedBy: "editor-hk", createdAt: by.at.toISOString() });
      expect(await subject.store.get(created.id)).toEqual(created);
      const later = { by: "admin", at: new Date("2026-11-30T00:00:00.000Z") };
      const updated = await subject.store.update(created.id, { ...base, communeCode: undefined, title: "Mới" }, later);
      expect(updated).toMatchObject({ id: created.id, title: "Mới", updatedBy: "admin", createdAt: by.at.toISOString(), updatedAt: later.at.toISOString() });
      expect(updated?.communeCode).toBeUndefined();
      expect(updated?.link).toBeUndefined();
      expect(await subject.store.update(987654, base, later)).toBeUndefined();
      expect(await subject.store.get(987654)).toBeUndefined();
    });

    it("current(): only in its window, only the province's own and the learner's commune's", async () => {
      const province = "P" + Math.floor(Math.random() * 1e6);
      const mine = await subject.store.create({ ...base, provinceCode: province, communeCode: "C1" }, by);
      const wide = await subject.store.create({ ...base, provinceCode: province, communeCode: undefined }, by);
      await subject.store.create({ ...base, provinceCode: province, communeCode: "C2" }, by);
      const inside = new Date("2026-12-03T00:00:00.000Z");
      expect((await subject.store.current({ provinceCode: province, communeCode: "C1" }, inside)).map((n) => n.id)).toEqual([wide.id, mine.id]);
      expect((await subject.store.current({ provinceCode: province }, inside)).map((n) => n.id)).toEqual([wide.id]);
      expect(await subject.store.current({}, inside)).toEqual([]);
      expect(await subject.store.current({ provinceCode: province, communeCode: "C1" }, new Date("2026-11-30T23:59:59.999Z"))).toEqual([]);
      expect((await subject.store.current({ provinceCode: province, communeCode: "C1" }, new Date(base.startsAt))).length).toBe(2);
      expect(await subject.store.current({ provinceCode: province, communeCode: "C1" }, new Date(base.endsAt))).toEqual([]);
    });

    it("list(): a scope sees only its own notices, a deployment-wide scope sees all; newest first, limited", async () => {
      const province = "L" + Math.floor(Math.random() * 1e6);
      const a = await subject.store.create({ ...base, provinceCode: province, communeCode: "A" }, by);
      const b = await subject.store.create({ ...base, provinceCode: province, communeCode: "B" }, by);
      const p = await subject.store.create({ ...base, provinceCode: province, communeCode: undefined }, by);
      expect((await subject.store.list({ provinceCode: province, communeCode: "A" }, 50)).map((n) => n.id)).toEqual([a.id]);
      expect((await subject.store.list({ provinceCode: province }, 50)).map((n) => n.id)).toEqual([p.id, b.id, a.id]);
      expect((await subject.store.list({}, 2)).map((n) => n.id)).toEqual([p.id, b.id]);
    });
  });
}
