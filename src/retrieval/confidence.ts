/**
 * Confidence that the top retrieval hit really answers the question, 0..1, built from signals that are comparable
 * across queries (unlike raw BM25 or RRF scores):
 * - coverage: share of the query's idf mass (folded syllables + bigrams the user typed) found in the section;
 *   out-of-scope questions ("xổ số hôm nay") are made of words the knowledge base does not contain;
 * - similarity: cosine similarity of the query and section vectors;
 * - agreement: the lexical and the vector ranker put the same lesson first.
 */
export interface ConfidenceSignals {
  coverage: number;
  similarity: number;
  agreement: boolean;
}

export function confidenceFrom(signals: ConfidenceSignals): number {
  const value = 0.6 * signals.coverage + 0.25 * Math.max(0, signals.similarity) + 0.15 * (signals.agreement ? 1 : 0);
  return Math.min(1, Math.max(0, Math.round(value * 1000) / 1000));
}

/**
 * Below this confidence the question is treated as outside the knowledge base and refused ("not sure" reply).
 * Fitted on the dev half of the field set (tests/eval/field/dev.json), 2026-11-29, 93 lessons: real questions are
 * long, narrative and use many words the lessons never do, so the coverage-based confidence of in-scope questions is
 * low — at 0.15 one in ten was refused, at 0.10 about one in fifty; out-of-scope questions are caught by meaning
 * first (src/assistant/answering/out-of-scope-cues.json), so the floor only has to stop the rest. In the assistant,
 * between this floor and the core's sure level (answering/calibration.ts) the answer also offers other readings.
 * Re-check with `npm run eval:answers` when the knowledge base grows.
 */
export const CONFIDENCE_THRESHOLD = 0.1;
