import { readFileSync } from "node:fs";
import { relative } from "node:path";
import { checkLessonStages, staleWarning } from "./check-lesson.js";
import { duplicateIdProblem, listLessonFiles } from "./load.js";
import { TOPICS } from "./front-matter.js";
import type { Lesson, Problem } from "./types.js";
import { nearCopyProblems, staleLessons } from "./eval-overlap.js";

export { MIN_QUESTIONS_PER_SECTION } from "./check-lesson.js";

/** Minimum lessons per topic (issue: knowledge base scope). */
export const TOPIC_MINIMUMS: Record<(typeof TOPICS)[number], number> = {
  vneid: 9,
  dvc: 8,
  safety: 12,
  payment: 6,
  basics: 5,
  health: 4,
  commerce: 3,
  about: 1,
};

export interface CheckReport {
  lessons: Lesson[];
  problems: Problem[];
  warnings: Problem[];
  coverage: Array<{ topic: string; count: number; minimum: number }>;
  quizQuestions: number;
  sections: number;
}

/**
 * Validates the whole knowledge base: each file with the per-lesson checks of check-lesson.ts (the same the admin
 * editor runs), plus what needs every lesson at once: duplicate ids, eval near-copies, coverage. The report lists
 * parse problems of all files first, then text problems, then lesson rules, as kb:check always printed them.
 */
export function checkKnowledge(knowledgeDir: string, today = new Date(), evalQuestions: readonly string[] = []): CheckReport {
  const files = listLessonFiles(knowledgeDir).map((path) => {
    const file = relative(knowledgeDir, path);
    return { file, stages: checkLessonStages(readFileSync(path, "utf8"), file) };
  });

  const problems: Problem[] = [];
  const warnings: Problem[] = [];
  const lessons: Array<{ lesson: Lesson; stages: (typeof files)[number]["stages"] }> = [];
  const seen = new Map<string, string>();
  for (const { file, stages } of files) {
    problems.push(...stages.parse);
    if (!stages.lesson) continue;
    const first = seen.get(stages.lesson.id);
    // A duplicate id is skipped (loadKnowledge serves the first file), so its lesson rules are not run either.
    if (first) problems.push(duplicateIdProblem(file, stages.lesson.id, first));
    else {
      seen.set(stages.lesson.id, file);
      lessons.push({ lesson: stages.lesson, stages });
    }
  }
  for (const { stages } of files) {
    problems.push(...stages.text.problems);
    warnings.push(...stages.text.warnings);
  }
  const context = { knownIds: new Set(seen.keys()), today };
  for (const { stages } of lessons) {
    const rules = stages.rules(context);
    problems.push(...rules.problems);
    warnings.push(...rules.warnings);
  }

  const all = lessons.map((l) => l.lesson);
  problems.push(...nearCopyProblems(all, evalQuestions));
  warnings.push(...staleLessons(all, today).map(staleWarning));

  const coverage = TOPICS.map((topic) => ({
    topic,
    count: all.filter((l) => l.topic === topic).length,
    minimum: TOPIC_MINIMUMS[topic],
  }));
  return {
    lessons: all,
    problems,
    warnings,
    coverage,
    quizQuestions: all.reduce((n, l) => n + l.quiz.length, 0),
    sections: all.reduce((n, l) => n + l.sections.length, 0),
  };
}
