import { Embeddings, type EmbeddingsParams } from "@langchain/core/embeddings";
import { bigrams, charNgrams, defaultLexicon, foldDiacritics, normalizeTokens, type Lexicon } from "../nlp/index.js";

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
    for (const [feature, count] of textFeatures(text, this.lexicon)) {
      const family = feature[0] as keyof typeof FAMILY_WEIGHT;
      const idf = Math.log((this.docs + 1) / ((this.df.get(feature) ?? 0) + 1)) + 1;
      const weight = FAMILY_WEIGHT[family] * (1 + Math.log(count)) * idf;
      const h = fnv1a(feature);
      const sign = fnv1a(feature, 0x9747b28c) & 1 ? 1 : -1;
      vector[h % this.dims] = (vector[h % this.dims] ?? 0) + sign * weight;
    }
    let norm = 0;
    for (const v of vector) norm += v * v;
    norm = Math.sqrt(norm) || 1;
    return Array.from(vector, (v) => v / norm);
  }

  async embedDocuments(documents: string[]): Promise<number[][]> {
    return documents.map((d) => this.embed(d));
  }

  async embedQuery(document: string): Promise<number[]> {
    return this.embed(document);
  }
}
