import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { parseLesson } from "./parse.js";
import type { Lesson, Problem } from "./types.js";

/**
 * Folders of knowledge/ that hold data, not lessons (lexicon, core paths, administrative units). Every other folder
 * is a topic, so a lesson in a misspelt topic folder is still found and reported by the checker.
 */
export const DATA_FOLDERS = new Set(["lexicon", "paths", "units"]);

/** Every lesson file under knowledge/<topic>/*.md, sorted for a deterministic order. */
export function listLessonFiles(knowledgeDir: string): string[] {
  const files: string[] = [];
  for (const topic of readdirSync(knowledgeDir).sort()) {
    const dir = join(knowledgeDir, topic);
    if (DATA_FOLDERS.has(topic) || !statSync(dir).isDirectory()) continue;
    for (const name of readdirSync(dir).sort()) {
      if (name.endsWith(".md")) files.push(join(dir, name));
    }
  }
  return files;
}

/**
 * Loads and parses the whole knowledge base. A file with a broken front matter is skipped (reported in problems)
 * so that one bad edit never takes the assistant down; duplicate ids keep the first file.
 */
export function loadKnowledge(knowledgeDir: string): { lessons: Lesson[]; problems: Problem[] } {
  const lessons: Lesson[] = [];
  const problems: Problem[] = [];
  const seen = new Map<string, string>();
  for (const path of listLessonFiles(knowledgeDir)) {
    const file = relative(knowledgeDir, path);
    const result = parseLesson(readFileSync(path, "utf8"), file);
    problems.push(...result.problems);
    if (!result.lesson) continue;
    const first = seen.get(result.lesson.id);
    if (first) {
      problems.push(duplicateIdProblem(file, result.lesson.id, first));
      continue;
    }
    seen.set(result.lesson.id, file);
    lessons.push(result.lesson);
  }
  return { lessons, problems };
}

/** A second file using an id: the first file keeps it, this one is skipped. */
export function duplicateIdProblem(file: string, id: string, firstFile: string): Problem {
  return {
    file,
    line: 2,
    message: `id "${id}" is already used by ${firstFile}`,
    messageVi: `Mã bài (id) “${id}” đã được bài ${firstFile} dùng: hãy đặt một mã khác cho bài này.`,
  };
}

/**
 * Content hash of the knowledge base (file names + bytes of every lesson and lexicon file): the index records it,
 * and start-up rebuilds the index when it differs.
 */
export function knowledgeHash(knowledgeDir: string, extraFiles: string[] = []): string {
  const hash = createHash("sha256");
  for (const path of [...listLessonFiles(knowledgeDir), ...extraFiles].sort()) {
    hash.update(relative(knowledgeDir, path)).update("\0").update(readFileSync(path)).update("\0");
  }
  return hash.digest("hex").slice(0, 16);
}
