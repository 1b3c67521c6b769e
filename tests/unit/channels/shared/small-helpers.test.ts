import { describe, expect, it } from "vitest";
import { BoundedMap } from "../../../../src/channels/shared/bounded-map.js";
import { foldText } from "../../../../src/shared/fold.js";
import { textWithSources } from "../../../../src/channels/shared/reply-text.js";
import { safeCompare } from "../../../../src/shared/safe-compare.js";

describe("BoundedMap", () => {
  it("forgets the oldest entries beyond its size", () => {
    const map = new BoundedMap<number, number>(3);
    for (let i = 0; i < 5; i++) map.set(i, i);
    expect([map.get(0), map.get(1), map.get(2), map.get(4)]).toEqual([undefined, undefined, 2, 4]);
  });
});

describe("safeCompare", () => {
  it("matches only the exact secret", () => {
    expect(safeCompare("s3cret-token_abc", "s3cret-token_abc")).toBe(true);
    expect(safeCompare("s3cret-token_abd", "s3cret-token_abc")).toBe(false);
    expect(safeCompare("short", "s3cret-token_abc")).toBe(false);
    expect(safeCompare(undefined, "s3cret-token_abc")).toBe(false);
    expect(safeCompare("", "")).toBe(false);
  });
});

describe("foldText", () => {
  it("folds case, diacritics and punctuation", () => {
    expect(foldText("TIẾP!")).toBe("tiep");
    expect(foldText("  Lặp   lại ")).toBe("lap lai");
    expect(foldText("Đồng ý")).toBe("dong y");
  });
});

describe("textWithSources", () => {
  it("adds each source once with its link and date", () => {
    const source = { id: "a", title: "Cổng DVC", section: "s", url: "https://dichvucong.gov.vn/", updated: "2026-11-20" };
    const text = textWithSources({ kind: "answer", text: "Trả lời.", sources: [source, source], confidence: 1 });
    expect(text).toBe("Trả lời.\n\nNguồn:\n• Cổng DVC (cập nhật 20/11/2026)\nhttps://dichvucong.gov.vn/");
  });

  it("adds only the link when the core already cited the source by title, and nothing when the link is there", () => {
    const source = { id: "a", title: "Cổng DVC", section: "s", url: "https://dichvucong.gov.vn/", updated: "2026-11-20" };
    const cited = textWithSources({ kind: "answer", text: "Trả lời.\n\nNguồn: Cổng DVC – s (cập nhật 20/11/2026)", sources: [source], confidence: 1 });
    expect(cited).toBe("Trả lời.\n\nNguồn: Cổng DVC – s (cập nhật 20/11/2026)\n\nXem thêm: https://dichvucong.gov.vn/");
    const linked = textWithSources({ kind: "answer", text: "Xem https://dichvucong.gov.vn/", sources: [source], confidence: 1 });
    expect(linked).toBe("Xem https://dichvucong.gov.vn/");
  });
});
