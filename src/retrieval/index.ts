import type { Chunk } from "../assistant/ports.js";
import { knowledgeHash, loadKnowledge, type Lesson, type Problem } from "../curriculum/index.js";
import { silentLogger, type Logger } from "../shared/logger.js";
import type { EmbeddingsConfig } from "./build.js";
import type { GuardedQueryEmbedder, PartStatus } from "./guarded-query-embedder.js";
import { lessonsToChunks } from "./chunk.js";
import { KnowledgeRetriever } from "./knowledge-retriever.js";
import { readLexicon } from "./lexicon-files.js";
import { IndexBuilder } from "./index-builder.js";
import type { Lexicon } from "../nlp/index.js";
import type { RankingThread } from "./ranking-thread/ranking-thread.js";

export { CONFIDENCE_THRESHOLD, confidenceFrom } from "./confidence.js";
export { KnowledgeRetriever } from "./knowledge-retriever.js";
export type { RetrievalMode, ScoredHit, SearchResult } from "./knowledge-retriever.js";
export type { EmbeddingsConfig } from "./build.js";
export { HashedEmbeddings } from "./hashed-embeddings.js";
export { GuardedQueryEmbedder, type PartStatus } from "./guarded-query-embedder.js";
export { lessonsToChunks } from "./chunk.js";
export { IndexBuilder } from "./index-builder.js";
export { builderSignature, loadBuilderCache, saveBuilderCache } from "./index-builder-cache.js";
export { readLexicon } from "./lexicon-files.js";
export { RankingThread } from "./ranking-thread/ranking-thread.js";

export interface OpenKnowledgeIndexOptions {
  knowledgeDir: string;
  /** The index lives in `${dataDir}/index/`. */
  dataDir: string;
  /** `config.embeddings` from src/config.ts. */
  embeddings: EmbeddingsConfig;
  /** Progress and problems go here (info / warn). */
  logger?: Logger;
  /** Clock for the embeddings circuit breaker (tests); Date.now by default. */
  now?: () => number;
}

export interface KnowledgeIndex {
  /**
   * Implements the core's Retriever port; `search(q, k)` hits each carry a `confidence` (0..1) and
   * `searchDetailed(q, k)` also returns the top hit's confidence to compare with CONFIDENCE_THRESHOLD.
   */
  retriever: KnowledgeRetriever;
  chunks: Chunk[];
  lessons: Lesson[];
  /** Knowledge version: content hash of knowledge/ lessons + lexicon. */
  version: string;
  /** True when the index was (re)built now, false when loaded from disk. */
  rebuilt: boolean;
  /** Knowledge files that could not be (fully) loaded; the rest still works. */
  problems: Problem[];
  /** The remote embeddings endpoint as GET /health reports it: "off" with the built-in embedder. */
  embeddingsStatus(): PartStatus;
  /** The guard around the remote endpoint's query embeddings (absent with the built-in embedder). */
  queryGuard?: GuardedQueryEmbedder;
}

/**
 * Opens the search index over the knowledge base: loads `${dataDir}/index/` when its recorded knowledge version
 * and embedder match, otherwise (re)builds and saves it, logging progress.
 *
 * @example
 * const { retriever, version, rebuilt } = await openKnowledgeIndex({
 *   knowledgeDir: config.knowledgeDir, dataDir: config.dataDir, embeddings: config.embeddings, logger });
 */
export async function openKnowledgeIndex(options: OpenKnowledgeIndexOptions): Promise<KnowledgeIndex> {
  const { lexicon, files, problems: lexiconProblems } = readLexicon(options.knowledgeDir);
  const version = knowledgeHash(options.knowledgeDir, files);
  const { lessons, problems } = loadKnowledge(options.knowledgeDir);
  problems.push(...lexiconProblems);
  const log = options.logger ?? silentLogger;
  for (const p of problems) log.warn({ file: p.file, line: p.line }, `knowledge problem: ${p.message}`);
  return buildKnowledgeIndex({ ...options, lessons, lexicon, version, problems });
}

export interface BuildKnowledgeIndexOptions extends Omit<OpenKnowledgeIndexOptions, "knowledgeDir"> {
  lessons: Lesson[];
  lexicon: Lexicon;
  /** Content hash of the lessons and lexicon served. */
  version: string;
  problems?: Problem[];
  /**
   * Keeps per-text work between builds (built-in embedder): the live knowledge base passes the same builder to
   * every re-index so a publish only analyses what changed.
   */
  builder?: IndexBuilder;
  /** Ranks in a worker thread (built-in embedder only); the retriever falls back to this thread when it cannot. */
  rankingThread?: RankingThread;
}

/**
 * The index over these lessons. With the built-in embedder it is built in memory (exact sparse vector scoring, no
 * graph): fast enough that nothing is saved. With a remote embedder, `${dataDir}/index/` is loaded when its
 * recorded version and embedder match, otherwise rebuilt (HNSW) and saved.
 */
export async function buildKnowledgeIndex(options: BuildKnowledgeIndexOptions): Promise<KnowledgeIndex> {
  const log = options.logger ?? silentLogger;
  const { lessons, lexicon, version } = options;
  const problems = options.problems ?? [];
  const chunks = lessonsToChunks(lessons);
  if (chunks.length === 0) {
    log.warn("knowledge base has no sections: every question will be refused");
    return { retriever: KnowledgeRetriever.empty(), chunks, lessons, version, rebuilt: false, problems, embeddingsStatus: () => "off" };
  }
  if (options.embeddings.kind === "hashed") {
    const started = performance.now();
    const built = (options.builder ?? new IndexBuilder(lexicon)).build(chunks, lessons);
    log.info({ lessons: lessons.length, chunks: chunks.length, ms: Math.round(performance.now() - started) }, "search index built");
    const offThread = options.rankingThread?.serve(version, () => ({
      lexicon,
      lexical: built.lexical.layout(),
      vector: built.vector.layout(built.hashed),
      lessonIds: chunks.map((c) => c.lessonId),
    }));
    const retriever = new KnowledgeRetriever(chunks, built.lexical, built.vector, undefined, offThread);
    return { retriever, chunks, lessons, version, rebuilt: true, problems, embeddingsStatus: () => "off" };
  }
  // Loaded only with a remote embedder: HNSWLib and its LangChain store cost ~20 MB and a third of a second at start.
  const { remoteIndex } = await import("./remote-index.js");
  return remoteIndex(options, chunks, problems, log);
}

export { progressLogger } from "./progress-logger.js";
