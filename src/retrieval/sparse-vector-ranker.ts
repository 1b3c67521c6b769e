import { HashedEmbeddings, packEmbeddingsData, unpackEmbeddingsData, type HashedEmbeddingsData, type PackedEmbeddingsData } from "./hashed-embeddings.js";
import type { Lexicon } from "../nlp/index.js";
import { cosine, packPoints, unpackPoints, type PackedPoints, type StoredPoint } from "./stored-point.js";
import { topPositions } from "./top-k.js";
import type { VectorMatch, VectorText } from "./vector-ranker.js";

/**
 * What rebuilds the ranker in another thread, in a few flat arrays and strings (cheap to clone): each vector's chunk,
 * the chunks' ids, the vectors, and the embedder's fitted data.
 */
export interface SparseVectorLayout {
  /** Per vector (label): its chunk's position. */
  owners: Int32Array;
  /** Per chunk position: its id, one per line. */
  chunkIds: string;
  points: PackedPoints;
  embeddings: PackedEmbeddingsData;
}

/**
 * Exact nearest chunks over the built-in hashed embedder's sparse vectors, scored in JS. Hashed vectors have about
 * a hundred non-zeros each, so scoring all ~3,000 of the real knowledge base's vectors costs less than one HNSW
 * search did (plus its per-candidate copies out of the native index), is exact instead of approximate, and needs no
 * graph: building is just embedding, which is what lets a publish go live in well under a second (issues 13, 14).
 * HNSW (vector-ranker.ts) stays for a remote embedder's dense vectors.
 */
export class SparseVectorRanker {
  /** Label → chunk position. */
  private readonly owner: Int32Array;
  /** Chunk position → its labels. */
  private readonly labels: number[][] = [];
  private readonly points: StoredPoint[];
  /**
   * The same vectors by dimension (an inverted index): dimension d's entries are postingLabels/Values[starts[d] ..
   * starts[d+1]). A query touches only its own ~150 non-zero dimensions and their entries, about a tenth of the
   * products that scoring every vector in turn would do.
   */
  private readonly starts: Int32Array;
  /** 2 bytes a label while there are at most 65,536 vectors (28,000 at the 3,366-section scale-up). */
  private readonly postingLabels: Uint16Array | Int32Array;
  private readonly postingValues: Float32Array;
  private lastQuery?: { vector: readonly number[]; dims: number[]; normSquared: number };
  /** Dot products per vector, reused by every search and left all zero after it (a search never awaits). */
  private readonly scratchDots: Float64Array;
  /** Best similarity per chunk during a search. */
  private readonly scratchBest: Float64Array;
  /** Σy² of each vector, by label, next to each other for the scoring loop. */
  private readonly pointNorms: Float64Array;
  /** The chunks that have at least one vector, in chunk order (the others are never returned). */
  private readonly docsWithVectors: Int32Array;

  private constructor(
    items: ReadonlyArray<Pick<VectorText, "doc" | "chunkId">>,
    points: StoredPoint[],
    private readonly embeddings: HashedEmbeddings,
    private readonly chunkIds: string[],
  ) {
    this.points = points;
    this.scratchDots = new Float64Array(points.length);
    this.pointNorms = Float64Array.from(points, (p) => p.normSquared);
    this.owner = Int32Array.from(items, (item) => item.doc);
    items.forEach((item, label) => (this.labels[item.doc] ??= []).push(label));
    this.scratchBest = new Float64Array(this.labels.length);
    this.docsWithVectors = Int32Array.from(this.labels.flatMap((labels, doc) => (labels ? [doc] : [])));
    const dims = embeddings.dims;
    this.starts = new Int32Array(dims + 1);
    for (const point of points) forEachDimension(point, (d) => this.starts[d + 1]!++);
    for (let d = 0; d < dims; d++) this.starts[d + 1]! += this.starts[d]!;
    const fill = this.starts.slice(0, dims);
    this.postingLabels = points.length <= 0x10000 ? new Uint16Array(this.starts[dims]!) : new Int32Array(this.starts[dims]!);
    this.postingValues = new Float32Array(this.starts[dims]!);
    points.forEach((point, label) => {
      forEachDimension(point, (d, j) => {
        const at = fill[d]!++;
        this.postingLabels[at] = label;
        this.postingValues[at] = point.values[j]!;
      });
    });
  }

  /** The vectors as stored, for the ranking thread; `embeddings` is the fitted data this ranker's embedder was made from. */
  layout(embeddings: HashedEmbeddingsData): SparseVectorLayout {
    return { owners: this.owner, chunkIds: this.chunkIds.join("\n"), points: packPoints(this.points), embeddings: packEmbeddingsData(embeddings) };
  }

  static fromLayout(layout: SparseVectorLayout, lexicon: Lexicon): SparseVectorRanker {
    const chunkIds = layout.chunkIds.split("\n");
    const items = Array.from(layout.owners, (doc) => ({ doc, chunkId: chunkIds[doc]! }));
    return SparseVectorRanker.fromPoints(items, unpackPoints(layout.points), new HashedEmbeddings(unpackEmbeddingsData(layout.embeddings), lexicon));
  }

  /** Embeds every text. */
  static build(items: readonly VectorText[], embeddings: HashedEmbeddings): SparseVectorRanker {
    return SparseVectorRanker.fromPoints(items, items.map((item) => embeddings.embedSparse(item.text)), embeddings);
  }

  /** Over vectors already embedded with `embeddings` (the index builder keeps them between builds). */
  static fromPoints(items: ReadonlyArray<Pick<VectorText, "doc" | "chunkId">>, points: StoredPoint[], embeddings: HashedEmbeddings): SparseVectorRanker {
    const chunkIds: string[] = [];
    for (const item of items) chunkIds[item.doc] ??= item.chunkId;
    return new SparseVectorRanker(items, points, embeddings, chunkIds);
  }

  get dims(): number {
    return this.embeddings.dims;
  }

  /** Number of chunks (not vectors). */
  get size(): number {
    return this.labels.length;
  }

  storedIds(): string[] {
    return [...this.chunkIds];
  }

  async embedQuery(query: string): Promise<number[]> {
    return this.embedQuerySync(query);
  }

  /** The built-in embedder needs no I/O: the ranking thread embeds without a promise. */
  embedQuerySync(query: string): number[] {
    return this.embeddings.embed(query);
  }

  /**
   * The k chunks most similar to the query, best first (ties by chunk order, for determinism) — the same list as
   * scoring every vector, computed from the query's non-zero dimensions only. A vector the query shares no dimension
   * with has similarity exactly 0, so untouched chunks only ever fill the list after the positive ones, in chunk order.
   */
  search(vector: number[], k: number): VectorMatch[] {
    if (k <= 0 || this.points.length === 0) return [];
    const { dims: queryDims, normSquared: a } = this.queryOf(vector);
    const { starts, postingLabels, postingValues, scratchDots: dots, scratchBest: best, owner, pointNorms } = this;
    for (let j = 0; j < queryDims.length; j++) {
      const d = queryDims[j]!;
      const q = vector[d]!;
      for (let i = starts[d]!, end = starts[d + 1]!; i < end; i++) {
        const label = postingLabels[i]!;
        dots[label]! += q * postingValues[i]!;
      }
    }
    best.fill(-Infinity);
    for (let label = 0; label < dots.length; label++) {
      const b = pointNorms[label]!;
      const similarity = a > 0 && b > 0 ? dots[label]! / Math.sqrt(a * b) : 0;
      const doc = owner[label]!;
      if (similarity > best[doc]!) best[doc] = similarity;
    }
    dots.fill(0);
    // Every chunk that has a vector, as a nearest-neighbour search returns k of them whatever their similarity.
    return topPositions(best, this.docsWithVectors, k).map((doc) => ({ doc, similarity: best[doc]! }));
  }

  /** Best cosine similarity between the query and any vector of chunk `doc`. */
  similarity(vector: readonly number[], doc: number): number {
    const labels = this.labels[doc];
    if (!labels) return 0;
    const a = this.queryNormSquared(vector);
    let best = 0;
    for (const label of labels) best = Math.max(best, cosine(vector, a, this.points[label]!));
    return best;
  }

  private queryNormSquared(vector: readonly number[]): number {
    return this.queryOf(vector).normSquared;
  }

  /** The query's Σx² and non-zero dimensions, remembered for the last query (search, then similarity per hit). */
  private queryOf(vector: readonly number[]): { dims: number[]; normSquared: number } {
    if (this.lastQuery?.vector === vector) return this.lastQuery;
    let normSquared = 0;
    const dims: number[] = [];
    for (let d = 0; d < vector.length; d++) {
      const x = vector[d]!;
      if (x === 0) continue;
      normSquared += x * x;
      if (d < this.starts.length - 1) dims.push(d);
    }
    this.lastQuery = { vector, dims, normSquared };
    return this.lastQuery;
  }
}

/** Calls `visit(dimension, j)` for a stored point's j-th stored value, in order (every dimension for a dense one). */
function forEachDimension(point: StoredPoint, visit: (dimension: number, j: number) => void): void {
  const { index, values } = point;
  if (index) for (let j = 0; j < index.length; j++) visit(index[j]!, j);
  else for (let d = 0; d < values.length; d++) visit(d, d);
}
