import { describe, expect, it } from "vitest";
import { reciprocalRankFusion } from "../../../src/retrieval/rrf.js";

describe("reciprocalRankFusion", () => {
  it("rewards documents ranked well by both rankers", () => {
    const fused = reciprocalRankFusion([
      [1, 2, 3],
      [2, 3, 1],
    ]);
    expect(fused.map((f) => f.doc)).toEqual([2, 1, 3]);
    expect(fused[0]?.score).toBeCloseTo(1 / 62 + 1 / 61);
  });

  it("keeps documents found by one ranker only and applies weights", () => {
    const fused = reciprocalRankFusion([[1], [2]], 60, [1, 0.5]);
    expect(fused.map((f) => f.doc)).toEqual([1, 2]);
    expect(fused[1]?.score).toBeCloseTo(0.5 / 61);
    expect(reciprocalRankFusion([])).toEqual([]);
  });
});
