import { describe, expect, it } from "vitest";
import { instantOf, isCurrent, noticeProblems, vietnamDay, type NoticeInput } from "../../../../src/assistant/notices/index.js";

const ok: NoticeInput = {
  provinceCode: "01",
  communeCode: "01-HOANKIEM",
  kind: "class",
  title: "Lớp Bình dân học vụ số tuần này",
  text: "Thứ Bảy 8:00 tại nhà văn hoá tổ 5. Mang theo điện thoại. Liên hệ chị Lan: 0912 345 678.",
  link: "https://hoankiem.hanoi.gov.vn/lop-hoc",
  startsAt: "2026-12-01T00:00:00.000Z",
  endsAt: "2026-12-08T00:00:00.000Z",
  topics: ["basics"],
};
const fields = (n: NoticeInput) => noticeProblems(n).map((p) => p.field);

describe("local notice rules", () => {
  it("accepts a plain notice with an official phone number written as the admin wrote it", () => {
    expect(noticeProblems(ok)).toEqual([]);
  });

  it("refuses text over 500 characters, HTML, a link that is not https, a window that ends before it starts", () => {
    expect(fields({ ...ok, text: "a".repeat(501) })).toEqual(["text"]);
    expect(noticeProblems({ ...ok, text: "a".repeat(501) })[0]?.messageVi).toContain("500");
    expect(fields({ ...ok, text: "Xem <a href='x'>đây</a>" })).toEqual(["text"]);
    for (const link of ["http://hoankiem.gov.vn", "javascript:alert(1)", "https://user:pw@x.vn", "ftp://x.vn", "https://localhost"]) {
      expect(fields({ ...ok, link })).toEqual(["link"]);
    }
    expect(fields({ ...ok, endsAt: ok.startsAt })).toEqual(["endsAt"]);
    expect(fields({ ...ok, endsAt: "2028-01-01T00:00:00.000Z" })).toEqual(["endsAt"]);
    expect(fields({ ...ok, title: "" , kind: "party" as never })).toEqual(["kind", "title"]);
    expect(fields({ ...ok, topics: Array.from({ length: 11 }, (_, i) => `t${i}`) })).toEqual(["topics"]);
  });

  it("a window includes its start and excludes its end; typed dates are Vietnam days, the end day included", () => {
    expect(isCurrent(ok, new Date("2026-11-30T23:59:59.999Z"))).toBe(false);
    expect(isCurrent(ok, new Date(ok.startsAt))).toBe(true);
    expect(isCurrent(ok, new Date(ok.endsAt))).toBe(false);
    expect(instantOf("2026-12-01")).toBe("2026-11-30T17:00:00.000Z");
    expect(instantOf("2026-12-07", true)).toBe("2026-12-07T17:00:00.000Z");
    expect(instantOf("2026-12-01T10:00:00+07:00")).toBe("2026-12-01T03:00:00.000Z");
    expect(instantOf("next week")).toBeUndefined();
    expect(vietnamDay(new Date("2026-12-01T16:59:59.000Z"))).toBe("2026-12-01");
    expect(vietnamDay(new Date("2026-12-01T17:00:00.000Z"))).toBe("2026-12-02");
  });
});
