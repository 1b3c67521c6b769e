import { describe, expect, it } from "vitest";
import { bigrams, charNgrams, syllables } from "../../../src/nlp/index.js";

describe("tokens", () => {
  it("splits syllables and joins adjacent pairs", () => {
    const s = syllables("tài khoản định danh");
    expect(s).toEqual(["tài", "khoản", "định", "danh"]);
    expect(bigrams(s)).toEqual(["tài_khoản", "khoản_định", "định_danh"]);
    expect(bigrams(["một"])).toEqual([]);
  });

  it("builds padded character n-grams", () => {
    expect(charNgrams(["mat"], 3)).toEqual([" ma", "mat", "at "]);
    expect(charNgrams(["a"], 3)).toEqual([" a "]);
  });
});
