import { describe, expect, it } from "vitest";
import { HashedEmbeddings, HASHED_DIMS } from "../../../src/retrieval/hashed-embeddings.js";

const corpus = ["Tải ứng dụng VNeID ở đâu", "Mã OTP không được đưa cho ai", "Chuyển khoản qua ngân hàng an toàn"];
const cosine = (a: number[], b: number[]) => a.reduce((s, x, i) => s + x * (b[i] ?? 0), 0);

describe("HashedEmbeddings", () => {
  const embeddings = new HashedEmbeddings(HashedEmbeddings.fit(corpus));

  it("is deterministic, L2-normalised and of the configured dimension", async () => {
    const [a] = await embeddings.embedDocuments([corpus[0] ?? ""]);
    const b = await new HashedEmbeddings(HashedEmbeddings.fit(corpus)).embedQuery(corpus[0] ?? "");
    expect(a).toEqual(b);
    expect(b).toHaveLength(HASHED_DIMS);
    expect(Math.sqrt(cosine(b, b))).toBeCloseTo(1, 6);
  });

  it("puts a question typed without diacritics or abbreviated next to its section", async () => {
    const docs = await embeddings.embedDocuments(corpus);
    for (const q of ["tai vneid o dau", "tải app vneid ở đâu", "ma otp ko dua ai"]) {
      const v = await embeddings.embedQuery(q);
      const sims = docs.map((d) => cosine(v, d));
      const best = sims.indexOf(Math.max(...sims));
      expect(best, q).toBe(q.includes("otp") ? 1 : 0);
    }
  });

  it("round-trips its document frequencies", async () => {
    const copy = new HashedEmbeddings(JSON.parse(JSON.stringify(embeddings.toJSON())));
    expect(await copy.embedQuery("ngân hàng")).toEqual(await embeddings.embedQuery("ngân hàng"));
  });
});
