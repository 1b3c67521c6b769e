/**
 * Every question text of the evaluation sets (field set halves in all phrasings, the older retrieval set, dialogue
 * turns), for kb:check's near-copy rule. Scripts only: the product never reads tests/.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";

export function evaluationQuestions(root = resolve("tests/eval")): string[] {
  const out: string[] = [];
  const read = (file: string): unknown => (existsSync(file) ? JSON.parse(readFileSync(file, "utf8")) : []);
  for (const half of ["dev", "test"]) {
    for (const item of read(join(root, "field", `${half}.json`)) as Array<Record<string, unknown>>) {
      for (const key of ["accented", "plain", "abbrev"]) if (typeof item[key] === "string") out.push(item[key] as string);
    }
  }
  const questionsDir = join(root, "questions");
  for (const file of existsSync(questionsDir) ? readdirSync(questionsDir).filter((f) => f.endsWith(".json")) : []) {
    for (const item of read(join(questionsDir, file)) as Array<Record<string, unknown>>) {
      for (const key of ["accented", "plain", "abbrev"]) if (typeof item[key] === "string") out.push(item[key] as string);
    }
  }
  for (const half of ["dev", "test"]) {
    for (const d of read(join(root, "dialogues", `${half}.json`)) as Array<{ turns?: Array<{ say?: string }> }>) {
      // Short turns ("tiếp", "cảm ơn") are not questions a lesson could copy.
      for (const t of d.turns ?? []) if (t.say && t.say.split(/\s+/).length >= 4) out.push(t.say);
    }
  }
  return out;
}
