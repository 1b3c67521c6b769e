import { join } from "node:path";
import type { Chunk } from "../assistant/ports.js";
import { knowledgeHash, loadKnowledge, type Lesson, type Problem } from "../curriculum/index.js";
import { silentLogger, type Logger } from "../shared/logger.js";
import { buildIndex, buildLexical, embedderSignature, type EmbeddingsConfig } from "./build.js";
import { lessonsToChunks } from "./chunk.js";
import { INDEX_FORMAT, loadIndex, readMeta, saveIndex, type IndexMeta } from "./index-files.js";
import { GuardedQueryEmbedder, type PartStatus } from "./guarded-query-embedder.js";
import { KnowledgeRetriever } from "./knowledge-retriever.js";
import { LexicalRanker } from "./lexical-ranker.js";
import { readLexicon } from "./lexicon-files.js";
import { DEFAULT_QUERY_TIMEOUT_MS } from "./openai-embeddings.js";
import type { VectorRanker } from "./vector-ranker.js";
import { IndexBuilder } from "./index-builder.js";
import type { Lexicon } from "../nlp/index.js";

export { CONFIDENCE_THRESHOLD, confidenceFrom } from "./confidence.js";
export { KnowledgeRetriever } from "./knowledge-retriever.js";
export type { RetrievalMode, ScoredHit, SearchResult } from "./knowledge-retriever.js";
export type { EmbeddingsConfig } from "./build.js";
export { HashedEmbeddings } from "./hashed-embeddings.js";
export { OpenAiCompatibleEmbeddings } from "./openai-embeddings.js";
export { GuardedQueryEmbedder, type PartStatus } from "./guarded-query-embedder.js";
export { lessonsToChunks } from "./chunk.js";
export { IndexBuilder } from "./index-builder.js";
export { readLexicon } from "./lexicon-files.js";

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

/** Breaker defaults when the config gives none (same as src/config.ts). */
const DEFAULT_BREAKER = { failureThreshold: 3, cooldownMs: 30_000 };

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
    const retriever = new KnowledgeRetriever(chunks, built.lexical, built.vector);
    return { retriever, chunks, lessons, version, rebuilt: true, problems, embeddingsStatus: () => "off" };
  }
  return remoteIndex(options, chunks, problems, log);
}

/** The remote embedder's dense vectors in an HNSW graph, kept on disk because embedding costs endpoint calls. */
async function remoteIndex(options: BuildKnowledgeIndexOptions, chunks: Chunk[], problems: Problem[], log: Logger): Promise<KnowledgeIndex> {
  const { lessons, lexicon, version } = options;
  const dir = join(options.dataDir, "index");
  const signature = embedderSignature(options.embeddings);
  const meta = await readMeta(dir);
  if (meta && meta.format === INDEX_FORMAT && meta.version === version && meta.embedder === signature) {
    try {
      const loaded = await loadIndex(dir, options.embeddings, lexicon);
      const ids = loaded.vector.storedIds();
      if (ids.length === chunks.length && ids.every((id, i) => id === chunks[i]?.id)) {
        log.info({ version, chunks: chunks.length }, "search index loaded");
        const ranking = withQueryGuard(options, loaded.vector, log);
        const retriever = new KnowledgeRetriever(chunks, new LexicalRanker(loaded.lexical, lexicon), loaded.vector, ranking.queryVectors);
        return { retriever, chunks, lessons, version, rebuilt: false, problems, ...ranking.health };
      }
      log.warn({ dir }, "search index does not match the knowledge base; rebuilding");
    } catch (error) {
      log.warn({ dir, err: (error as Error).message }, "search index unreadable; rebuilding");
    }
  } else {
    log.info({ dir, version, previous: meta?.version }, meta ? "knowledge changed; rebuilding search index" : "no search index yet; building it");
  }

  const started = performance.now();
  let built: Awaited<ReturnType<typeof buildIndex>>;
  try {
    built = await buildIndex(chunks, lessons, lexicon, options.embeddings, (m) => log.info(m));
  } catch (error) {
    if (options.embeddings.kind !== "openai-compatible") throw error;
    // The remote embedder is needed to build the vector index; without it, start anyway with BM25 ranking so
    // citizens still get answers. Nothing is saved, so the next start builds the full index.
    log.error(
      { err: (error as Error).message },
      "embeddings endpoint unavailable while building the search index: serving with BM25 ranking only; restart once it is back to build the full index",
    );
    const retriever = new KnowledgeRetriever(chunks, new LexicalRanker(buildLexical(chunks, lessons, lexicon), lexicon));
    return { retriever, chunks, lessons, version, rebuilt: false, problems, embeddingsStatus: () => "down" };
  }
  const newMeta: IndexMeta = {
    format: INDEX_FORMAT,
    version,
    embedder: signature,
    dims: built.vector.dims,
    lessons: lessons.length,
    chunks: chunks.length,
  };
  await saveIndex(dir, newMeta, built);
  log.info(
    { lessons: lessons.length, chunks: chunks.length, dims: newMeta.dims, ms: Math.round(performance.now() - started) },
    "search index built",
  );
  const ranking = withQueryGuard(options, built.vector, log);
  const retriever = new KnowledgeRetriever(chunks, new LexicalRanker(built.lexical, lexicon), built.vector, ranking.queryVectors);
  return { retriever, chunks, lessons, version, rebuilt: true, problems, ...ranking.health };
}

/**
 * With a remote embeddings endpoint, query vectors go through a deadline and a circuit breaker so that a slow or
 * dead endpoint degrades ranking to BM25 instead of failing (or stalling) every question. The built-in embedder
 * runs in-process and needs no guard.
 */
function withQueryGuard(options: Omit<OpenKnowledgeIndexOptions, "knowledgeDir">, vector: VectorRanker, log: Logger) {
  const config = options.embeddings;
  if (config.kind !== "openai-compatible") {
    return { queryVectors: undefined, health: { embeddingsStatus: (): PartStatus => "off" } };
  }
  const guard = new GuardedQueryEmbedder((q) => vector.embedQuery(q), {
    timeoutMs: config.queryTimeoutMs ?? DEFAULT_QUERY_TIMEOUT_MS,
    ...(config.breaker ?? DEFAULT_BREAKER),
    now: options.now,
    logger: log,
  });
  return {
    queryVectors: (q: string) => guard.vectorFor(q),
    health: { embeddingsStatus: () => guard.status(), queryGuard: guard },
  };
}
export { progressLogger } from "./progress-logger.js";
