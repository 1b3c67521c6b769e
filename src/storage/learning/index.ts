import type { LearningStore } from "../../assistant/learning/ports.js";
import { evidenceQueries } from "./evidence-queries.js";
import { learnerQueries } from "./learner-queries.js";
import { mentorQueries, outboxQueries } from "./outbox-mentor-queries.js";
import type { SqlRunner } from "./sql-runner.js";

export type { SqlRunner } from "./sql-runner.js";

/** Options kept for callers written before every statement was queued. */
export interface LearningStoreOptions {
  /**
   * @deprecated No effect. Every new statement is queued in the outbox in the transaction that stores it, whether or
   * not an LRS is configured, so configuring one later forwards the history (see evidence-queries.ts).
   */
  outbox?: boolean;
}

/** The learning store over any SqlRunner (SQLite or PostgreSQL). */
export function createLearningStore(db: SqlRunner, _opts: LearningStoreOptions = {}): LearningStore {
  return {
    ...learnerQueries(db),
    ...evidenceQueries(db),
    ...outboxQueries(db),
    ...mentorQueries(db),
    close: () => db.close(),
  };
}
