import { Document } from "@langchain/core/documents";
import type { EmbeddingsInterface } from "@langchain/core/embeddings";
import { HNSWLib } from "@langchain/community/vectorstores/hnswlib";
import { join } from "node:path";
import { readHnswPoints } from "./hnsw-points.js";
import { cosine, samePoint, storedPoint, type StoredPoint } from "./stored-point.js";

/** Search breadth: hnswlib's default ef (10) is too small for reliable top-50 lists. */
const EF_SEARCH = 128;

/** Texts embedded and added to the graph per step while building. */
const BUILD_BATCH = 1024;

/** Vectors fetched per requested chunk: a chunk owns several vectors, so the nearest list is collapsed per chunk. */
const OVERFETCH = 2;

/** One text to embed for a chunk: the section itself, or one of the paraphrase questions people ask. */
export interface VectorText {
  /** Position of the owning chunk. */
  doc: number;
  chunkId: string;
  text: string;
}

export interface VectorMatch {
  doc: number;
  /** Cosine similarity, -1..1. */
  similarity: number;
}

/**
 * Vector ranker over LangChain's HNSWLib store, multi-vector: each chunk owns one vector for its whole text and one
 * per paraphrase question, so a short question can match a short question (question-to-question matching) instead
 * of being diluted against a long section. HNSWLib assigns labels in insertion order; the docstore metadata records
 * each label's chunk (`doc`), and rankings collapse labels to chunks by their best similarity.
 */
export class VectorRanker {
  /** Label → chunk position. */
  private readonly owner: number[] = [];
  /** Chunk position → its labels. */
  private readonly labels: number[][] = [];
  /**
   * Label → its stored (normalised) vector, held in JS for scoring. Asking hnswlib for it per candidate (`getPoint`
   * builds a fresh 1,536-number array through N-API, ~0.4 ms) was half of the CPU time per answer. Filled from the
   * index file when the index is loaded or saved (see hnsw-points.ts), else once per label on first use. Hashed
   * vectors are sparse, so they are kept as their non-zero coordinates; dense ones (a real model) as a Float32Array.
   */
  private readonly points: Array<StoredPoint | undefined> = [];
  /** Vector dimensions (read once: the native getter is not free). */
  readonly dims: number;
  /** The last query vector scored and its squared norm (searchDetailed scores several chunks with one vector). */
  private lastQuery?: { vector: readonly number[]; normSquared: number };

  private constructor(
    private readonly store: HNSWLib,
    private readonly embeddings: EmbeddingsInterface,
  ) {
    const count = store.index.getCurrentCount();
    this.dims = store.index.getNumDimensions();
    if (count > 0) store.index.setEf(EF_SEARCH);
    for (let label = 0; label < count; label++) {
      const doc = Number((store.docstore.search(String(label)) as Document).metadata?.doc ?? label);
      this.owner.push(doc);
      (this.labels[doc] ??= []).push(label);
    }
  }

  /**
   * Embeds the texts (in order) and builds the HNSW graph; deterministic for the same inputs. Works in batches so
   * that only one batch of vectors is held as JS arrays at a time (a 2,600-section base has ~29,000 vectors).
   */
  static async build(items: readonly VectorText[], embeddings: EmbeddingsInterface): Promise<VectorRanker> {
    if (items.length === 0) throw new Error("cannot build a vector index over zero chunks");
    let store: HNSWLib | undefined;
    for (let start = 0; start < items.length; start += BUILD_BATCH) {
      const batch = items.slice(start, start + BUILD_BATCH);
      const vectors = await embeddings.embedDocuments(batch.map((item) => item.text));
      const dims = vectors[0]?.length;
      if (!dims) throw new Error("the embedder returned no vectors");
      store ??= new HNSWLib(embeddings, { space: "cosine", numDimensions: dims });
      const docs = batch.map((item) => new Document({ pageContent: item.text, metadata: { chunkId: item.chunkId, doc: item.doc } }));
      await store.addVectors(vectors, docs);
    }
    return new VectorRanker(store as HNSWLib, embeddings);
  }

  static async load(dir: string, embeddings: EmbeddingsInterface): Promise<VectorRanker> {
    const ranker = new VectorRanker(await HNSWLib.load(dir, embeddings), embeddings);
    ranker.readPoints(dir);
    return ranker;
  }

  async save(dir: string): Promise<void> {
    await this.store.save(dir);
    this.readPoints(dir);
  }

  /**
   * Takes every label's vector from the saved index file in one pass. Checked against `getPoint` on the first and
   * last label; on any mismatch (another file layout) the points stay to be fetched one by one on first use.
   */
  private readPoints(dir: string): void {
    const count = this.owner.length;
    if (count === 0 || this.points.length === count) return;
    const points = new Array<StoredPoint | undefined>(count);
    const ok = readHnswPoints(join(dir, "hnswlib.index"), this.dims, count, (label, coordinates) => {
      points[label] = storedPoint(coordinates);
    });
    if (!ok || points.includes(undefined)) return;
    for (const label of new Set([0, count - 1])) {
      const expected = storedPoint(this.store.index.getPoint(label));
      if (!samePoint(points[label]!, expected)) return;
    }
    this.points.splice(0, this.points.length, ...points);
  }

  private point(label: number): StoredPoint {
    return (this.points[label] ??= storedPoint(this.store.index.getPoint(label)));
  }

  /** Number of chunks (not vectors) in the index. */
  get size(): number {
    return this.labels.length;
  }

  /** Chunk ids in label order, as stored (used to check the index still matches the knowledge base). */
  storedIds(): string[] {
    return this.labels.map((labels) => {
      const doc = this.store.docstore.search(String(labels[0] ?? -1));
      return String((doc as Document | undefined)?.metadata?.chunkId ?? "");
    });
  }

  async embedQuery(query: string): Promise<number[]> {
    return this.embeddings.embedQuery(query);
  }

  /**
   * Nearest chunks, best first, each with the similarity of its closest vector; k larger than the index is clamped
   * here (the library would only console.warn).
   */
  search(vector: number[], k: number): VectorMatch[] {
    const vectors = this.store.index.getCurrentCount();
    const n = Math.min(k * OVERFETCH, vectors);
    if (n <= 0 || k <= 0) return [];
    if (vector.length !== this.dims) {
      throw new Error(`query vector has ${vector.length} dimensions, the index has ${this.dims}: rebuild it with npm run index`);
    }
    const { neighbors, distances } = this.store.index.searchKnn(vector, n);
    const best = new Map<number, number>();
    neighbors.forEach((label, i) => {
      const doc = this.owner[label] ?? label;
      const similarity = 1 - (distances[i] ?? 1);
      if (!best.has(doc) || similarity > (best.get(doc) ?? -1)) best.set(doc, similarity);
    });
    return [...best]
      .map(([doc, similarity]) => ({ doc, similarity }))
      .sort((a, b) => b.similarity - a.similarity || a.doc - b.doc)
      .slice(0, k);
  }

  /**
   * Best cosine similarity between a query vector and any vector of chunk `doc`. Bit-for-bit the value of the plain
   * dense loop over the vector hnswlib stores (same products, added in the same order; only exact zeros are skipped).
   */
  similarity(vector: readonly number[], doc: number): number {
    const labels = this.labels[doc];
    if (!labels || labels.length === 0) return 0;
    const a = this.queryNormSquared(vector);
    let best = 0;
    for (const label of labels) best = Math.max(best, cosine(vector, a, this.point(label)));
    return best;
  }

  /** Σx² over the index's dimensions (a missing coordinate counts as 0), computed once per query vector. */
  private queryNormSquared(vector: readonly number[]): number {
    if (this.lastQuery?.vector === vector) return this.lastQuery.normSquared;
    const dims = this.dims;
    let a = 0;
    for (let i = 0; i < dims; i++) {
      const x = vector[i] ?? 0;
      a += x * x;
    }
    this.lastQuery = { vector, normSquared: a };
    return a;
  }
}
