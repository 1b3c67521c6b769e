import type { LessonRecord } from "../publishing/ports.js";

/**
 * A kb_lesson row (migration 007_knowledge_versions.sql) as both drivers read it, timestamps as ISO text (the
 * PostgreSQL adapter converts its Date values first), and its one mapping to the port's LessonRecord.
 */
export interface LessonRow {
  lesson_id: string;
  live_version: number | null;
  retired_at: string | null;
  seed_hash: string | null;
  draft_markdown: string | null;
  draft_author: string | null;
  draft_at: string | null;
  draft_base_version: number | null;
  updated_at: string;
}

export const lessonRecordOf = (r: LessonRow): LessonRecord => ({
  lessonId: r.lesson_id,
  ...(r.live_version !== null && r.retired_at === null ? { liveVersion: r.live_version } : {}),
  ...(r.retired_at !== null ? { retiredAt: r.retired_at } : {}),
  ...(r.seed_hash !== null ? { seedHash: r.seed_hash } : {}),
  ...(r.draft_markdown !== null
    ? {
        draft: {
          lessonId: r.lesson_id,
          markdown: r.draft_markdown,
          author: r.draft_author ?? "",
          at: r.draft_at ?? r.updated_at,
          ...(r.draft_base_version !== null ? { baseVersion: r.draft_base_version } : {}),
        },
      }
    : {}),
  updatedAt: r.updated_at,
});
