import type { LessonRecord, LessonVersion, LessonVersionStore } from "../../publishing/ports.js";
import { AppError } from "../../shared/errors.js";
import { lessonRecordOf, type LessonRow } from "../lesson-row.js";
import type { PgPool } from "./database.js";
import { inTransaction } from "./transaction.js";

/** kb_lesson as PostgreSQL returns it: TIMESTAMPTZ columns as Date. */
interface PgLessonRow extends Omit<LessonRow, "retired_at" | "draft_at" | "updated_at"> {
  retired_at: Date | null;
  draft_at: Date | null;
  updated_at: Date;
}

interface VersionRow {
  lesson_id: string;
  version: number;
  markdown: string;
  author: string;
  at: Date;
  note: string;
}

const toRecord = (r: PgLessonRow): LessonRecord =>
  lessonRecordOf({ ...r, retired_at: r.retired_at?.toISOString() ?? null, draft_at: r.draft_at?.toISOString() ?? null, updated_at: r.updated_at.toISOString() });

const toVersion = (r: VersionRow): LessonVersion => ({
  lessonId: r.lesson_id,
  version: r.version,
  markdown: r.markdown,
  author: r.author,
  at: r.at.toISOString(),
  note: r.note,
});

/**
 * LessonVersionStore on PostgreSQL (tables kb_lesson, kb_lesson_version, kb_generation; migration 007). Times are
 * TIMESTAMPTZ and come back as ISO strings (milliseconds, UTC). `clock` stamps updated_at where the port passes no time.
 */
export function createPostgresLessonVersionStore(pool: PgPool, clock: () => Date = () => new Date()): LessonVersionStore {
  return {
    async list() {
      const { rows } = await pool.query<PgLessonRow>("SELECT * FROM kb_lesson ORDER BY lesson_id");
      return rows.map(toRecord);
    },
    async get(lessonId) {
      const { rows } = await pool.query<PgLessonRow>("SELECT * FROM kb_lesson WHERE lesson_id = $1", [lessonId]);
      return rows[0] ? toRecord(rows[0]) : undefined;
    },
    async liveMarkdown() {
      const { rows } = await pool.query<{ lesson_id: string; version: number; markdown: string }>(
        `SELECT l.lesson_id, v.version, v.markdown FROM kb_lesson l
         JOIN kb_lesson_version v ON v.lesson_id = l.lesson_id AND v.version = l.live_version
         WHERE l.retired_at IS NULL ORDER BY l.lesson_id`,
      );
      return rows.map((r) => ({ lessonId: r.lesson_id, version: r.version, markdown: r.markdown }));
    },
    async version(lessonId, version) {
      const { rows } = await pool.query<VersionRow>(
        "SELECT * FROM kb_lesson_version WHERE lesson_id = $1 AND version = $2",
        [lessonId, version],
      );
      return rows[0] ? toVersion(rows[0]) : undefined;
    },
    async versions(lessonId) {
      const { rows } = await pool.query<VersionRow>(
        "SELECT * FROM kb_lesson_version WHERE lesson_id = $1 ORDER BY version DESC",
        [lessonId],
      );
      return rows.map(toVersion);
    },
    async saveDraft(d) {
      await pool.query(
        `INSERT INTO kb_lesson (lesson_id, draft_markdown, draft_author, draft_at, draft_base_version, updated_at)
         VALUES ($1, $2, $3, $4, $5, $4)
         ON CONFLICT (lesson_id) DO UPDATE SET draft_markdown = EXCLUDED.draft_markdown, draft_author = EXCLUDED.draft_author,
           draft_at = EXCLUDED.draft_at, draft_base_version = EXCLUDED.draft_base_version, updated_at = EXCLUDED.updated_at`,
        [d.lessonId, d.markdown, d.author, d.at, d.baseVersion ?? null],
      );
    },
    async discardDraft(lessonId) {
      await inTransaction(pool, async (client) => {
        await client.query(
          `UPDATE kb_lesson SET draft_markdown = NULL, draft_author = NULL, draft_at = NULL, draft_base_version = NULL,
           updated_at = $2 WHERE lesson_id = $1`,
          [lessonId, clock()],
        );
        // A lesson that only ever had a draft leaves no row behind once the draft goes.
        await client.query(
          `DELETE FROM kb_lesson WHERE lesson_id = $1 AND draft_markdown IS NULL
           AND NOT EXISTS (SELECT 1 FROM kb_lesson_version v WHERE v.lesson_id = kb_lesson.lesson_id)`,
          [lessonId],
        );
      });
    },
    async publish(input) {
      return inTransaction(pool, async (client) => {
        // The row lock serialises publishes of one lesson across connections and instances, so max+1 is never taken
        // twice. A concurrent first publish waits on the INSERT until the other commits, then finds the row.
        await client.query("INSERT INTO kb_lesson (lesson_id, updated_at) VALUES ($1, $2) ON CONFLICT (lesson_id) DO NOTHING", [
          input.lessonId,
          input.at,
        ]);
        await client.query("SELECT 1 FROM kb_lesson WHERE lesson_id = $1 FOR UPDATE", [input.lessonId]);
        const { rows } = await client.query<{ v: number }>(
          "SELECT COALESCE(MAX(version), 0)::int AS v FROM kb_lesson_version WHERE lesson_id = $1",
          [input.lessonId],
        );
        const version = rows[0]!.v + 1;
        await client.query(
          "INSERT INTO kb_lesson_version (lesson_id, version, markdown, author, at, note) VALUES ($1, $2, $3, $4, $5, $6)",
          [input.lessonId, version, input.markdown, input.author, input.at, input.note],
        );
        await client.query(
          `UPDATE kb_lesson SET live_version = $2, retired_at = NULL, seed_hash = COALESCE($3, seed_hash), updated_at = $4
           ${input.clearDraft ? ", draft_markdown = NULL, draft_author = NULL, draft_at = NULL, draft_base_version = NULL" : ""}
           WHERE lesson_id = $1`,
          [input.lessonId, version, input.seedHash ?? null, input.at],
        );
        await client.query("UPDATE kb_generation SET value = value + 1 WHERE id = 1");
        return version;
      });
    },
    async retire(lessonId, at) {
      await inTransaction(pool, async (client) => {
        const { rows } = await client.query<{ retired_at: Date | null }>(
          "SELECT retired_at FROM kb_lesson WHERE lesson_id = $1 FOR UPDATE",
          [lessonId],
        );
        if (!rows[0]) throw notFound(lessonId);
        // Retiring twice keeps the first date and does not bump the generation: nothing served changed.
        if (rows[0].retired_at !== null) return;
        await client.query("UPDATE kb_lesson SET live_version = NULL, retired_at = $2, updated_at = $2 WHERE lesson_id = $1", [
          lessonId,
          at,
        ]);
        await client.query("UPDATE kb_generation SET value = value + 1 WHERE id = 1");
      });
    },
    async setSeedHash(lessonId, seedHash) {
      const { rowCount } = await pool.query("UPDATE kb_lesson SET seed_hash = $2, updated_at = $3 WHERE lesson_id = $1", [
        lessonId,
        seedHash,
        clock(),
      ]);
      if (!rowCount) throw notFound(lessonId);
    },
    async generation() {
      const { rows } = await pool.query<{ value: string }>("SELECT value FROM kb_generation WHERE id = 1");
      return Number(rows[0]?.value ?? 0);
    },
  };
}

function notFound(lessonId: string): AppError {
  return new AppError("not_found:knowledge", `lesson "${lessonId}" is not in the database`);
}
