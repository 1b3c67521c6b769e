import { foldedTokens } from "../shared/fold.js";
import type { Lesson, Problem } from "./types.js";

/**
 * Paraphrase lines that are near-copies of evaluation questions (issue 10): token Jaccard ≥ 0.7 after folding. An
 * eval question copied into a lesson's questions block is indexed with the section, so the eval would measure
 * memory, not how real people fare. The message never quotes the eval question: the test half stays sealed.
 */
export const NEAR_COPY_JACCARD = 0.7;

type EvalIndex = { evalSets: Array<Set<string>>; byToken: Map<string, number[]> };
/** Per-lesson callers (kb:import, the admin editor) pass the same array for every lesson: index it once. */
const indexes = new WeakMap<readonly string[], EvalIndex>();

function indexOf(evalQuestions: readonly string[]): EvalIndex {
  const cached = indexes.get(evalQuestions);
  if (cached) return cached;
  const evalSets = evalQuestions.map((q) => new Set(foldedTokens(q))).filter((s) => s.size > 0);
  // Inverted index: a paraphrase is compared only with eval questions that share a token with it.
  const byToken = new Map<string, number[]>();
  evalSets.forEach((set, i) => {
    for (const t of set) byToken.set(t, [...(byToken.get(t) ?? []), i]);
  });
  const index = { evalSets, byToken };
  indexes.set(evalQuestions, index);
  return index;
}

export function nearCopyProblems(lessons: readonly Lesson[], evalQuestions: readonly string[]): Problem[] {
  const { evalSets, byToken } = indexOf(evalQuestions);
  const problems: Problem[] = [];
  for (const lesson of lessons) {
    for (const section of lesson.sections) {
      for (const paraphrase of section.questions) {
        const mine = new Set(foldedTokens(paraphrase));
        const candidates = new Set([...mine].flatMap((t) => byToken.get(t) ?? []));
        for (const i of candidates) {
          const other = evalSets[i] as Set<string>;
          // Jaccard can never exceed smaller/larger size: skip without counting (same result, far fewer loops).
          if (Math.min(mine.size, other.size) < NEAR_COPY_JACCARD * Math.max(mine.size, other.size)) continue;
          let shared = 0;
          for (const t of mine) if (other.has(t)) shared++;
          if (shared / (mine.size + other.size - shared) >= NEAR_COPY_JACCARD) {
            problems.push({
              file: lesson.file,
              line: section.line,
              message: `questions line "${paraphrase}" is a near-copy of an evaluation question: write it from how people talk, not from tests/eval`,
              messageVi: `Câu hỏi “${paraphrase}” gần giống hệt một câu trong bộ câu hỏi đánh giá: hãy viết lại theo cách người dân thường hỏi.`,
            });
            break;
          }
        }
      }
    }
  }
  return problems;
}

/** Lessons whose `review_by` date has passed (or is within `withinDays`), soonest first. */
export function staleLessons(lessons: readonly Lesson[], today: Date, withinDays = 0): Lesson[] {
  const limit = new Date(today.getTime() + withinDays * 86_400_000).toISOString().slice(0, 10);
  return lessons.filter((l) => l.reviewBy !== undefined && l.reviewBy <= limit).sort((a, b) => (a.reviewBy ?? "").localeCompare(b.reviewBy ?? ""));
}
