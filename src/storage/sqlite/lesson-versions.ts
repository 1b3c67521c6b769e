import type { LessonVersion, LessonVersionStore } from "../../publishing/ports.js";
import { AppError } from "../../shared/errors.js";
import { lessonRecordOf, type LessonRow } from "../lesson-row.js";
import { guardOf, type SqliteDatabase } from "./database.js";

const SELECT_VERSION = "SELECT lesson_id AS lessonId, version, markdown, author, at, note FROM kb_lesson_version";

/**
 * LessonVersionStore on SQLite (tables kb_lesson, kb_lesson_version, kb_generation; migration 007). Writes that touch
 * several rows run as one IMMEDIATE transaction, so a second process waits (through the write guard) instead of
 * reading a max(version) that is about to change. `clock` stamps updated_at where the port passes no time.
 */
export function createSqliteLessonVersionStore(db: SqliteDatabase, clock: () => Date = () => new Date()): LessonVersionStore {
  const guard = guardOf(db);
  const all = db.prepare<[], LessonRow>("SELECT * FROM kb_lesson ORDER BY lesson_id");
  const one = db.prepare<[string], LessonRow>("SELECT * FROM kb_lesson WHERE lesson_id = ?");
  const live = db.prepare<[], { lessonId: string; version: number; markdown: string }>(
    `SELECT l.lesson_id AS lessonId, v.version, v.markdown FROM kb_lesson l
     JOIN kb_lesson_version v ON v.lesson_id = l.lesson_id AND v.version = l.live_version
     WHERE l.retired_at IS NULL ORDER BY l.lesson_id`,
  );
  const oneVersion = db.prepare<[string, number], LessonVersion>(`${SELECT_VERSION} WHERE lesson_id = ? AND version = ?`);
  const history = db.prepare<[string], LessonVersion>(`${SELECT_VERSION} WHERE lesson_id = ? ORDER BY version DESC`);
  const ensure = db.prepare<[string, string]>(
    "INSERT INTO kb_lesson (lesson_id, updated_at) VALUES (?, ?) ON CONFLICT (lesson_id) DO NOTHING",
  );
  const setDraft = db.prepare<[string, string, string, number | null, string, string]>(
    `UPDATE kb_lesson SET draft_markdown = ?, draft_author = ?, draft_at = ?, draft_base_version = ?, updated_at = ?
     WHERE lesson_id = ?`,
  );
  const clearDraft = db.prepare<[string, string]>(
    `UPDATE kb_lesson SET draft_markdown = NULL, draft_author = NULL, draft_at = NULL, draft_base_version = NULL,
     updated_at = ? WHERE lesson_id = ?`,
  );
  // A lesson that only ever had a draft leaves no row behind once the draft goes.
  const dropUnpublished = db.prepare<[string]>(
    `DELETE FROM kb_lesson WHERE lesson_id = ? AND draft_markdown IS NULL
     AND NOT EXISTS (SELECT 1 FROM kb_lesson_version v WHERE v.lesson_id = kb_lesson.lesson_id)`,
  );
  const maxVersion = db.prepare<[string], { v: number }>(
    "SELECT COALESCE(MAX(version), 0) AS v FROM kb_lesson_version WHERE lesson_id = ?",
  );
  const append = db.prepare<[string, number, string, string, string, string]>(
    "INSERT INTO kb_lesson_version (lesson_id, version, markdown, author, at, note) VALUES (?, ?, ?, ?, ?, ?)",
  );
  const makeLive = db.prepare<[number, string | null, string, string]>(
    `UPDATE kb_lesson SET live_version = ?, retired_at = NULL, seed_hash = COALESCE(?, seed_hash), updated_at = ?
     WHERE lesson_id = ?`,
  );
  const retire = db.prepare<[string, string, string]>(
    "UPDATE kb_lesson SET live_version = NULL, retired_at = ?, updated_at = ? WHERE lesson_id = ?",
  );
  const seed = db.prepare<[string, string, string]>("UPDATE kb_lesson SET seed_hash = ?, updated_at = ? WHERE lesson_id = ?");
  const bump = db.prepare("UPDATE kb_generation SET value = value + 1 WHERE id = 1");
  const generation = db.prepare<[], { value: number }>("SELECT value FROM kb_generation WHERE id = 1");

  const publish = db.transaction((input: Parameters<LessonVersionStore["publish"]>[0]): number => {
    ensure.run(input.lessonId, input.at);
    const version = maxVersion.get(input.lessonId)!.v + 1;
    append.run(input.lessonId, version, input.markdown, input.author, input.at, input.note);
    makeLive.run(version, input.seedHash ?? null, input.at, input.lessonId);
    if (input.clearDraft) clearDraft.run(input.at, input.lessonId);
    bump.run();
    return version;
  });
  const saveDraft = db.transaction((d: Parameters<LessonVersionStore["saveDraft"]>[0]) => {
    ensure.run(d.lessonId, d.at);
    setDraft.run(d.markdown, d.author, d.at, d.baseVersion ?? null, d.at, d.lessonId);
  });
  const discardDraft = db.transaction((lessonId: string, now: string) => {
    clearDraft.run(now, lessonId);
    dropUnpublished.run(lessonId);
  });
  // Retiring twice keeps the first date and does not bump the generation: nothing served changed.
  const retireTx = db.transaction((lessonId: string, at: string) => {
    const row = one.get(lessonId);
    if (!row) throw notFound(lessonId);
    if (row.retired_at !== null) return;
    retire.run(at, at, lessonId);
    bump.run();
  });

  return {
    async list() {
      return (await guard.read(() => all.all())).map(lessonRecordOf);
    },
    async get(lessonId) {
      const row = await guard.read(() => one.get(lessonId));
      return row ? lessonRecordOf(row) : undefined;
    },
    async liveMarkdown() {
      return guard.read(() => live.all());
    },
    async version(lessonId, version) {
      return guard.read(() => oneVersion.get(lessonId, version));
    },
    async versions(lessonId) {
      return guard.read(() => history.all(lessonId));
    },
    async saveDraft(draft) {
      await guard.write(() => saveDraft.immediate(draft));
    },
    async discardDraft(lessonId) {
      await guard.write(() => discardDraft.immediate(lessonId, clock().toISOString()));
    },
    async publish(input) {
      return guard.write(() => publish.immediate(input));
    },
    async retire(lessonId, at) {
      await guard.write(() => retireTx.immediate(lessonId, at));
    },
    async setSeedHash(lessonId, seedHash) {
      const changes = (await guard.write(() => seed.run(seedHash, clock().toISOString(), lessonId))).changes;
      if (changes === 0) throw notFound(lessonId);
    },
    async generation() {
      return (await guard.read(() => generation.get()))?.value ?? 0;
    },
  };
}

function notFound(lessonId: string): AppError {
  return new AppError("not_found:knowledge", `lesson "${lessonId}" is not in the database`);
}
