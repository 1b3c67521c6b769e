import { join } from "node:path";
import type { Chunk } from "../assistant/ports.js";
import type { Problem } from "../curriculum/index.js";
import type { Logger } from "../shared/logger.js";
import { buildIndex, buildLexical, embedderSignature } from "./build.js";
import { GuardedQueryEmbedder, type PartStatus } from "./guarded-query-embedder.js";
import type { BuildKnowledgeIndexOptions, KnowledgeIndex, OpenKnowledgeIndexOptions } from "./index.js";
import { INDEX_FORMAT, loadIndex, readMeta, saveIndex, type IndexMeta } from "./index-files.js";
import { KnowledgeRetriever } from "./knowledge-retriever.js";
import { LexicalRanker } from "./lexical-ranker.js";
import { DEFAULT_QUERY_TIMEOUT_MS } from "./openai-embeddings.js";
import type { VectorRanker } from "./vector-ranker.js";

/** Breaker defaults when the config gives none (same as src/config.ts). */
const DEFAULT_BREAKER = { failureThreshold: 3, cooldownMs: 30_000 };

/** The remote embedder's dense vectors in an HNSW graph, kept on disk because embedding costs endpoint calls. */
export async function remoteIndex(options: BuildKnowledgeIndexOptions, chunks: Chunk[], problems: Problem[], log: Logger): Promise<KnowledgeIndex> {
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
