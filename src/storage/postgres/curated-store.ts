import type { CuratedAnswer, CuratedContent, CuratedStore, PublishedCurated } from "../../assistant/curated/ports.js";
import { CURATED_SELECT, curatedAnswerOf, curatedContentOf } from "../curated-row.js";
import type { PgPool } from "./database.js";

interface Row {
  id: string;
  status: CuratedAnswer["status"];
  question: string;
  alternatives: string[];
  answer: string;
  source_title: string;
  source_url: string;
  published_version: number | null;
  hits: number;
  created_at: Date;
  updated_at: Date;
  v_question: string | null;
  v_alternatives: string[] | null;
  v_answer: string | null;
  v_source_title: string | null;
  v_source_url: string | null;
  v_published_at: Date | null;
}

/** PostgreSQL returns TIMESTAMPTZ as Date. */
const iso = (d: Date | null) => d?.toISOString() ?? null;
const toAnswer = (r: Row) =>
  curatedAnswerOf({ ...r, created_at: r.created_at.toISOString(), updated_at: r.updated_at.toISOString(), v_published_at: iso(r.v_published_at) });

/** CuratedStore on PostgreSQL (tables from migrations/006_curated_feedback.sql); publish and rollback are transactions. */
export function createPostgresCuratedStore(pool: PgPool): CuratedStore {
  const get = async (q: Pick<PgPool, "query">, id: number) => {
    const { rows } = await q.query<Row>(`${CURATED_SELECT} WHERE a.id = $1`, [id]);
    return rows[0] ? toAnswer(rows[0]) : undefined;
  };
  const args = (c: CuratedContent) => [c.question, JSON.stringify(c.alternatives), c.answer, c.sourceTitle, c.sourceUrl];

  /** Runs `work` in a transaction that holds the answer's row lock, so two publishes never take the same version. */
  async function locked<T>(id: number, work: (client: Pick<PgPool, "query">) => Promise<T | undefined>): Promise<T | undefined> {
    const client = await pool.connect();
    try {
      await client.query("BEGIN");
      const { rowCount } = await client.query("SELECT 1 FROM curated_answer WHERE id = $1 FOR UPDATE", [id]);
      const result = rowCount ? await work(client) : undefined;
      await client.query(result === undefined ? "ROLLBACK" : "COMMIT");
      return result;
    } catch (error) {
      await client.query("ROLLBACK").catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  async function publishDraft(client: Pick<PgPool, "query">, id: number, by: string, at: Date) {
    await client.query(
      `INSERT INTO curated_answer_version (curated_id, version, question, alternatives, answer, source_title, source_url, published_at, published_by)
       SELECT id, (SELECT COALESCE(MAX(version), 0) + 1 FROM curated_answer_version WHERE curated_id = $1),
         question, alternatives, answer, source_title, source_url, $2, $3 FROM curated_answer WHERE id = $1`,
      [id, at, by],
    );
    await client.query(
      `UPDATE curated_answer SET status = 'published', updated_at = $2,
         published_version = (SELECT MAX(version) FROM curated_answer_version WHERE curated_id = $1) WHERE id = $1`,
      [id, at],
    );
    return get(client, id);
  }

  return {
    async list(options = {}) {
      const { rows } = await pool.query<Row>(`${CURATED_SELECT} ORDER BY a.updated_at DESC, a.id DESC`);
      return rows.map(toAnswer).filter((a) => options.includeRetired || a.status !== "retired");
    },
    get: (id) => get(pool, id),
    async create(c, at) {
      const { rows } = await pool.query<{ id: string }>(
        `INSERT INTO curated_answer (question, alternatives, answer, source_title, source_url, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $6) RETURNING id`,
        [...args(c), at],
      );
      const created = await get(pool, Number(rows[0]?.id));
      if (!created) throw new Error("curated answer vanished after insert");
      return created;
    },
    async saveDraft(id, c, at) {
      const { rowCount } = await pool.query(
        "UPDATE curated_answer SET question = $1, alternatives = $2, answer = $3, source_title = $4, source_url = $5, updated_at = $6 WHERE id = $7",
        [...args(c), at, id],
      );
      return rowCount ? get(pool, id) : undefined;
    },
    publish: (id, by, at) => locked(id, (client) => publishDraft(client, id, by, at)),
    async versions(id) {
      const { rows } = await pool.query<Omit<Row, "id"> & { version: number; published_at: Date; published_by: string }>(
        "SELECT * FROM curated_answer_version WHERE curated_id = $1 ORDER BY version DESC",
        [id],
      );
      return rows.map((r) => ({ ...curatedContentOf(r), version: Number(r.version), publishedAt: r.published_at.toISOString(), publishedBy: r.published_by }));
    },
    rollback: (id, to, by, at) =>
      locked(id, async (client) => {
        const { rowCount } = await client.query(
          `UPDATE curated_answer a SET question = v.question, alternatives = v.alternatives, answer = v.answer,
             source_title = v.source_title, source_url = v.source_url, updated_at = $3
           FROM curated_answer_version v WHERE a.id = $1 AND v.curated_id = a.id AND v.version = $2`,
          [id, to, at],
        );
        return rowCount ? publishDraft(client, id, by, at) : undefined;
      }),
    async retire(id, at) {
      const { rowCount } = await pool.query("UPDATE curated_answer SET status = 'retired', updated_at = $2 WHERE id = $1", [id, at]);
      return rowCount ? get(pool, id) : undefined;
    },
    async published() {
      const { rows } = await pool.query<Row>(`${CURATED_SELECT} WHERE a.status = 'published' AND a.published_version IS NOT NULL ORDER BY a.id`);
      return rows.flatMap((r): PublishedCurated[] => {
        const a = toAnswer(r);
        if (!a.published) return [];
        const { version, publishedAt, ...c } = a.published;
        return [{ id: a.id, ...c, version, publishedAt }];
      });
    },
    async recordHit(id) {
      await pool.query("UPDATE curated_answer SET hits = hits + 1 WHERE id = $1", [id]);
    },
  };
}
