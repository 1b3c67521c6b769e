import type { Lexicon } from "../../nlp/index.js";
import type { Ranking, RetrievalMode } from "../hybrid-ranking.js";
import type { LexicalLayout } from "../lexical-ranker.js";
import type { SparseVectorLayout } from "../sparse-vector-ranker.js";

/** One knowledge version's rankers as plain data (structured-clone safe: Maps, typed arrays, plain objects). */
export interface RankingPayload {
  lexicon: Lexicon;
  lexical: LexicalLayout;
  vector: SparseVectorLayout;
  /** Section position → lesson id. */
  lessonIds: string[];
}

export type ToRankingWorker =
  | { type: "load"; version: string; payload: RankingPayload }
  | { type: "rank"; id: number; version: string; query: string; k: number; mode: RetrievalMode };

export type FromRankingWorker =
  | { type: "loaded"; version: string }
  | { type: "load-failed"; version: string; message: string }
  | { type: "ranked"; id: number; ranking: Ranking }
  /** The request named another version than the one loaded (a publish overtook it), or ranking threw. */
  | { type: "declined"; id: number; reason: string };
