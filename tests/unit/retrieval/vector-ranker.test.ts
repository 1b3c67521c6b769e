import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { HashedEmbeddings } from "../../../src/retrieval/hashed-embeddings.js";
import { readHnswPoints } from "../../../src/retrieval/hnsw-points.js";
import { VectorRanker, type VectorText } from "../../../src/retrieval/vector-ranker.js";
import { VECTOR_TEXTS } from "../../fixtures/vector-texts.js";

const texts: VectorText[] = [...VECTOR_TEXTS];
const queries = ["tai vneid o dau", "ma otp", "chuyển tiền bằng QR", "thời tiết hôm nay"];
const embeddings = new HashedEmbeddings(HashedEmbeddings.fit(texts.map((t) => t.text)));

/** The scoring the ranker replaced: a dense cosine over the vector hnswlib returns for each label. */
function reference(points: number[][], owners: number[], vector: number[], doc: number): number {
  let best = 0;
  points.forEach((point, label) => {
    if (owners[label] !== doc) return;
    let dot = 0;
    let a = 0;
    let b = 0;
    for (let i = 0; i < point.length; i++) {
      const x = vector[i] ?? 0;
      const y = point[i] ?? 0;
      dot += x * y;
      a += x * x;
      b += y * y;
    }
    best = Math.max(best, a > 0 && b > 0 ? dot / Math.sqrt(a * b) : 0);
  });
  return best;
}

describe("VectorRanker", () => {
  const dir = mkdtempSync(join(tmpdir(), "vector-ranker-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("scores exactly like a dense cosine over the stored vectors, before saving, after saving and after loading", async () => {
    const built = await VectorRanker.build(texts, embeddings);
    const store = (built as unknown as { store: { index: { getPoint(label: number): number[] } } }).store;
    const points = texts.map((_, label) => store.index.getPoint(label));
    const owners = texts.map((t) => t.doc);
    const check = (ranker: VectorRanker, vector: number[]) => {
      for (let doc = 0; doc < 3; doc++) expect(Object.is(ranker.similarity(vector, doc), reference(points, owners, vector, doc))).toBe(true);
    };
    for (const q of queries) check(built, await embeddings.embedQuery(q)); // points fetched one by one
    await built.save(dir);
    for (const q of queries) check(built, await embeddings.embedQuery(q)); // points read from the saved file
    const loaded = await VectorRanker.load(dir, embeddings);
    for (const q of queries) {
      const v = await embeddings.embedQuery(q);
      check(loaded, v);
      expect(loaded.search(v, 3)).toEqual(built.search(v, 3));
    }
  });

  it("reads every stored vector from the index file, in label order, as hnswlib returns them", async () => {
    const ranker = await VectorRanker.build(texts, embeddings);
    await ranker.save(dir);
    const store = (ranker as unknown as { store: { index: { getPoint(label: number): number[] } } }).store;
    const seen: number[] = [];
    const ok = readHnswPoints(join(dir, "hnswlib.index"), ranker.dims, texts.length, (label, coordinates) => {
      seen.push(label);
      expect(Array.from(coordinates)).toEqual(store.index.getPoint(label));
    });
    expect(ok).toBe(true);
    expect(seen.sort()).toEqual([0, 1, 2, 3, 4]);
    expect(readHnswPoints(join(dir, "hnswlib.index"), ranker.dims + 1, texts.length, () => undefined)).toBe(false);
  });
});
