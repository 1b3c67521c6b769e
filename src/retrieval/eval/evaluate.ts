import type { KnowledgeRetriever, RetrievalMode } from "../knowledge-retriever.js";
import { PHRASINGS, type EvalItem, type Phrasing } from "./eval-set.js";

/** How many hits are inspected per question; metrics count distinct lessons in rank order. */
const DEPTH = 10;

export interface RankMetrics {
  questions: number;
  hit1: number;
  hit3: number;
  mrr: number;
}

export interface EvalReport {
  /** Retrieval quality per mode and phrasing (in-scope questions only). */
  retrieval: Record<RetrievalMode, Record<Phrasing | "all", RankMetrics>>;
  /** Hybrid top-hit confidence of every question, with whether it should be answered. */
  confidences: Array<{ confidence: number; inScope: boolean; correct: boolean; phrasing: Phrasing }>;
  /** Expected lessons that do not exist in the knowledge base (label typos or unwritten lessons). */
  unknownLessons: string[];
  /** Misses of the hybrid at rank 1, for debugging. */
  misses: Array<{ phrasing: Phrasing; question: string; expect: string; got: string }>;
}

/** The 1-based rank of `expect` among the distinct lessons of the hits, or 0 when absent. */
export function lessonRank(lessonIds: readonly string[], expect: string): number {
  const seen: string[] = [];
  for (const id of lessonIds) if (!seen.includes(id)) seen.push(id);
  return seen.indexOf(expect) + 1;
}

function emptyMetrics(): RankMetrics {
  return { questions: 0, hit1: 0, hit3: 0, mrr: 0 };
}

/** Runs every phrasing of every question through the three retrieval modes. */
export async function evaluate(retriever: KnowledgeRetriever, items: readonly EvalItem[]): Promise<EvalReport> {
  const known = new Set(retriever.chunks.map((c) => c.lessonId));
  const modes: RetrievalMode[] = ["hybrid", "lexical", "vector"];
  const sums = Object.fromEntries(
    modes.map((m) => [m, Object.fromEntries([...PHRASINGS, "all"].map((p) => [p, emptyMetrics()]))]),
  ) as EvalReport["retrieval"];
  const confidences: EvalReport["confidences"] = [];
  const misses: EvalReport["misses"] = [];
  const unknown = new Set<string>();

  for (const item of items) {
    if (item.expect !== null && !known.has(item.expect)) {
      unknown.add(item.expect);
      continue;
    }
    for (const phrasing of PHRASINGS) {
      const question = item[phrasing];
      for (const mode of modes) {
        const result = await retriever.searchDetailed(question, DEPTH, mode);
        const lessons = result.hits.map((h) => h.chunk.lessonId);
        if (mode === "hybrid") {
          const correct = item.expect !== null && lessons[0] === item.expect;
          confidences.push({ confidence: result.confidence, inScope: item.expect !== null, correct, phrasing });
          if (item.expect !== null && !correct) {
            misses.push({ phrasing, question, expect: item.expect, got: lessons[0] ?? "(nothing)" });
          }
        }
        if (item.expect === null) continue;
        const rank = lessonRank(lessons, item.expect);
        for (const key of [phrasing, "all"] as const) {
          const m = sums[mode][key];
          m.questions++;
          if (rank === 1) m.hit1++;
          if (rank >= 1 && rank <= 3) m.hit3++;
          if (rank >= 1) m.mrr += 1 / rank;
        }
      }
    }
  }
  for (const mode of modes) {
    for (const m of Object.values(sums[mode])) {
      if (m.questions === 0) continue;
      m.hit1 /= m.questions;
      m.hit3 /= m.questions;
      m.mrr /= m.questions;
    }
  }
  return { retrieval: sums, confidences, unknownLessons: [...unknown].sort(), misses };
}

export interface ThresholdChoice {
  threshold: number;
  /** Share of all questions where answer/refuse was right: in-scope answered, out-of-scope refused. */
  accuracy: number;
  /** Out-of-scope questions refused at this threshold. */
  refusalAccuracy: number;
  /** In-scope questions answered at this threshold. */
  answerRate: number;
}

/** Decision quality at one threshold: answer when confidence >= threshold. */
export function decisionAt(confidences: EvalReport["confidences"], threshold: number): ThresholdChoice {
  let right = 0;
  let oos = 0;
  let refused = 0;
  let inScope = 0;
  let answered = 0;
  for (const c of confidences) {
    const answer = c.confidence >= threshold;
    if (c.inScope) {
      inScope++;
      if (answer) answered++;
      if (answer) right++;
    } else {
      oos++;
      if (!answer) refused++;
      if (!answer) right++;
    }
  }
  return {
    threshold,
    accuracy: confidences.length ? right / confidences.length : 0,
    refusalAccuracy: oos ? refused / oos : 0,
    answerRate: inScope ? answered / inScope : 0,
  };
}

/**
 * The threshold that maximises decision accuracy, scanned in steps of 0.005; among equally good thresholds the
 * middle of the best run is taken, so the value is not balanced on the edge of one question.
 */
export function chooseThreshold(confidences: EvalReport["confidences"]): ThresholdChoice {
  const candidates: ThresholdChoice[] = [];
  for (let t = 0; t <= 1.0001; t += 0.005) candidates.push(decisionAt(confidences, Math.round(t * 1000) / 1000));
  const best = Math.max(...candidates.map((c) => c.accuracy));
  const top = candidates.filter((c) => c.accuracy === best);
  return top[Math.floor(top.length / 2)] ?? decisionAt(confidences, 0.5);
}
