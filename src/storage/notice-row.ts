import type { Notice, NoticeKind } from "../assistant/notices/index.js";

/** A local_notices row as both drivers return it (migration 008_local_notices.sql). */
export interface NoticeRow {
  id: number | string;
  province_code: string;
  commune_code: string | null;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  starts_at: string;
  ends_at: string;
  topics: string;
  updated_by: string;
  created_at: string;
  updated_at: string;
}

export const NOTICE_COLUMNS =
  "id, province_code, commune_code, kind, title, body, link, starts_at, ends_at, topics, updated_by, created_at, updated_at";

/** Row → Notice (PostgreSQL returns BIGSERIAL ids as strings; optional fields are absent rather than null). */
export function noticeOfRow(r: NoticeRow): Notice {
  let topics: unknown;
  try {
    topics = JSON.parse(r.topics);
  } catch {
    topics = [];
  }
  return {
    id: Number(r.id),
    provinceCode: r.province_code,
    ...(r.commune_code ? { communeCode: r.commune_code } : {}),
    kind: r.kind as NoticeKind,
    title: r.title,
    text: r.body,
    ...(r.link ? { link: r.link } : {}),
    startsAt: r.starts_at,
    endsAt: r.ends_at,
    topics: Array.isArray(topics) ? topics.filter((t): t is string => typeof t === "string") : [],
    updatedBy: r.updated_by,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}
