import { Document } from "@langchain/core/documents";
import type { EmbeddingsInterface } from "@langchain/core/embeddings";
import { HNSWLib } from "@langchain/community/vectorstores/hnswlib";

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

  private constructor(
    private readonly store: HNSWLib,
    private readonly embeddings: EmbeddingsInterface,
  ) {
    const count = store.index.getCurrentCount();
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
    return new VectorRanker(await HNSWLib.load(dir, embeddings), embeddings);
  }

  async save(dir: string): Promise<void> {
    await this.store.save(dir);
  }

  /** Number of chunks (not vectors) in the index. */
  get size(): number {
    return this.labels.length;
  }

  get dims(): number {
    return this.store.index.getNumDimensions();
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

  /** Best cosine similarity between a query vector and any vector of chunk `doc`. */
  similarity(vector: number[], doc: number): number {
    let best = 0;
    for (const label of this.labels[doc] ?? []) best = Math.max(best, cosine(vector, this.store.index.getPoint(label)));
    return best;
  }
}

function cosine(vector: number[], point: number[]): number {
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
  return a > 0 && b > 0 ? dot / Math.sqrt(a * b) : 0;
}
