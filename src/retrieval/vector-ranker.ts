import { Document } from "@langchain/core/documents";
import type { EmbeddingsInterface } from "@langchain/core/embeddings";
import { HNSWLib } from "@langchain/community/vectorstores/hnswlib";

/** Search breadth: hnswlib's default ef (10) is too small for reliable top-50 lists. */
const EF_SEARCH = 128;

export interface VectorMatch {
  doc: number;
  /** Cosine similarity, -1..1. */
  similarity: number;
}

/**
 * Vector ranker over LangChain's HNSWLib store. Document `i` is stored under hnswlib label `i` (HNSWLib assigns
 * labels in insertion order), so labels map straight back to chunk positions.
 */
export class VectorRanker {
  private constructor(
    private readonly store: HNSWLib,
    private readonly embeddings: EmbeddingsInterface,
  ) {
    if (store.index.getCurrentCount() > 0) store.index.setEf(EF_SEARCH);
  }

  /** Embeds the texts (in order) and builds the HNSW graph; deterministic for the same inputs. */
  static async build(texts: readonly string[], ids: readonly string[], embeddings: EmbeddingsInterface): Promise<VectorRanker> {
    const docs = texts.map((text, i) => new Document({ pageContent: text, metadata: { chunkId: ids[i] } }));
    const vectors = await embeddings.embedDocuments(texts.slice());
    const dims = vectors[0]?.length;
    if (!dims) throw new Error("cannot build a vector index over zero chunks");
    const store = new HNSWLib(embeddings, { space: "cosine", numDimensions: dims });
    await store.addVectors(vectors, docs);
    return new VectorRanker(store, embeddings);
  }

  static async load(dir: string, embeddings: EmbeddingsInterface): Promise<VectorRanker> {
    return new VectorRanker(await HNSWLib.load(dir, embeddings), embeddings);
  }

  async save(dir: string): Promise<void> {
    await this.store.save(dir);
  }

  get size(): number {
    return this.store.index.getCurrentCount();
  }

  get dims(): number {
    return this.store.index.getNumDimensions();
  }

  /** Chunk ids in label order, as stored (used to check the index still matches the knowledge base). */
  storedIds(): string[] {
    const ids: string[] = [];
    for (let i = 0; i < this.size; i++) {
      const doc = this.store.docstore.search(String(i));
      ids.push(String((doc as Document).metadata?.chunkId ?? ""));
    }
    return ids;
  }

  async embedQuery(query: string): Promise<number[]> {
    return this.embeddings.embedQuery(query);
  }

  /** Nearest documents; k larger than the index is clamped here (the library would only console.warn). */
  search(vector: number[], k: number): VectorMatch[] {
    const n = Math.min(k, this.size);
    if (n <= 0) return [];
    if (vector.length !== this.dims) {
      throw new Error(`query vector has ${vector.length} dimensions, the index has ${this.dims}: rebuild it with npm run index`);
    }
    const { neighbors, distances } = this.store.index.searchKnn(vector, n);
    return neighbors.map((doc, i) => ({ doc, similarity: 1 - (distances[i] ?? 1) }));
  }

  /** Cosine similarity between a query vector and stored document `doc`. */
  similarity(vector: number[], doc: number): number {
    const point = this.store.index.getPoint(doc);
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
}
