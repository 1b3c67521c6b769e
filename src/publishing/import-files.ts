import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { relative } from "node:path";
import { checkLessonText, duplicateIdProblem, listLessonFiles, parseLesson, type Lesson, type Problem } from "../curriculum/index.js";
import type { LessonVersionStore } from "./ports.js";

/** What happened to one file: published as a new lesson, published as a new version, left alone, or refused. */
export type ImportOutcome = "added" | "changed" | "unchanged" | "rejected";

export interface FileImport {
  /** Path relative to the imported directory, e.g. "vneid/vneid-cai-dat.md". */
  file: string;
  /** The lesson id the file declares (absent when its front matter could not be read). */
  lessonId?: string;
  outcome: ImportOutcome;
  /** The version published ("added"/"changed") or already live ("unchanged"). */
  version?: number;
  /** Why the file was refused (empty otherwise); each carries messageVi. */
  problems: Problem[];
  /** Worth fixing, did not stop the import. */
  warnings: Problem[];
}

/** A validator: the checks a file must pass before it is published (default: checkLessonText, today = clock()). */
export type LessonFileValidator = (
  markdown: string,
  file: string,
  knownIds: ReadonlySet<string>,
) => { lesson?: Lesson; problems: Problem[]; warnings: Problem[] };

export interface ImportOptions {
  /** Recorded on each published version: "kb:import", "knowledge/" for the seed… */
  author: string;
  /** Recorded on each published version: "import", "seed", "release"… */
  note: string;
  clock: () => Date;
  validate?: LessonFileValidator;
}

/** SHA-256 (hex) of a knowledge/ file's bytes: what publish records as the lesson's seedHash. */
export function fileHash(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/**
 * Publishes every lesson file under `dir` (knowledge/<topic>/<id>.md) into the store, one file at a time:
 * - a lesson the store does not have → published as version 1 ("added");
 * - the same text as the live version → nothing published ("unchanged"; the seed hash is recorded if it differs);
 * - other text → published as the next version ("changed"); an editor's open draft is kept, its base version
 *   then shows that the lesson moved on;
 * - a file that fails validation, repeats an id, is not UTF-8 or belongs to a retired lesson → "rejected", and
 *   nothing about that lesson changes. Retired lessons come back only through the admin, never by a file.
 * `kb:` links and `next:` may point at any lesson in `dir` or live in the store.
 */
export async function importLessonFiles(store: LessonVersionStore, dir: string, options: ImportOptions): Promise<FileImport[]> {
  const validate: LessonFileValidator =
    options.validate ?? ((markdown, file, knownIds) => checkLessonText(markdown, file, { knownIds, today: options.clock() }));
  const files = listLessonFiles(dir).map((path) => {
    const bytes = readFileSync(path);
    const text = bytes.toString("utf8");
    return { file: relative(dir, path), bytes, text, id: parseLesson(text, "").lesson?.id };
  });
  const records = new Map((await store.list()).map((r) => [r.lessonId, r]));
  const knownIds = new Set([
    ...files.flatMap((f) => (f.id ? [f.id] : [])),
    ...[...records.values()].filter((r) => r.liveVersion !== undefined).map((r) => r.lessonId),
  ]);

  const reports: FileImport[] = [];
  const seen = new Map<string, string>();
  for (const { file, bytes, text } of files) {
    const checked = validate(text, file, knownIds);
    const lessonId = checked.lesson?.id;
    const rejected = (problems: Problem[]): FileImport => ({
      file,
      ...(lessonId ? { lessonId } : {}),
      outcome: "rejected",
      problems,
      warnings: checked.warnings,
    });
    if (!Buffer.from(text, "utf8").equals(bytes)) {
      reports.push(rejected([notUtf8(file)]));
      continue;
    }
    if (checked.problems.length > 0 || !lessonId) {
      reports.push(rejected(checked.problems));
      continue;
    }
    const first = seen.get(lessonId);
    if (first) {
      reports.push(rejected([duplicateIdProblem(file, lessonId, first)]));
      continue;
    }
    seen.set(lessonId, file);

    const record = records.get(lessonId);
    if (record?.retiredAt) {
      reports.push(rejected([retiredProblem(file, lessonId)]));
      continue;
    }
    const hash = fileHash(bytes);
    const live = record?.liveVersion !== undefined ? await store.version(lessonId, record.liveVersion) : undefined;
    if (live && live.markdown === text) {
      if (record?.seedHash !== hash) await store.setSeedHash(lessonId, hash);
      reports.push({ file, lessonId, outcome: "unchanged", version: live.version, problems: [], warnings: checked.warnings });
      continue;
    }
    const version = await store.publish({
      lessonId,
      markdown: text,
      author: options.author,
      at: options.clock().toISOString(),
      note: options.note,
      clearDraft: false,
      seedHash: hash,
    });
    reports.push({ file, lessonId, outcome: live ? "changed" : "added", version, problems: [], warnings: checked.warnings });
  }
  return reports;
}

function notUtf8(file: string): Problem {
  return {
    file,
    line: 1,
    message: "file is not valid UTF-8 text",
    messageVi: "Tệp không phải văn bản UTF-8: hãy mở bằng trình soạn thảo và lưu lại với bảng mã UTF-8.",
  };
}

function retiredProblem(file: string, lessonId: string): Problem {
  return {
    file,
    line: 1,
    message: `lesson ${lessonId} is retired; bring it back from the admin, not by importing its file`,
    messageVi: `Bài “${lessonId}” đã bị ngừng dùng: muốn dùng lại, hãy đăng lại bài trong trang quản trị, không nạp bằng tệp.`,
  };
}
