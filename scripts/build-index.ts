/**
 * npm run index [-- --force] — (re)builds the search index in DATA_DIR/index/ from KNOWLEDGE_DIR, showing progress
 * and a summary. Without --force an index that already matches the knowledge base is only loaded and checked.
 */
import { rm } from "node:fs/promises";
import { join } from "node:path";
import { loadConfig } from "../src/config.js";
import { openKnowledgeIndex, progressLogger } from "../src/retrieval/index.js";

const config = loadConfig(process.env);
const started = performance.now();
if (process.argv.includes("--force")) await rm(join(config.dataDir, "index"), { recursive: true, force: true });

const index = await openKnowledgeIndex({
  knowledgeDir: config.knowledgeDir,
  dataDir: config.dataDir,
  embeddings: config.embeddings,
  logger: progressLogger("index"),
});
const ms = Math.round(performance.now() - started);
const dims = index.retriever.dims;
console.log(
  `${index.rebuilt ? "Built" : "Up to date"}: ${index.lessons.length} lessons, ${index.chunks.length} chunks, ${dims} dims, ` +
    `version ${index.version}, ${ms} ms → ${join(config.dataDir, "index")}` +
    (index.problems.length > 0 ? ` (${index.problems.length} knowledge problems, see above)` : ""),
);
