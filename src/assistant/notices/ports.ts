import type { Notice, NoticeInput } from "./notice.js";

/** A locality as the learning profile and admin scopes name it (administrative-unit codes). */
export interface Place {
  provinceCode?: string;
  communeCode?: string;
}

/** What learners' turns need: the notices in their window for one locality. */
export interface NoticeReader {
  /**
   * Notices current at `now` for a learner of `place`: the province's own notices and, when `place` has a commune,
   * that commune's; newest first. A place without a province has none.
   */
  current(place: Place, now: Date): Promise<Notice[]>;
}

/** What the admin API needs besides the reader (SQLite and PostgreSQL adapters in storage/). */
export interface NoticeStore extends NoticeReader {
  create(input: NoticeInput, meta: { by: string; at: Date }): Promise<Notice>;
  get(id: number): Promise<Notice | undefined>;
  /** Replaces every field of an existing notice; undefined when there is no such notice. */
  update(id: number, input: NoticeInput, meta: { by: string; at: Date }): Promise<Notice | undefined>;
  /**
   * Every notice inside `scope` (all of them for an empty scope: a deployment-wide account), ended ones included,
   * newest first, at most `limit`.
   */
  list(scope: Place, limit: number): Promise<Notice[]>;
}
