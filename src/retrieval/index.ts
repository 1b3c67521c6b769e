import { join } from "node:path";
import type { Chunk } from "../assistant/ports.js";
import { knowledgeHash, loadKnowledge, type Lesson, type Problem } from "../curriculum/index.js";
import { silentLogger, type Logger } from "../shared/logger.js";
import { buildIndex, embedderSignature, type EmbeddingsConfig } from "./build.js";
import { lessonsToChunks } from "./chunk.js";
import { INDEX_FORMAT, loadIndex, readMeta, saveIndex, type IndexMeta } from "./index-files.js";
import { KnowledgeRetriever } from "./knowledge-retriever.js";
import { LexicalRanker } from "./lexical-ranker.js";
import { readLexicon } from "./lexicon-files.js";

export { CONFIDENCE_THRESHOLD, confidenceFrom } from "./confidence.js";
export { KnowledgeRetriever } from "./knowledge-retriever.js";
export type { RetrievalMode, ScoredHit, SearchResult } from "./knowledge-retriever.js";
export type { EmbeddingsConfig } from "./build.js";
export { HashedEmbeddings } from "./hashed-embeddings.js";
export { OpenAiCompatibleEmbeddings } from "./openai-embeddings.js";
export { lessonsToChunks } from "./chunk.js";

export interface OpenKnowledgeIndexOptions {
  knowledgeDir: string;
  /** The index lives in `${dataDir}/index/`. */
  dataDir: string;
  /** `config.embeddings` from src/config.ts. */
  embeddings: EmbeddingsConfig;
  /** Progress and problems go here (info / warn). */
  logger?: Logger;
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
  const log = options.logger ?? silentLogger;
  const dir = join(options.dataDir, "index");
  const { lexicon, files, problems: lexiconProblems } = readLexicon(options.knowledgeDir);
  const version = knowledgeHash(options.knowledgeDir, files);
  const { lessons, problems } = loadKnowledge(options.knowledgeDir);
  problems.push(...lexiconProblems);
  for (const p of problems) log.warn({ file: p.file, line: p.line }, `knowledge problem: ${p.message}`);
  const chunks = lessonsToChunks(lessons);
  const signature = embedderSignature(options.embeddings);

  if (chunks.length === 0) {
    log.warn({ knowledgeDir: options.knowledgeDir }, "knowledge base has no sections: every question will be refused");
    return { retriever: KnowledgeRetriever.empty(), chunks, lessons, version, rebuilt: false, problems };
  }

  const meta = await readMeta(dir);
  if (meta && meta.format === INDEX_FORMAT && meta.version === version && meta.embedder === signature) {
    try {
      const loaded = await loadIndex(dir, options.embeddings, lexicon);
      const ids = loaded.vector.storedIds();
      if (ids.length === chunks.length && ids.every((id, i) => id === chunks[i]?.id)) {
        log.info({ version, chunks: chunks.length }, "search index loaded");
        const retriever = new KnowledgeRetriever(chunks, new LexicalRanker(loaded.lexical, lexicon), loaded.vector);
        return { retriever, chunks, lessons, version, rebuilt: false, problems };
      }
      log.warn({ dir }, "search index does not match the knowledge base; rebuilding");
    } catch (error) {
      log.warn({ dir, err: (error as Error).message }, "search index unreadable; rebuilding");
    }
  } else {
    log.info({ dir, version, previous: meta?.version }, meta ? "knowledge changed; rebuilding search index" : "no search index yet; building it");
  }

  const started = performance.now();
  const built = await buildIndex(chunks, lessons, lexicon, options.embeddings, (m) => log.info(m));
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
  const retriever = new KnowledgeRetriever(chunks, new LexicalRanker(built.lexical, lexicon), built.vector);
  return { retriever, chunks, lessons, version, rebuilt: true, problems };
}
export { progressLogger } from "./progress-logger.js";
