export type SuggestionReason = "failed" | "asked" | "path";

export interface Suggestion {
  lessonId: string;
  reason: SuggestionReason;
}

/**
 * "Gợi ý bài tiếp theo": failed quizzes first (they were close), then lessons the learner asked about but has not
 * passed, then their core path in order. Each lesson once; `exists` filters ids the knowledge base no longer has.
 */
export function suggestNext(
  input: { failed: string[]; asked: string[]; path: string[]; passed: string[] },
  exists: (lessonId: string) => boolean,
  limit = 3,
): Suggestion[] {
  const passed = new Set(input.passed);
  const out: Suggestion[] = [];
  const seen = new Set<string>();
  const add = (ids: string[], reason: SuggestionReason) => {
    for (const id of ids) {
      if (out.length >= limit) return;
      if (seen.has(id) || passed.has(id) || !exists(id)) continue;
      seen.add(id);
      out.push({ lessonId: id, reason });
    }
  };
  add(input.failed, "failed");
  add(input.asked, "asked");
  add(input.path, "path");
  return out;
}
