import type { NoticeInput, NoticeStore } from "../../assistant/notices/index.js";
import { NOTICE_COLUMNS, noticeOfRow, type NoticeRow } from "../notice-row.js";
import type { PgPool } from "./database.js";

/** NoticeStore on PostgreSQL (local_notices, migration 008); same queries as the SQLite adapter. */
export function createPostgresNoticeStore(pool: PgPool): NoticeStore {
  const fields = (n: NoticeInput, by: string, at: Date) => [
    n.provinceCode, n.communeCode ?? null, n.kind, n.title, n.text, n.link ?? null, n.startsAt, n.endsAt, JSON.stringify(n.topics), by,
    at.toISOString(),
  ];
  return {
    async current(place, now) {
      if (!place.provinceCode) return [];
      const { rows } = await pool.query<NoticeRow>(
        `SELECT ${NOTICE_COLUMNS} FROM local_notices
         WHERE province_code = $1 AND (commune_code IS NULL OR commune_code = $2) AND starts_at <= $3 AND ends_at > $3
         ORDER BY id DESC`,
        [place.provinceCode, place.communeCode ?? "", now.toISOString()],
      );
      return rows.map(noticeOfRow);
    },
    async list(scope, limit) {
      const { rows } = await pool.query<NoticeRow>(
        `SELECT ${NOTICE_COLUMNS} FROM local_notices
         WHERE ($1::text IS NULL OR province_code = $1) AND ($2::text IS NULL OR commune_code = $2) ORDER BY id DESC LIMIT $3`,
        [scope.provinceCode ?? null, scope.communeCode ?? null, Math.max(0, Math.floor(limit))],
      );
      return rows.map(noticeOfRow);
    },
    async get(id) {
      const { rows } = await pool.query<NoticeRow>(`SELECT ${NOTICE_COLUMNS} FROM local_notices WHERE id = $1`, [id]);
      return rows[0] && noticeOfRow(rows[0]);
    },
    async create(input, meta) {
      const { rows } = await pool.query<NoticeRow>(
        `INSERT INTO local_notices (province_code, commune_code, kind, title, body, link, starts_at, ends_at, topics, updated_by,
           updated_at, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11) RETURNING ${NOTICE_COLUMNS}`,
        fields(input, meta.by, meta.at),
      );
      if (!rows[0]) throw new Error("local_notices: INSERT returned no row");
      return noticeOfRow(rows[0]);
    },
    async update(id, input, meta) {
      const { rows } = await pool.query<NoticeRow>(
        `UPDATE local_notices SET province_code = $1, commune_code = $2, kind = $3, title = $4, body = $5, link = $6, starts_at = $7,
           ends_at = $8, topics = $9, updated_by = $10, updated_at = $11 WHERE id = $12 RETURNING ${NOTICE_COLUMNS}`,
        [...fields(input, meta.by, meta.at), id],
      );
      return rows[0] && noticeOfRow(rows[0]);
    },
  };
}
