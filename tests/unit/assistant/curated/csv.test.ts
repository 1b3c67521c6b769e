import { describe, expect, it } from "vitest";
import { curatedToCsv, parseCuratedCsv } from "../../../../src/assistant/curated/csv.js";
import type { CuratedAnswer } from "../../../../src/assistant/curated/ports.js";

const answer = (id: number, over: Partial<CuratedAnswer["draft"]> = {}): CuratedAnswer => ({
  id,
  status: "published",
  draft: { question: "Câu hỏi", alternatives: ["a", "b"], answer: "Trả lời", sourceTitle: "Nguồn", sourceUrl: "https://x.gov.vn", ...over },
  hasDraft: false,
  hits: 3,
  createdAt: "2026-11-20T00:00:00.000Z",
  updatedAt: "2026-11-20T00:00:00.000Z",
});

describe("curated answers CSV", () => {
  it("round-trips quotes, commas, line breaks and formula-looking cells unchanged", () => {
    const items = [
      answer(1, { answer: 'Bước 1: mở "Cài đặt", chọn Zalo.\nBước 2: bấm Đổi mật khẩu.' }),
      answer(2, { question: "=HYPERLINK(\"http://evil\")", answer: "+84 là mã nước; -1 và @ten", alternatives: ["-a", "@b"] }),
    ];
    const csv = curatedToCsv(items);
    const { rows, problems } = parseCuratedCsv(`\uFEFF${csv}`);
    expect(problems).toEqual([]);
    expect(rows.map((r) => ({ id: r.id, ...r.content }))).toEqual(items.map((i) => ({ id: i.id, ...i.draft })));
    expect(rows.map((r) => r.line)).toEqual([2, 4]);
  });

  it("neutralises = + - @ at the start of exported cells", () => {
    const csv = curatedToCsv([answer(2, { question: "=1+1", answer: "@SUM(A1)", sourceTitle: "+x", sourceUrl: "-y" })]);
    const line = csv.split("\r\n")[1] ?? "";
    expect(line).toContain("'=1+1");
    expect(line).toContain("'@SUM(A1)");
    expect(line).toContain("'+x");
    expect(line).toContain("'-y");
  });

  it("explains in Vietnamese what it cannot read", () => {
    expect(parseCuratedCsv("cau,tra loi\nx,y\n").problems[0]?.message).toMatch(/Dòng tiêu đề/);
    const { rows, problems } = parseCuratedCsv("id,question,answer\nabc,Câu hỏi,Trả lời\n,Câu mới,Trả lời mới\n");
    expect(problems).toEqual([{ line: 2, message: expect.stringMatching(/Cột id phải là số/) }]);
    expect(rows).toHaveLength(1);
  });
});
