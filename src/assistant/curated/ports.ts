/**
 * Curated answers (issue 13): question → answer pairs an editor drafts and a reviewer publishes. A citizen's question
 * that matches a published one closely is answered with it before retrieval runs. The core owns this port; storage
 * adapters (SQLite, PostgreSQL) implement it.
 */

/** What an editor writes. `alternatives` are other ways people ask the same question (matched like the question). */
export interface CuratedContent {
  question: string;
  alternatives: string[];
  answer: string;
  /** The official page the answer rests on, cited under the answer like a lesson's source. */
  sourceTitle: string;
  sourceUrl: string;
}

/**
 * draft: never published (not served). published: served (its draft may have unpublished edits, see `hasDraft`).
 * retired: not served; history kept.
 */
export type CuratedStatus = "draft" | "published" | "retired";

export interface CuratedAnswer {
  id: number;
  status: CuratedStatus;
  /** The editable copy (PUT saves it; publish turns it into a new version). */
  draft: CuratedContent;
  /** What citizens get, when published. */
  published?: CuratedContent & { version: number; publishedAt: string };
  /** True when the draft differs from the published version (or nothing was published yet). */
  hasDraft: boolean;
  /** How many questions it answered. */
  hits: number;
  createdAt: string;
  updatedAt: string;
}

/** One published version, kept for history and rollback. */
export interface CuratedVersion extends CuratedContent {
  version: number;
  publishedAt: string;
  /** Account name of who published it. */
  publishedBy: string;
}

/** A published answer as the matcher sees it. */
export interface PublishedCurated extends CuratedContent {
  id: number;
  version: number;
  publishedAt: string;
}

export interface CuratedStore {
  /** Every curated answer but the retired ones unless asked, newest change first. */
  list(options?: { includeRetired?: boolean }): Promise<CuratedAnswer[]>;
  get(id: number): Promise<CuratedAnswer | undefined>;
  /** A new draft. */
  create(content: CuratedContent, at: Date): Promise<CuratedAnswer>;
  /** Replaces the draft copy; the published version is untouched. */
  saveDraft(id: number, content: CuratedContent, at: Date): Promise<CuratedAnswer | undefined>;
  /** Publishes the draft as the next version (a retired answer comes back). */
  publish(id: number, by: string, at: Date): Promise<CuratedAnswer | undefined>;
  /** Newest first. */
  versions(id: number): Promise<CuratedVersion[]>;
  /**
   * Publishes an earlier version's text again as the next version (history stays linear: nothing is deleted) and
   * makes it the draft too. Undefined when the answer or the version does not exist.
   */
  rollback(id: number, version: number, by: string, at: Date): Promise<CuratedAnswer | undefined>;
  /** Stops serving it (status retired); history is kept. */
  retire(id: number, at: Date): Promise<CuratedAnswer | undefined>;
  /** The served set: published and not retired. */
  published(): Promise<PublishedCurated[]>;
  recordHit(id: number): Promise<void>;
}
