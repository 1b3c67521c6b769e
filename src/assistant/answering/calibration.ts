/**
 * The "sure" level: at or above it the assistant answers plainly; between the answer floor (the retrieval side's
 * CONFIDENCE_THRESHOLD, src/retrieval/confidence.ts, passed to the QA feature as `clarifyFloor`) and this level it
 * still answers with its best reading but also offers up to two other readings as one-tap choices. The confidence is
 * the retriever's per-hit calibrated confidence when it supplies one — as the production retriever does — else the
 * core's coverage score (confidence.ts).
 *
 * 2026-11-29, on the dev half of the field set (tests/eval/field/dev.json, real citizens' questions graded on the
 * first reply): a choices-only reply never holds the asked facts, so the old "which one did you mean?" band cost
 * answers; answering with the best reading plus choices keeps the learner's way out. 0.19 (the previous answer
 * threshold) is kept as the level below which the choices are added. `calibrateThreshold` remains for re-fitting.
 */
export const CONFIDENCE_THRESHOLD = 0.19;

/**
 * A question that names nothing we teach (no phone, app, account, online service, payment or scam word: scope.ts) must
 * be matched at least this firmly by a lesson section to be answered; below it, it gets the out-of-scope refusal. On
 * the dev half of the field set (2026-11-29) such in-scope questions matched at 0.405 or more, out-of-scope ones
 * mostly below 0.19 (a few up to 0.36, which the topic lexicons catch). 0.25 sits above the "sure" level and keeps a
 * wide margin under the in-scope ones: wrongly refusing a citizen's real question costs more than letting a rare
 * off-topic one through to a weak answer.
 */
export const UNANCHORED_MIN_CONFIDENCE = 0.25;

export interface CalibrationSample {
  confidence: number;
  /** False for out-of-scope questions (they should be refused). */
  inScope: boolean;
  /** For in-scope questions: the top answer is from the expected lesson. */
  correct: boolean;
}

export interface CalibrationResult {
  threshold: number;
  /** Share of samples with the right outcome at this threshold. */
  accuracy: number;
}

/**
 * Outcome accuracy at a threshold. Good outcomes: answered with the right lesson, or refused when the answer would
 * have been wrong (out of scope, or the wrong lesson on top) — "do not guess" counts as right when guessing is wrong.
 */
export function outcomeAccuracy(samples: readonly CalibrationSample[], threshold: number): number {
  if (samples.length === 0) return 0;
  const good = samples.filter((s) => (s.confidence >= threshold) === (s.inScope && s.correct)).length;
  return good / samples.length;
}

/**
 * The threshold with the best outcome accuracy. Candidates are midpoints between observed confidences; among equally
 * good ones the middle of the best plateau is taken, which keeps the margin on both sides as large as possible.
 */
export function calibrateThreshold(samples: readonly CalibrationSample[]): CalibrationResult {
  const values = [...new Set(samples.map((s) => s.confidence))].sort((a, b) => a - b);
  const candidates = [0, ...values.slice(1).map((v, i) => ((values[i] ?? v) + v) / 2), 1.0001];
  let best = -1;
  let plateau: number[] = [];
  for (const t of candidates) {
    const acc = outcomeAccuracy(samples, t);
    if (acc > best + 1e-12) {
      best = acc;
      plateau = [t];
    } else if (Math.abs(acc - best) <= 1e-12) {
      plateau.push(t);
    }
  }
  const threshold = plateau[Math.floor((plateau.length - 1) / 2)] ?? 0.5;
  return { threshold: Math.round(threshold * 1000) / 1000, accuracy: best };
}
