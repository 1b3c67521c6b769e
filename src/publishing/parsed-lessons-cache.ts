import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { mkdir, rename, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import { sourceFingerprint } from "../shared/source-fingerprint.js";
import type { LiveLesson, ParsedLive } from "./served-lessons.js";

/**
 * The parse of every live lesson, kept in DATA_DIR/lessons-cache.json so that a restart does not parse ~100 lessons' Markdown and
 * YAML front matter again: that was a third of a cold start (issue 14), and the lessons rarely change between two
 * starts. An entry is reused only for the same lesson, version and Markdown (SHA-256), and the whole file only when
 * written by the same parser code; anything else is simply parsed again. Lessons are plain JSON data (strings,
 * numbers, booleans, arrays), so the round trip is exact.
 */
const FORMAT = 1;

interface CacheFile {
  format: number;
  signature: string;
  lessons: Array<{ lessonId: string; version: number; sha256: string; lesson: ParsedLive["lesson"]; problems: ParsedLive["problems"] }>;
}

let signatureMemo: string | undefined;

/** The parser's code (curriculum/ and served-lessons): another version of it never reads this cache. */
function signature(): string {
  signatureMemo ??= `${FORMAT}:${sourceFingerprint(import.meta.url, ["../curriculum/", "./served-lessons", "./parsed-lessons-cache"])}`;
  return signatureMemo;
}

function sha256(markdown: string): string {
  return createHash("sha256").update(markdown).digest("hex");
}

/**
 * The cached parses that still match the live rows, as `parseLive`'s `previous` (it reuses an entry only when the
 * version and Markdown are the same). Empty when the file is missing, damaged or from other code.
 */
export function loadParsedLessons(file: string, live: readonly LiveLesson[]): ParsedLive[] {
  if (!existsSync(file)) return [];
  let data: CacheFile;
  try {
    data = JSON.parse(readFileSync(file, "utf8")) as CacheFile;
  } catch {
    return [];
  }
  if (data.format !== FORMAT || data.signature !== signature() || !Array.isArray(data.lessons)) return [];
  const rows = new Map(live.map((row) => [row.lessonId, row]));
  const reused: ParsedLive[] = [];
  for (const entry of data.lessons) {
    const row = rows.get(entry.lessonId);
    if (!row || row.version !== entry.version || sha256(row.markdown) !== entry.sha256) continue;
    reused.push({ lesson: entry.lesson, version: entry.version, markdown: row.markdown, problems: entry.problems });
  }
  return reused;
}

let saves = 0;

/** Writes the cache atomically (a unique temp file, then rename), so overlapping saves never mix. */
export async function saveParsedLessons(file: string, parsed: readonly ParsedLive[]): Promise<void> {
  const data: CacheFile = {
    format: FORMAT,
    signature: signature(),
    lessons: parsed.map((p) => ({ lessonId: p.lesson.id, version: p.version, sha256: sha256(p.markdown), lesson: p.lesson, problems: p.problems })),
  };
  await mkdir(dirname(file), { recursive: true });
  const tmp = `${file}.tmp-${process.pid}-${++saves}`;
  await writeFile(tmp, JSON.stringify(data));
  await rename(tmp, file);
}
