/**
 * Knowledge publishing (issue 13): the database is the source of truth for lessons. Each lesson has at most one
 * draft and a linear history of published versions; the live version is what citizens are served (within its
 * effective window). knowledge/ seeds the database on first start and round-trips through kb:export / kb:import.
 */

/** One stored version of a lesson: the whole Markdown file, immutable once written. */
export interface LessonVersion {
  lessonId: string;
  /** 1, 2, 3… per lesson. */
  version: number;
  markdown: string;
  /** Who published it: an account's username, "knowledge/" for the seed and releases, "kb:import". */
  author: string;
  /** ISO timestamp. */
  at: string;
  /** Why: "publish", "rollback to 3", "seed", "release", "import"… */
  note: string;
}

export interface LessonDraft {
  lessonId: string;
  markdown: string;
  author: string;
  at: string;
  /** The live version the draft was started from (undefined for a new lesson): detects a publish in between. */
  baseVersion?: number;
}

/** A lesson's row: pointers into its history. */
export interface LessonRecord {
  lessonId: string;
  /** The published version citizens get; undefined when never published or retired. */
  liveVersion?: number;
  /** Set when a reviewer retired the lesson: it is no longer served, its history stays. */
  retiredAt?: string;
  /** SHA-256 of the knowledge/ file last seeded or released into this lesson (see seed-from-files.ts). */
  seedHash?: string;
  draft?: LessonDraft;
  updatedAt: string;
}

/** The storage port; SQLite and PostgreSQL adapters live in src/storage/{sqlite,postgres}/lesson-versions.ts. */
export interface LessonVersionStore {
  list(): Promise<LessonRecord[]>;
  get(lessonId: string): Promise<LessonRecord | undefined>;
  /** The live Markdown of every served-or-scheduled lesson (liveVersion set, not retired), for building the index. */
  liveMarkdown(): Promise<Array<{ lessonId: string; version: number; markdown: string }>>;
  version(lessonId: string, version: number): Promise<LessonVersion | undefined>;
  /** Newest first, without Markdown bodies' changes (whole rows; lessons have tens of versions, not thousands). */
  versions(lessonId: string): Promise<LessonVersion[]>;
  saveDraft(draft: LessonDraft): Promise<void>;
  discardDraft(lessonId: string): Promise<void>;
  /**
   * Appends version max+1 with this Markdown, makes it live, clears the draft when asked, un-retires, records
   * `seedHash` when given, and bumps the knowledge generation — one transaction. Returns the new version number.
   */
  publish(input: { lessonId: string; markdown: string; author: string; at: string; note: string; clearDraft: boolean; seedHash?: string }): Promise<number>;
  /** Stops serving the lesson (history kept) and bumps the generation. */
  retire(lessonId: string, at: string): Promise<void>;
  /** Records the file hash without publishing (a release file that conflicts with an admin's edit). */
  setSeedHash(lessonId: string, seedHash: string): Promise<void>;
  /** Increases on every publish, rollback and retire: other instances poll it to pick a change up. */
  generation(): Promise<number>;
}
