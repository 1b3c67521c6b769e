import { describe, expect, it } from "vitest";
import { memoizeText } from "../../../src/shared/text-memo.js";

describe("memoizeText", () => {
  it("computes a text once while it is remembered, and gives the same result", () => {
    let calls = 0;
    const upper = memoizeText((t) => (calls++, t.toUpperCase()), { limit: 3, maxLength: 10 });
    expect([upper("a"), upper("a"), upper("b")]).toEqual(["A", "A", "B"]);
    expect(calls).toBe(2);
  });

  it("stays bounded: cleared when full, long texts never kept", () => {
    let calls = 0;
    const same = memoizeText((t) => (calls++, t), { limit: 2, maxLength: 5 });
    same("a");
    same("b");
    same("c"); // full: cleared, then "c" kept
    same("a");
    expect(calls).toBe(4);
    same("a very long text");
    same("a very long text");
    expect(calls).toBe(6);
  });
});
