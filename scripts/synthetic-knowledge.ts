/**
 * The scale-up knowledge base of the speed benches (npm run bench, npm run bench:load): copies of the real lessons,
 * each combining its own sections with another lesson's, plus the real lessons themselves, so real questions keep
 * their answers while the index holds 2,000+ sections.
 */
import { cpSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { basename, join, resolve } from "node:path";
import { listLessonFiles } from "../src/curriculum/index.js";

/** Writes copies of the real lessons, each combining its own sections with another lesson's, until ≥ target chunks. */
export function syntheticKnowledge(dir: string, realChunks: number, targetChunks: number): void {
  const files = listLessonFiles(resolve("knowledge")).map((f) => readFileSync(f, "utf8"));
  const parts = files.map((text) => {
    const end = text.indexOf("\n---", 3) + 4;
    const body = text.slice(end);
    const first = body.indexOf("\n## ");
    return { front: text.slice(0, end), summary: body.slice(0, first), sections: body.slice(first).split(/\n(?=## )/).filter((s) => s.trim()) };
  });
  const copies = Math.ceil(targetChunks / (realChunks * 2)) + 1;
  for (let n = 1; n <= copies; n++) {
    const topicDir = join(dir, `synthetic`);
    mkdirSync(topicDir, { recursive: true });
    parts.forEach((part, i) => {
      const other = parts[(i + n) % parts.length];
      const id = /\nid:\s*(\S+)/.exec(part.front)?.[1] ?? `lesson-${i}`;
      const newId = `${id}-x${n}`;
      const front = part.front.replace(/\nid:\s*\S+/, `\nid: ${newId}`).replace(/\ntopic:\s*\S+/, "\ntopic: basics");
      const sections = [...part.sections, ...(other?.sections ?? []).map((s) => s.replace(/^## (.*)/, `## $1 (${n})`))];
      writeFileSync(join(topicDir, `${newId}.md`), `${front}${part.summary}\n${sections.join("\n")}\n`);
    });
  }
  for (const data of ["lexicon", "paths", "units"]) cpSync(resolve("knowledge", data), join(dir, data), { recursive: true });
  // Keep the real lessons too, so real questions still have their answers.
  for (const f of listLessonFiles(resolve("knowledge"))) {
    const topic = basename(resolve(f, ".."));
    mkdirSync(join(dir, topic), { recursive: true });
    cpSync(f, join(dir, topic, basename(f)));
  }
}
