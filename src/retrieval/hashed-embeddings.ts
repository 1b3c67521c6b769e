import { Embeddings, type EmbeddingsParams } from "@langchain/core/embeddings";
import { bigrams, charNgrams, defaultLexicon, foldDiacritics, normalizeTokens, type Lexicon } from "../nlp/index.js";
import type { StoredPoint } from "./stored-point.js";

/** Default vector size: large enough that hashed features rarely collide on a few thousand chunks. */
export const HASHED_DIMS = 1536;

/** Relative weight of each feature family: whole words matter most, character n-grams only rescue typos. */
const FAMILY_WEIGHT = { s: 1, b: 1.2, c: 0.3 } as const;

/** Document frequencies learned from the knowledge base (data/index/embedder.json). */
export interface HashedEmbeddingsData {
  dims: number;
  docs: number;
  df: Array<[feature: string, count: number]>;
}

/** The same data for another thread: the features as one string (a line each), their counts in one array. */
export interface PackedEmbeddingsData {
  dims: number;
  docs: number;
  features: string;
  counts: Int32Array;
}

export function packEmbeddingsData(data: HashedEmbeddingsData): PackedEmbeddingsData {
  return { dims: data.dims, docs: data.docs, features: data.df.map(([f]) => f).join("\n"), counts: Int32Array.from(data.df, ([, n]) => n) };
}

export function unpackEmbeddingsData(packed: PackedEmbeddingsData): HashedEmbeddingsData {
  const features = packed.features ? packed.features.split("\n") : [];
  return { dims: packed.dims, docs: packed.docs, df: features.map((f, i) => [f, packed.counts[i]!]) };
}

/** Features of one text: folded syllables, folded syllable bigrams and character 3-grams, with counts. */
export function textFeatures(text: string, lexicon: Lexicon = defaultLexicon): Map<string, number> {
  const tokens = normalizeTokens(text, lexicon).map((t) => foldDiacritics(t));
  const out = new Map<string, number>();
  const add = (f: string) => out.set(f, (out.get(f) ?? 0) + 1);
  for (const t of tokens) add(`s:${t}`);
  for (const t of bigrams(tokens)) add(`b:${t}`);
  for (const t of charNgrams(tokens, 3)) add(`c:${t}`);
  return out;
}

/** 32-bit FNV-1a: stable across runs and platforms (unlike anything seeded), which keeps the index deterministic. */
function fnv1a(text: string, seed = 0x811c9dc5): number {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/**
 * Deterministic offline embedder: TF-IDF weighted hashed features (the "hashing trick"), L2-normalised. No model
 * download is possible here, so this is the embedded default; it captures word overlap and typo-tolerant partial
 * overlap, not meaning. A deployment with a real model uses OpenAiCompatibleEmbeddings instead.
 */
export class HashedEmbeddings extends Embeddings {
  readonly dims: number;
  private readonly df: Map<string, number>;
  private readonly docs: number;

  constructor(
    data: HashedEmbeddingsData,
    private readonly lexicon: Lexicon = defaultLexicon,
    params: EmbeddingsParams = {},
  ) {
    super(params);
    this.dims = data.dims;
    this.docs = data.docs;
    this.df = new Map(data.df);
  }

  /** Learns document frequencies from the corpus the index is built over. */
  static fit(texts: readonly string[], dims = HASHED_DIMS, lexicon: Lexicon = defaultLexicon): HashedEmbeddingsData {
    const df = new Map<string, number>();
    for (const text of texts) for (const f of textFeatures(text, lexicon).keys()) df.set(f, (df.get(f) ?? 0) + 1);
    const sorted = [...df.entries()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    return { dims, docs: texts.length, df: sorted };
  }

  toJSON(): HashedEmbeddingsData {
    const sorted = [...this.df.entries()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    return { dims: this.dims, docs: this.docs, df: sorted };
  }

  /** Synchronous core, used directly on the hot path. */
  embed(text: string): number[] {
    const vector = new Float64Array(this.dims);
    this.accumulate(text, (slot, value) => (vector[slot] = (vector[slot] ?? 0) + value));
    let norm = 0;
    for (const v of vector) norm += v * v;
    norm = Math.sqrt(norm) || 1;
    return Array.from(vector, (v) => v / norm);
  }

  /**
   * The same vector as `embed`, kept as its non-zero coordinates (about a hundred of 1,536) in float32, the way the
   * rankers store document vectors: building them skips the dense arrays entirely.
   */
  embedSparse(text: string): StoredPoint {
    const slots = new Map<number, number>();
    this.accumulate(text, (slot, value) => slots.set(slot, (slots.get(slot) ?? 0) + value));
    const order = [...slots.keys()].filter((slot) => slots.get(slot) !== 0).sort((a, b) => a - b);
    let norm = 0;
    for (const slot of order) norm += slots.get(slot)! ** 2;
    norm = Math.sqrt(norm) || 1;
    const index = this.dims <= 0x10000 ? new Uint16Array(order) : new Uint32Array(order);
    const values = Float32Array.from(order, (slot) => slots.get(slot)! / norm);
    let normSquared = 0;
    for (const v of values) normSquared += v * v;
    return { index, values, normSquared };
  }

  /**
   * Slot and signed family·idf weight of each feature of the knowledge base, computed once: a build embeds ~3,000
   * texts sharing their features, and hashing each feature twice per text was most of the embedding time. Features
   * the knowledge base does not have (only in queries) are not kept, so queries never grow this.
   */
  private readonly known = new Map<string, { slot: number; weight: number }>();

  private featureWeight(feature: string): { slot: number; weight: number } {
    const cached = this.known.get(feature);
    if (cached) return cached;
    const family = feature[0] as keyof typeof FAMILY_WEIGHT;
    const df = this.df.get(feature);
    const idf = Math.log((this.docs + 1) / ((df ?? 0) + 1)) + 1;
    const sign = fnv1a(feature, 0x9747b28c) & 1 ? 1 : -1;
    const entry = { slot: fnv1a(feature) % this.dims, weight: sign * FAMILY_WEIGHT[family] * idf };
    if (df !== undefined) this.known.set(feature, entry);
    return entry;
  }

  /** Adds each feature's signed TF-IDF weight to its hashed slot. */
  private accumulate(text: string, add: (slot: number, value: number) => void): void {
    for (const [feature, count] of textFeatures(text, this.lexicon)) {
      const { slot, weight } = this.featureWeight(feature);
      add(slot, (1 + Math.log(count)) * weight);
    }
  }

  async embedDocuments(documents: string[]): Promise<number[][]> {
    return documents.map((d) => this.embed(d));
  }

  async embedQuery(document: string): Promise<number[]> {
    return this.embed(document);
  }
}
