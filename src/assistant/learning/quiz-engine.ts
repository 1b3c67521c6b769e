import { createHash } from "node:crypto";
import type { QuizItem } from "../../curriculum/types.js";
import type { QuizAttempt } from "./ports.js";

/**
 * Option order for one question of one attempt: a Fisher–Yates shuffle seeded by attempt id + question index, so a
 * resumed attempt (after a break or a restart) shows exactly the same order and nothing needs storing.
 * Returns display position → original option index.
 */
export function optionOrder(attemptId: string, questionIndex: number, optionCount: number): number[] {
  const order = Array.from({ length: optionCount }, (_, i) => i);
  const bytes = createHash("sha256").update(`${attemptId}:${questionIndex}`).digest();
  for (let i = optionCount - 1; i > 0; i--) {
    const j = (bytes[i] ?? 0) % (i + 1);
    [order[i], order[j]] = [order[j] as number, order[i] as number];
  }
  return order;
}

/** Whole-percent pass check: 4/5 = 80 % passes an 80 % mark. */
export function isPassing(correct: number, total: number, passPercent: number): boolean {
  return total > 0 && correct * 100 >= passPercent * total;
}

/** The attempt after answering the current question with original option `chosen`. Pure. */
export function nextAttemptState(
  attempt: QuizAttempt,
  items: QuizItem[],
  chosen: number,
  passPercent: number,
  at: string,
): { next: QuizAttempt; correct: boolean; finished: boolean } {
  const item = items[attempt.currentIndex];
  if (!item) throw new Error(`attempt ${attempt.id} has no question ${attempt.currentIndex}`);
  const correct = chosen === item.answer;
  const currentIndex = attempt.currentIndex + 1;
  const right = attempt.correct + (correct ? 1 : 0);
  const finished = currentIndex >= attempt.total;
  const next: QuizAttempt = {
    ...attempt,
    currentIndex,
    correct: right,
    answers: [...attempt.answers, chosen],
    questionShownAt: at,
    status: finished ? (isPassing(right, attempt.total, passPercent) ? "passed" : "failed") : "in_progress",
    ...(finished ? { finishedAt: at } : {}),
  };
  return { next, correct, finished };
}

/**
 * Short, stable id of an attempt for button payloads (≤ 64 bytes in total). A hash, not a prefix of the id: ids
 * that share their first characters (time-ordered UUIDs, sequential test ids) must still tell attempts apart, or a
 * button of a finished attempt could answer the same question of the next one.
 */
export function shortAttemptId(attemptId: string): string {
  return createHash("sha256").update(attemptId).digest("hex").slice(0, 8);
}

/** "qa:<short attempt>:<question>:" — the channel appends the displayed option index. */
export function answerPrefix(attemptId: string, questionIndex: number): string {
  return `qa:${shortAttemptId(attemptId)}:${questionIndex}:`;
}

/** Parses an answer action back; undefined when it is not one. */
export function parseAnswerAction(action: string): { shortId: string; questionIndex: number; displayIndex: number } | undefined {
  const m = /^qa:([0-9a-f]{8}):(\d{1,3}):(\d{1,2})$/.exec(action);
  if (!m) return undefined;
  return { shortId: m[1] as string, questionIndex: Number(m[2]), displayIndex: Number(m[3]) };
}

/** Typed answers while a question is pending: "1".."4", "A".."D" (also "câu 2", "b." ...). */
export function parseTypedAnswer(text: string, optionCount: number): number | undefined {
  const t = text.trim().toLowerCase().replace(/^(cau|câu|dap an|đáp án)\s*/u, "").replace(/[.)\s]+$/u, "");
  let idx: number | undefined;
  if (/^[1-9]$/.test(t)) idx = Number(t) - 1;
  else if (/^[a-d]$/.test(t)) idx = t.charCodeAt(0) - 97;
  return idx !== undefined && idx < optionCount ? idx : undefined;
}
