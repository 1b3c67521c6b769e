import { describe, expect, it } from "vitest";
import { defaultLexicon } from "../../../src/nlp/index.js";
import { analyzeDocument } from "../../../src/retrieval/analyzer.js";
import { Bm25Index } from "../../../src/retrieval/bm25.js";
import { LexicalRanker } from "../../../src/retrieval/lexical-ranker.js";

function ranker(texts: string[]): LexicalRanker {
  const docs = texts.map((t) => analyzeDocument([{ text: t, weight: 1 }], defaultLexicon));
  return new LexicalRanker(
    { folded: Bm25Index.build(docs.map((d) => d.folded)).toJSON(), accented: Bm25Index.build(docs.map((d) => d.accented)).toJSON() },
    defaultLexicon,
  );
}

const top = (r: LexicalRanker, q: string) => r.rank(r.analyzeQuery(q), 3)[0]?.doc;

describe("LexicalRanker", () => {
  const r = ranker([
    "Bị mất tiền trong tài khoản thì báo ngân hàng",
    "Đặt mật khẩu dài, khó đoán",
    "Chụp ảnh mặt trước thẻ căn cước",
    "Tài khoản định danh điện tử mức 2",
  ]);

  it("prefers the exact accents the user typed (mất / mật / mặt all fold to mat)", () => {
    expect(top(r, "mất")).toBe(0);
    expect(top(r, "mật")).toBe(1);
    expect(top(r, "mặt")).toBe(2);
  });

  it("matches multi-syllable words as units and finds text typed without accents or abbreviated", () => {
    expect(top(r, "dinh danh muc 2")).toBe(3);
    expect(top(r, "dat mk kho doan")).toBe(1);
    expect(top(r, "định danh")).toBe(3);
  });

  it("expands synonyms from the lexicon (cấp độ ~ mức)", () => {
    const s = ranker(["Tài khoản mức 2 dùng được nhiều tiện ích", "Hướng dẫn cài đặt ứng dụng"]);
    const terms = s.analyzeQuery("cấp độ");
    expect(s.rank(terms, 2)[0]?.doc).toBe(0);
    expect(s.coverage(terms, 0)).toBe(0); // synonym hints never count as what the user typed
  });

  it("finds nothing for words the knowledge base does not contain", () => {
    expect(r.rank(r.analyzeQuery("xổ số bóng đá"), 3)).toEqual([]);
  });
});
