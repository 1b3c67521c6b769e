import { createHash } from "node:crypto";
import { parseLesson, type Lesson, type Problem, type Section } from "../curriculum/index.js";
import { windowState, type Window } from "./effective-window.js";

/** A published lesson as stored: its id, live version and Markdown. */
export interface LiveLesson {
  lessonId: string;
  version: number;
  markdown: string;
}

export interface ParsedLive {
  lesson: Lesson;
  version: number;
  markdown: string;
  /** What parsing this version reported (a lesson with body problems is still served). */
  problems: Problem[];
}

/**
 * Parses the live Markdown of every lesson once (the expensive part); which of them are served at a given moment is
 * then a cheap filter (servedAt), re-run whenever an effective date passes.
 */
export function parseLive(
  live: readonly LiveLesson[],
  previous: readonly ParsedLive[] = [],
): { parsed: ParsedLive[]; problems: Problem[] } {
  const parsed: ParsedLive[] = [];
  const problems: Problem[] = [];
  // A publish changes one lesson: the others keep the parse of the same version (parsing all of them was most of
  // the time from publish to live).
  const known = new Map(previous.map((p) => [p.lesson.id, p]));
  for (const row of live) {
    const same = known.get(row.lessonId);
    if (same && same.version === row.version && same.markdown === row.markdown) {
      parsed.push(same);
      problems.push(...same.problems);
      continue;
    }
    const result = parseLesson(row.markdown, `${row.lessonId}.md`);
    const found = result.problems.map((p) => ({ ...p, file: `${result.lesson?.topic ?? "?"}/${row.lessonId}.md` }));
    problems.push(...found);
    if (!result.lesson || result.lesson.id !== row.lessonId) continue;
    parsed.push({ lesson: { ...result.lesson, file: `${result.lesson.topic}/${row.lessonId}.md` }, version: row.version, markdown: row.markdown, problems: found });
  }
  // knowledge/ order (topic folder, then file name): chunk order, and so tie-breaks, match a build from files.
  parsed.sort((a, b) => (a.lesson.file < b.lesson.file ? -1 : a.lesson.file > b.lesson.file ? 1 : 0));
  return { parsed, problems };
}

/** The lessons served at `now`: lessons inside their window, each with only its sections inside theirs. */
export function servedAt(parsed: readonly ParsedLive[], now: Date): { lessons: Lesson[]; signature: string } {
  const lessons: Lesson[] = [];
  const hash = createHash("sha256");
  for (const { lesson, version } of parsed) {
    if (windowState(lesson, now) !== "in") continue;
    const sections = lesson.sections.filter((s) => windowState(sectionWindow(s), now) === "in");
    if (sections.length === 0) continue;
    lessons.push(sections.length === lesson.sections.length ? lesson : { ...lesson, sections });
    hash.update(`${lesson.id}@${version}:${sections.map((s) => s.slug).join(",")}\n`);
  }
  return { lessons, signature: hash.digest("hex").slice(0, 16) };
}

/** Every window in the knowledge base (lessons and sections), to know when the served set changes next. */
export function allWindows(parsed: readonly ParsedLive[]): Window[] {
  return parsed.flatMap(({ lesson }) => [lesson, ...lesson.sections.map(sectionWindow)]);
}

function sectionWindow(section: Section): Window {
  const s = section as Section & Window;
  return { effectiveFrom: s.effectiveFrom, effectiveUntil: s.effectiveUntil };
}
