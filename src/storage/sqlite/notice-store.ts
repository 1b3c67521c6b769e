import type { NoticeInput, NoticeStore } from "../../assistant/notices/index.js";
import { NOTICE_COLUMNS, noticeOfRow, type NoticeRow } from "../notice-row.js";
import { guardOf, type SqliteDatabase } from "./database.js";

type Fields = [string, string | null, string, string, string, string | null, string, string, string, string, string];

/** NoticeStore on SQLite (local_notices, migration 008). Every statement goes through the connection's write guard. */
export function createSqliteNoticeStore(db: SqliteDatabase): NoticeStore {
  const guard = guardOf(db);
  const current = db.prepare<[string, string, string, string], NoticeRow>(
    `SELECT ${NOTICE_COLUMNS} FROM local_notices
     WHERE province_code = ? AND (commune_code IS NULL OR commune_code = ?) AND starts_at <= ? AND ends_at > ?
     ORDER BY id DESC`,
  );
  const list = db.prepare<[string | null, string | null, string | null, string | null, number], NoticeRow>(
    `SELECT ${NOTICE_COLUMNS} FROM local_notices
     WHERE (? IS NULL OR province_code = ?) AND (? IS NULL OR commune_code = ?) ORDER BY id DESC LIMIT ?`,
  );
  const get = db.prepare<[number], NoticeRow>(`SELECT ${NOTICE_COLUMNS} FROM local_notices WHERE id = ?`);
  const insert = db.prepare<[...Fields, string], NoticeRow>(
    `INSERT INTO local_notices (province_code, commune_code, kind, title, body, link, starts_at, ends_at, topics, updated_by,
       updated_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING ${NOTICE_COLUMNS}`,
  );
  const update = db.prepare<[...Fields, number], NoticeRow>(
    `UPDATE local_notices SET province_code = ?, commune_code = ?, kind = ?, title = ?, body = ?, link = ?, starts_at = ?,
       ends_at = ?, topics = ?, updated_by = ?, updated_at = ? WHERE id = ? RETURNING ${NOTICE_COLUMNS}`,
  );
  const fields = (n: NoticeInput, by: string, at: Date): Fields => [
    n.provinceCode, n.communeCode ?? null, n.kind, n.title, n.text, n.link ?? null, n.startsAt, n.endsAt, JSON.stringify(n.topics), by,
    at.toISOString(),
  ];
  return {
    async current(place, now) {
      if (!place.provinceCode) return [];
      const t = now.toISOString();
      return (await guard.read(() => current.all(place.provinceCode!, place.communeCode ?? "", t, t))).map(noticeOfRow);
    },
    async list(scope, limit) {
      const p = scope.provinceCode ?? null;
      const c = scope.communeCode ?? null;
      return (await guard.read(() => list.all(p, p, c, c, Math.max(0, Math.floor(limit))))).map(noticeOfRow);
    },
    async get(id) {
      const row = await guard.read(() => get.get(id));
      return row && noticeOfRow(row);
    },
    async create(input, meta) {
      const row = await guard.write(() => insert.get(...fields(input, meta.by, meta.at), meta.at.toISOString()));
      if (!row) throw new Error("local_notices: INSERT returned no row");
      return noticeOfRow(row);
    },
    async update(id, input, meta) {
      const row = await guard.write(() => update.get(...fields(input, meta.by, meta.at), id));
      return row && noticeOfRow(row);
    },
  };
}
