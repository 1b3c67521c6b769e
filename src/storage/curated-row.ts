import type { CuratedAnswer, CuratedContent } from "../assistant/curated/ports.js";

/**
 * Curated answers as both drivers read them (tables from migration 006_curated_feedback.sql): one query, one row
 * shape and one mapping. Each driver first normalises what its client returns — SQLite's JSON text of the question
 * list, PostgreSQL's Date timestamps and BIGSERIAL text ids — so the mapping below is written once.
 */
export const CURATED_SELECT = `SELECT a.*, v.question AS v_question, v.alternatives AS v_alternatives, v.answer AS v_answer,
  v.source_title AS v_source_title, v.source_url AS v_source_url, v.published_at AS v_published_at
  FROM curated_answer a LEFT JOIN curated_answer_version v ON v.curated_id = a.id AND v.version = a.published_version`;

/** The question, answer and source columns of a draft or version row. */
export interface ContentColumns {
  question: string;
  alternatives: string[];
  answer: string;
  source_title: string;
  source_url: string;
}

/** A CURATED_SELECT row, normalised: lists parsed, timestamps as ISO text. */
export interface CuratedRow extends ContentColumns {
  id: number | string;
  status: CuratedAnswer["status"];
  published_version: number | string | null;
  hits: number | string;
  created_at: string;
  updated_at: string;
  v_question: string | null;
  v_alternatives: string[] | null;
  v_answer: string | null;
  v_source_title: string | null;
  v_source_url: string | null;
  v_published_at: string | null;
}

export const curatedContentOf = (r: ContentColumns): CuratedContent => ({
  question: r.question,
  alternatives: r.alternatives,
  answer: r.answer,
  sourceTitle: r.source_title,
  sourceUrl: r.source_url,
});

/** Only the content fields of a draft or published version (what "is there an unpublished change" compares). */
export const curatedContentOnly = (c: CuratedContent): CuratedContent => ({
  question: c.question,
  alternatives: c.alternatives,
  answer: c.answer,
  sourceTitle: c.sourceTitle,
  sourceUrl: c.sourceUrl,
});

export function curatedAnswerOf(r: CuratedRow): CuratedAnswer {
  const draft = curatedContentOf(r);
  const published =
    r.published_version !== null && r.v_question !== null
      ? {
          ...curatedContentOf({ question: r.v_question, alternatives: r.v_alternatives ?? [], answer: r.v_answer ?? "", source_title: r.v_source_title ?? "", source_url: r.v_source_url ?? "" }),
          version: Number(r.published_version),
          publishedAt: r.v_published_at ?? "",
        }
      : undefined;
  return {
    id: Number(r.id),
    status: r.status,
    draft,
    ...(published ? { published } : {}),
    hasDraft: !published || JSON.stringify(curatedContentOnly(published)) !== JSON.stringify(draft),
    hits: Number(r.hits),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}
