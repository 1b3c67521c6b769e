import type { CuratedAnswer, CuratedContent, CuratedStore, CuratedVersion, PublishedCurated } from "../../assistant/curated/ports.js";
import { CURATED_SELECT, curatedAnswerOf, curatedContentOf, curatedContentOnly, type ContentColumns } from "../curated-row.js";
import { guardOf, type SqliteDatabase } from "./database.js";

interface Row {
  id: number;
  status: CuratedAnswer["status"];
  question: string;
  alternatives: string;
  answer: string;
  source_title: string;
  source_url: string;
  published_version: number | null;
  hits: number;
  created_at: string;
  updated_at: string;
  v_question: string | null;
  v_alternatives: string | null;
  v_answer: string | null;
  v_source_title: string | null;
  v_source_url: string | null;
  v_published_at: string | null;
}

interface VersionRow {
  version: number;
  question: string;
  alternatives: string;
  answer: string;
  source_title: string;
  source_url: string;
  published_at: string;
  published_by: string;
}

/** SQLite keeps the question lists as JSON text. */
const parsed = (list: string): string[] => JSON.parse(list) as string[];
const content = (r: Omit<ContentColumns, "alternatives"> & { alternatives: string }) => curatedContentOf({ ...r, alternatives: parsed(r.alternatives) });
const toAnswer = (r: Row) =>
  curatedAnswerOf({ ...r, alternatives: parsed(r.alternatives), v_alternatives: r.v_alternatives === null ? null : parsed(r.v_alternatives) });

/** CuratedStore on SQLite (tables from migrations/006_curated_feedback.sql). */
export function createSqliteCuratedStore(db: SqliteDatabase): CuratedStore {
  const guard = guardOf(db);
  const one = db.prepare<[number], Row>(`${CURATED_SELECT} WHERE a.id = ?`);
  const all = db.prepare<[], Row>(`${CURATED_SELECT} ORDER BY a.updated_at DESC, a.id DESC`);
  const insert = db.prepare<[string, string, string, string, string, string, string]>(
    `INSERT INTO curated_answer (question, alternatives, answer, source_title, source_url, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  const update = db.prepare<[string, string, string, string, string, string, number]>(
    `UPDATE curated_answer SET question = ?, alternatives = ?, answer = ?, source_title = ?, source_url = ?, updated_at = ? WHERE id = ?`,
  );
  const nextVersion = db.prepare<[number], { v: number }>("SELECT COALESCE(MAX(version), 0) + 1 AS v FROM curated_answer_version WHERE curated_id = ?");
  const addVersion = db.prepare<[number, number, string, string, string, string, string, string, string]>(
    `INSERT INTO curated_answer_version (curated_id, version, question, alternatives, answer, source_title, source_url, published_at, published_by)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const setPublished = db.prepare<[number, string, number]>(
    "UPDATE curated_answer SET status = 'published', published_version = ?, updated_at = ? WHERE id = ?",
  );
  const versions = db.prepare<[number], VersionRow>("SELECT * FROM curated_answer_version WHERE curated_id = ? ORDER BY version DESC");
  const version = db.prepare<[number, number], VersionRow>("SELECT * FROM curated_answer_version WHERE curated_id = ? AND version = ?");
  const retire = db.prepare<[string, number]>("UPDATE curated_answer SET status = 'retired', updated_at = ? WHERE id = ?");
  const published = db.prepare<[], Row>(`${CURATED_SELECT} WHERE a.status = 'published' AND a.published_version IS NOT NULL ORDER BY a.id`);
  const hit = db.prepare<[number]>("UPDATE curated_answer SET hits = hits + 1 WHERE id = ?");

  const get = (id: number) => {
    const row = one.get(id);
    return row ? toAnswer(row) : undefined;
  };
  const args = (c: CuratedContent) => [c.question, JSON.stringify(c.alternatives), c.answer, c.sourceTitle, c.sourceUrl] as const;
  /** The draft becomes version n+1 and the served one. */
  const publishDraft = db.transaction((id: number, by: string, at: string) => {
    const row = one.get(id);
    if (!row) return undefined;
    const v = nextVersion.get(id)?.v ?? 1;
    addVersion.run(id, v, row.question, row.alternatives, row.answer, row.source_title, row.source_url, at, by);
    setPublished.run(v, at, id);
    return get(id);
  });
  const rollbackTo = db.transaction((id: number, to: number, by: string, at: string) => {
    const old = version.get(id, to);
    if (!old || !one.get(id)) return undefined;
    update.run(old.question, old.alternatives, old.answer, old.source_title, old.source_url, at, id);
    return publishDraft(id, by, at);
  });

  return {
    async list(options = {}) {
      const rows = await guard.read(() => all.all());
      return rows.map(toAnswer).filter((a) => options.includeRetired || a.status !== "retired");
    },
    async get(id) {
      return guard.read(() => get(id));
    },
    async create(c, at) {
      const iso = at.toISOString();
      const id = Number((await guard.write(() => insert.run(...args(c), iso, iso))).lastInsertRowid);
      const created = get(id);
      if (!created) throw new Error("curated answer vanished after insert");
      return created;
    },
    async saveDraft(id, c, at) {
      const { changes } = await guard.write(() => update.run(...args(c), at.toISOString(), id));
      return changes > 0 ? get(id) : undefined;
    },
    async publish(id, by, at) {
      return guard.write(() => publishDraft(id, by, at.toISOString()));
    },
    async versions(id) {
      const rows = await guard.read(() => versions.all(id));
      return rows.map((r): CuratedVersion => ({ ...content(r), version: r.version, publishedAt: r.published_at, publishedBy: r.published_by }));
    },
    async rollback(id, to, by, at) {
      return guard.write(() => rollbackTo(id, to, by, at.toISOString()));
    },
    async retire(id, at) {
      const { changes } = await guard.write(() => retire.run(at.toISOString(), id));
      return changes > 0 ? get(id) : undefined;
    },
    async published() {
      const rows = await guard.read(() => published.all());
      return rows.flatMap((r): PublishedCurated[] => {
        const a = toAnswer(r);
        return a.published ? [{ id: a.id, ...curatedContentOnly(a.published), version: a.published.version, publishedAt: a.published.publishedAt }] : [];
      });
    },
    async recordHit(id) {
      await guard.write(() => hit.run(id));
    },
  };
}
