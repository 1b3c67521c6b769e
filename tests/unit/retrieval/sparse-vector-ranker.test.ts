import { describe, expect, it } from "vitest";
import { HashedEmbeddings } from "../../../src/retrieval/hashed-embeddings.js";
import { SparseVectorRanker } from "../../../src/retrieval/sparse-vector-ranker.js";
import { cosine } from "../../../src/retrieval/stored-point.js";
import type { VectorMatch, VectorText } from "../../../src/retrieval/vector-ranker.js";
import { VECTOR_TEXTS } from "../../fixtures/vector-texts.js";

const texts: VectorText[] = [
  ...VECTOR_TEXTS,
  // doc 3 has no vector at all: it is never returned.
  { doc: 4, chunkId: "e", text: "Đăng ký khai sinh trực tuyến trên Cổng dịch vụ công quốc gia" },
  { doc: 5, chunkId: "f", text: "Bảo hiểm y tế trên VNeID thay thẻ giấy khi đi khám" },
  { doc: 5, chunkId: "f", text: "the bhyt dien tu" },
  { doc: 6, chunkId: "g", text: "Cách tăng cỡ chữ trên điện thoại cho người lớn tuổi" },
];
const embeddings = new HashedEmbeddings(HashedEmbeddings.fit(texts.map((t) => t.text)));

/** Every vector scored in turn, every chunk listed, sorted: what the inverted index must reproduce exactly. */
function bruteForce(vector: number[], k: number): VectorMatch[] {
  let a = 0;
  for (const x of vector) a += x * x;
  const best = new Map<number, number>();
  for (const item of texts) {
    const similarity = cosine(vector, a, embeddings.embedSparse(item.text));
    best.set(item.doc, Math.max(best.get(item.doc) ?? -Infinity, similarity));
  }
  return [...best]
    .map(([doc, similarity]) => ({ doc, similarity }))
    .sort((x, y) => y.similarity - x.similarity || x.doc - y.doc)
    .slice(0, k);
}

describe("SparseVectorRanker", () => {
  const ranker = SparseVectorRanker.build(texts, embeddings);
  const queries = ["tai vneid o dau", "ma otp", "chuyển tiền bằng QR", "thời tiết hôm nay", "", "khai sinh online", "cỡ chữ", "the bhyt"];

  it("ranks exactly as scoring every vector in turn, for every k", () => {
    for (const query of queries) {
      const vector = embeddings.embed(query);
      for (const k of [1, 2, 3, 6, 10]) {
        const got = ranker.search(vector, k);
        const want = bruteForce(vector, k);
        expect(got.map((m) => m.doc), `${query} k=${k}`).toEqual(want.map((m) => m.doc));
        got.forEach((m, i) => expect(m.similarity).toBeCloseTo(want[i]!.similarity, 6));
      }
    }
  });

  it("finds the chunk that shares the query's words first, and never a chunk without vectors", () => {
    expect(ranker.search(embeddings.embed("mã OTP đưa cho công an"), 1)[0]?.doc).toBe(1);
    const all = ranker.search(embeddings.embed("vneid"), 10);
    expect(all.map((m) => m.doc)).not.toContain(3);
    expect(all).toHaveLength(6);
  });

  it("gives the same results when the same query is searched twice (its scratch space is reset)", () => {
    const vector = embeddings.embed("chuyển khoản an toàn");
    expect(ranker.search(vector, 6)).toEqual(ranker.search(embeddings.embed("chuyển khoản an toàn"), 6));
  });

  it("similarity of a chunk is its best vector's cosine", () => {
    const vector = embeddings.embed("cài vneid");
    const want = bruteForce(vector, 10).find((m) => m.doc === 0)!.similarity;
    expect(ranker.similarity(vector, 0)).toBeCloseTo(want, 6);
    expect(ranker.similarity(vector, 3)).toBe(0);
  });
});
