import type { Lesson } from "../../curriculum/types.js";
import { T } from "./texts.js";

/**
 * A lesson in short parts for small screens: part 1 is the title and one-sentence summary, then one `##` section per
 * part. The last part ends with the quiz offer (added by the feature).
 */
export function lessonParts(lesson: Pick<Lesson, "title" | "summary" | "sections">): string[] {
  const total = lesson.sections.length + 1;
  const header = (n: number) => T.partHeader(n, total);
  const parts = [`📘 ${lesson.title}\n${header(1)}\n\n${lesson.summary}\n\n${T.lessonIntro(total)}`];
  lesson.sections.forEach((s, i) => {
    parts.push(`📘 ${lesson.title}\n${header(i + 2)}: ${s.heading}\n\n${s.body.trim()}`);
  });
  return parts;
}
