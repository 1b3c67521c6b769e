import { describe, expect, it } from "vitest";
import { Bm25Index } from "../../../src/retrieval/bm25.js";

const doc = (terms: Record<string, number>) => new Map(Object.entries(terms));

describe("Bm25Index", () => {
  const index = Bm25Index.build([
    doc({ vneid: 2, tải: 1, ứng: 1, dụng: 1 }),
    doc({ ngân: 1, hàng: 1, otp: 3 }),
    doc({ vneid: 1, mật: 1, khẩu: 1, otp: 1 }),
  ]);

  it("ranks documents containing rarer and more frequent query terms higher", () => {
    const scores = index.score(doc({ otp: 1 }));
    expect(scores[1]).toBeGreaterThan(scores[2] ?? 0);
    expect(scores[0]).toBe(0);
    const both = index.score(doc({ vneid: 1, mật: 1 }));
    expect(both[2]).toBeGreaterThan(both[0] ?? 0);
  });

  it("gives unseen terms the highest idf and no score", () => {
    expect(index.idf("thời_tiết")).toBeGreaterThan(index.idf("vneid"));
    expect([...index.score(doc({ thời_tiết: 1 }))]).toEqual([0, 0, 0]);
  });

  it("measures coverage as the matched share of the query's idf mass", () => {
    expect(index.coverage(doc({ vneid: 1, mật: 1 }), 2)).toBeCloseTo(1);
    const partial = index.coverage(doc({ vneid: 1, xổ: 1 }), 0);
    expect(partial).toBeGreaterThan(0);
    expect(partial).toBeLessThan(0.5);
  });

  it("round-trips through JSON", () => {
    const copy = Bm25Index.fromJSON(JSON.parse(JSON.stringify(index.toJSON())));
    expect([...copy.score(doc({ otp: 1, vneid: 1 }))]).toEqual([...index.score(doc({ otp: 1, vneid: 1 }))]);
  });
});
