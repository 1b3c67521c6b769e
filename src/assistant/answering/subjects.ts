import { containsPhrase, foldText } from "../../shared/fold.js";
import type { Chunk } from "../ports.js";
import subjectTerms from "./subject-terms.json" with { type: "json" };

/** Subject groups (data: subject-terms.json), folded once so matching is diacritic-insensitive. */
const SUBJECTS = subjectTerms.subjects.map((s) => ({ name: s.name, variants: s.variants.map(foldText) }));

/** Names of the subjects a text mentions. */
export function subjectsIn(text: string): string[] {
  const folded = foldText(text);
  return SUBJECTS.filter((s) => s.variants.some((v) => containsPhrase(folded, v))).map((s) => s.name);
}

/**
 * The subjects the question names that the section never mentions (title, heading, text, paraphrases). Lexical and
 * vector scores both reward the shared words ("quên mật khẩu") and barely notice the one word that changes the
 * answer ("ngân hàng" vs VNeID), so this check is made on names, not scores.
 */
export function missingSubjects(question: string, chunk: Chunk): string[] {
  const asked = subjectsIn(question);
  if (asked.length === 0) return [];
  const covered = subjectsOf(chunk);
  return asked.filter((s) => !covered.has(s));
}

/**
 * A section's subjects, found once per section: a question checks each of its hits up to three times, and a whole
 * section is longer than the fold memo keeps (shared/fold.ts). Sections are immutable once loaded.
 */
const sectionSubjects = new WeakMap<Chunk, ReadonlySet<string>>();
function subjectsOf(chunk: Chunk): ReadonlySet<string> {
  let found = sectionSubjects.get(chunk);
  if (!found) {
    found = new Set(subjectsIn([chunk.lessonTitle, chunk.section, chunk.body, ...chunk.questions].join("\n")));
    sectionSubjects.set(chunk, found);
  }
  return found;
}
