import type { EmbeddingsInterface } from "@langchain/core/embeddings";
import type { Chunk } from "../assistant/ports.js";
import type { Lesson } from "../curriculum/index.js";
import type { Lexicon } from "../nlp/index.js";
import { analyzeDocument } from "./analyzer.js";
import { Bm25Index } from "./bm25.js";
import { chunkFields, chunkText } from "./chunk.js";
import { HashedEmbeddings, HASHED_DIMS, type HashedEmbeddingsData } from "./hashed-embeddings.js";
import type { LexicalData } from "./lexical-ranker.js";
import { OpenAiCompatibleEmbeddings } from "./openai-embeddings.js";
import { vectorTexts } from "./index-builder.js";
import { VectorRanker } from "./vector-ranker.js";

/** Same shape as Config["embeddings"] (src/config.ts); repeated here so retrieval does not import config. */
export type EmbeddingsConfig =
  | { kind: "hashed" }
  | {
      kind: "openai-compatible";
      url: string;
      model: string;
      apiKey?: string;
      /** Deadline for one query embedding before BM25 ranks alone (EMBEDDINGS_TIMEOUT_MS, default 1500). */
      queryTimeoutMs?: number;
      /** Circuit breaker for the endpoint (ENDPOINT_BREAKER_FAILURES, ENDPOINT_BREAKER_COOLDOWN_MS). */
      breaker?: { failureThreshold: number; cooldownMs: number };
    };

/** Identifies the embedder in meta.json: changing it (or its model) forces a rebuild. */
export function embedderSignature(config: EmbeddingsConfig): string {
  return config.kind === "hashed" ? `hashed:${HASHED_DIMS}` : `openai-compatible:${config.url}:${config.model}`;
}

export function createEmbeddings(config: EmbeddingsConfig, lexicon: Lexicon, hashed?: HashedEmbeddingsData): EmbeddingsInterface {
  if (config.kind === "openai-compatible") {
    return new OpenAiCompatibleEmbeddings({ url: config.url, model: config.model, apiKey: config.apiKey, queryTimeoutMs: config.queryTimeoutMs });
  }
  if (!hashed) throw new Error("the hashed embedder needs its document frequencies (embedder.json)");
  return new HashedEmbeddings(hashed, lexicon);
}

export interface BuiltIndex {
  lexical: LexicalData;
  hashed?: HashedEmbeddingsData;
  vector: VectorRanker;
  embeddings: EmbeddingsInterface;
}

/** Builds the lexical and vector indexes for the chunks (pure apart from calling a remote embedder if configured). */
export async function buildIndex(
  chunks: readonly Chunk[],
  lessons: readonly Lesson[],
  lexicon: Lexicon,
  config: EmbeddingsConfig,
  progress: (message: string) => void = () => {},
): Promise<BuiltIndex> {
  const summaries = new Map(lessons.map((l) => [l.id, l.summary]));
  progress(`analysing ${chunks.length} chunks`);
  const lexical = buildLexical(chunks, lessons, lexicon);
  const texts = chunks.map((c) => chunkText(c, summaries.get(c.lessonId) ?? ""));
  const hashed = config.kind === "hashed" ? HashedEmbeddings.fit(texts, HASHED_DIMS, lexicon) : undefined;
  const embeddings = createEmbeddings(config, lexicon, hashed);
  progress(`embedding ${texts.length} chunks (${config.kind}) and building the HNSW graph`);
  const vector = await VectorRanker.build(vectorTexts(chunks, texts), embeddings);
  return { lexical, ...(hashed ? { hashed } : {}), vector, embeddings };
}

/** The BM25 indexes alone: no embedder involved, so they can always be built (see the fallback in index.ts). */
export function buildLexical(chunks: readonly Chunk[], lessons: readonly Lesson[], lexicon: Lexicon): LexicalData {
  const summaries = new Map(lessons.map((l) => [l.id, l.summary]));
  const docs = chunks.map((c) => analyzeDocument(chunkFields(c, summaries.get(c.lessonId) ?? ""), lexicon));
  return {
    folded: Bm25Index.build(docs.map((d) => d.folded)).toJSON(),
    accented: Bm25Index.build(docs.map((d) => d.accented)).toJSON(),
  };
}
