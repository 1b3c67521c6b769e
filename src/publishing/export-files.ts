import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseLesson } from "../curriculum/index.js";
import type { LessonVersionStore } from "./ports.js";

export interface LessonExport {
  /** Lessons written, as <topic>/<id>.md relative to the output directory. */
  written: Array<{ lessonId: string; version: number; file: string }>;
  /** Retired lessons: kept in the database's history, not written. */
  retired: string[];
}

/**
 * Writes the live Markdown of every served lesson to `dir`/<topic>/<id>.md, exactly the stored text (so a file
 * imported back is "unchanged"). The topic is read from the stored front matter; a lesson whose front matter cannot
 * be read (never published through the checks) goes to `dir`/<id>.md rather than being lost. Files already in `dir`
 * that are not live lessons are left alone.
 */
export async function exportLessonFiles(store: LessonVersionStore, dir: string): Promise<LessonExport> {
  const written: LessonExport["written"] = [];
  for (const { lessonId, version, markdown } of await store.liveMarkdown()) {
    const topic = parseLesson(markdown, `${lessonId}.md`).lesson?.topic;
    const file = topic ? `${topic}/${lessonId}.md` : `${lessonId}.md`;
    mkdirSync(join(dir, topic ?? ""), { recursive: true });
    writeFileSync(join(dir, file), markdown, "utf8");
    written.push({ lessonId, version, file });
  }
  const retired = (await store.list()).filter((r) => r.retiredAt !== undefined).map((r) => r.lessonId);
  return { written, retired };
}
