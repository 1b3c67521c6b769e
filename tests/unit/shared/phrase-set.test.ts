import { describe, expect, it } from "vitest";
import { containsPhrase } from "../../../src/shared/fold.js";
import { PhraseIndex, PhraseSet } from "../../../src/shared/phrase-set.js";

describe("PhraseSet", () => {
  it("finds a phrase only between syllable boundaries", () => {
    const set = new PhraseSet(["thoi tiet", "xo so", "vneid"]);
    expect(set.foundIn("hom nay thoi tiet the nao")).toBe(true);
    expect(set.foundIn("xo so")).toBe(true);
    expect(set.foundIn("cai vneid")).toBe(true);
    expect(set.foundIn("cai vneidx")).toBe(false);
    expect(set.foundIn("thoi tietx")).toBe(false);
    expect(set.foundIn("")).toBe(false);
    expect(new PhraseSet([]).foundIn("bat ky")).toBe(false);
    expect(new PhraseSet([""]).foundIn("")).toBe(false);
  });

  it("answers exactly as searching the text once per phrase does", () => {
    // Deterministic pseudo-random texts and phrases over a small vocabulary, double spaces included, so that
    // overlaps, repeats and empty pieces all occur.
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    const vocab = ["a", "ab", "b", "ba", "c", "", "vneid", "otp"];
    const text = (max: number) => Array.from({ length: 1 + (next() % max) }, () => vocab[next() % vocab.length]).join(" ");
    for (let round = 0; round < 300; round++) {
      const phrases = Array.from({ length: 1 + (next() % 5) }, () => text(3));
      const set = new PhraseSet(phrases);
      // The same phrases as two tagged lists in one index: each list's tag is found exactly when one of its own
      // phrases is.
      const lists = { odd: phrases.filter((_, i) => i % 2 === 1), even: phrases.filter((_, i) => i % 2 === 0) };
      const index = new PhraseIndex(Object.entries(lists).flatMap(([tag, list]) => list.map((p) => [p, tag] as const)));
      for (let i = 0; i < 20; i++) {
        const t = text(12);
        expect(set.foundIn(t), `${JSON.stringify(phrases)} in ${JSON.stringify(t)}`).toBe(phrases.some((p) => containsPhrase(t, p)));
        const tags = index.tagsIn(t);
        for (const [tag, list] of Object.entries(lists)) expect(tags.has(tag)).toBe(list.some((p) => containsPhrase(t, p)));
      }
    }
  });
});
