/**
 * Ports: the small role interfaces the assistant core owns. Adapters (storage/, retrieval/, llm/) implement them;
 * the core never imports an adapter.
 */

/** A searchable piece of a lesson: one `##` section (or a slice of a long one) with its lesson context. */
export interface Chunk {
  /** Stable id: `${lessonId}#${sectionSlug}` (plus `~n` for slices). */
  id: string;
  lessonId: string;
  lessonTitle: string;
  topic: string;
  section: string;
  /** Section body as written (lead text, steps, safety note), without the questions block. */
  body: string;
  /** Lead sentence(s) before the steps. */
  lead: string;
  /** Numbered steps, in order, without their numbers. */
  steps: string[];
  /** Text of the `**Lưu ý an toàn:**` paragraph, without the label. */
  safetyNote?: string;
  /** Paraphrases people use for this section (the `<!-- questions -->` block). */
  questions: string[];
  sourceUrl: string;
  sourceTitle: string;
  /** Lesson `updated`, YYYY-MM-DD. */
  updated: string;
  timeSensitive: boolean;
  /** The act-now steps for emergencies ("bị lừa", "lỡ chuyển tiền"…): shown first when one is asked. */
  actNow?: boolean;
}

export interface RetrievalHit {
  chunk: Chunk;
  /** Fused score (higher is better); comparable only within one query. */
  score: number;
  /**
   * Optional calibrated confidence (0..1, comparable across queries) that this section answers the query. When the
   * retriever supplies it, the QA feature uses it against the threshold it was calibrated with; otherwise the core
   * computes its own (answering/confidence.ts).
   */
  confidence?: number;
}

/** Finds the sections that answer a question. */
export interface Retriever {
  /** Best `k` sections for the query, best first. */
  search(query: string, k: number): Promise<RetrievalHit[]>;
  /** The section with this chunk id, if it still exists (used when a learner picks one of several offered). */
  get?(chunkId: string): Chunk | undefined;
}

/** Optional language model used to phrase a grounded answer. Absent in the embedded default. */
export interface ChatModel {
  /**
   * Returns the model's text for a system prompt and a user prompt. `timeoutMs` is the time this answer has left: an
   * adapter gives up by then (the caller keeps the extractive answer), whatever its own configured timeout.
   */
  complete(system: string, user: string, options?: { timeoutMs?: number }): Promise<string>;
}

/** Per-learner conversation position (step mode, last topic for follow-ups, pending flows). JSON-serialisable. */
export type ConversationState = Record<string, unknown>;

/** Persists conversation state so that it survives a restart. Keyed by opaque learner id. */
export interface ConversationStore {
  get(learnerId: string): Promise<ConversationState | undefined>;
  /**
   * Saving an empty state forgets the learner: adapters delete the row ("Xoá hồ sơ" empties the state). `json` is
   * `JSON.stringify(state)` when the caller has it already (the router compares it to decide whether to save).
   */
  set(learnerId: string, state: ConversationState, json?: string): Promise<void>;
}

/** Questions the assistant refused or was unsure about: normalised text and count only, never who asked. */
export interface UnansweredLog {
  record(normalizedText: string, reason: "out_of_scope" | "low_confidence"): Promise<void>;
  top(limit: number): Promise<Array<{ text: string; reason: string; count: number; lastAt: string }>>;
}

/**
 * A question log with a retention period (issue 11: QUESTION_RETENTION_DAYS). Deletes the rows last written before
 * `before` and returns how many went; the periodic retention job calls it.
 */
export interface ExpiringLog {
  deleteBefore(before: Date): Promise<number>;
  /** Redacts rows written before redaction existed (idempotent; the job runs it once per start). Returns rows changed. */
  redactStored?(): Promise<number>;
}

/**
 * Told about every question the QA feature handles, so the learning side can record "question asked" evidence per
 * learner. Optional; a failing observer is logged and never breaks the answer.
 */
export interface QuestionObserver {
  questionAsked(e: {
    learnerId: string;
    text: string;
    lessonId?: string;
    confidence: number;
    answered: boolean;
    at: Date;
    /** The turn it was asked in: reads other parts of the turn need too are shared through oncePerTurn. */
    turn?: object;
  }): Promise<void>;
}
