/**
 * The ranking thread's entry (started by ranking-thread.ts, never imported): holds one knowledge version's rankers
 * and answers rank requests for that version in arrival order. The same HybridRanking code as the main thread, so
 * a list from here equals the one the main thread would compute.
 */
import { parentPort } from "node:worker_threads";
import { HybridRanking } from "../hybrid-ranking.js";
import { LexicalRanker } from "../lexical-ranker.js";
import { SparseVectorRanker } from "../sparse-vector-ranker.js";
import type { FromRankingWorker, ToRankingWorker } from "./messages.js";

if (!parentPort) throw new Error("ranking-worker.ts runs only as a worker thread (see ranking-thread.ts)");
const port = parentPort;
const reply = (message: FromRankingWorker) => port.postMessage(message);

let loaded: { version: string; hybrid: HybridRanking; vector: SparseVectorRanker } | undefined;

port.on("message", (message: ToRankingWorker) => {
  if (message.type === "load") {
    try {
      const { payload } = message;
      const vector = SparseVectorRanker.fromLayout(payload.vector, payload.lexicon);
      const hybrid = new HybridRanking(LexicalRanker.fromLayout(payload.lexical, payload.lexicon), payload.lessonIds, vector);
      loaded = { version: message.version, hybrid, vector };
      reply({ type: "loaded", version: message.version });
    } catch (error) {
      loaded = undefined;
      reply({ type: "load-failed", version: message.version, message: error instanceof Error ? error.message : String(error) });
    }
    return;
  }
  const { id, version, query, k, mode } = message;
  if (!loaded || loaded.version !== version) return reply({ type: "declined", id, reason: "version" });
  try {
    // The built-in embedder's query vector is synchronous; the remote embedder never runs here.
    const vectorQuery = loaded.vector.embedQuerySync(query);
    reply({ type: "ranked", id, ranking: loaded.hybrid.rank(query, k, mode, vectorQuery) });
  } catch (error) {
    reply({ type: "declined", id, reason: error instanceof Error ? error.message : String(error) });
  }
});
