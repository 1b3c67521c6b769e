import { describe, expect, it } from "vitest";
import { topPositions } from "../../../src/retrieval/top-k.js";

describe("topPositions", () => {
  it("gives exactly the first k of a full sort by score, ties by position", () => {
    let seed = 11;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    for (let round = 0; round < 200; round++) {
      const n = next() % 60;
      // Few distinct values, negatives and zeros included, so ties are common.
      const scores = Float64Array.from({ length: n }, () => ((next() % 9) - 3) / 2);
      const candidates = Array.from({ length: n }, (_, i) => i).filter(() => next() % 4 !== 0).reverse();
      const k = next() % 12;
      const sorted = [...candidates].sort((a, b) => scores[b]! - scores[a]! || a - b).slice(0, k);
      expect(topPositions(scores, candidates, k)).toEqual(sorted);
    }
  });

  it("returns nothing for k ≤ 0 or no candidates", () => {
    expect(topPositions([1, 2], [0, 1], 0)).toEqual([]);
    expect(topPositions([1, 2], [], 5)).toEqual([]);
  });
});
