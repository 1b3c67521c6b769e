import type { LearningStore } from "../../assistant/learning/ports.js";
import { evidenceQueries } from "./evidence-queries.js";
import { learnerQueries } from "./learner-queries.js";
import { mentorQueries, outboxQueries } from "./outbox-mentor-queries.js";
import type { SqlRunner } from "./sql-runner.js";

export type { SqlRunner } from "./sql-runner.js";

/**
 * The learning store over any SqlRunner (SQLite or PostgreSQL). `outbox: true` when an LRS is configured: every new
 * statement is then queued for forwarding in the same transaction that stores it.
 */
export function createLearningStore(db: SqlRunner, opts: { outbox: boolean }): LearningStore {
  return {
    ...learnerQueries(db),
    ...evidenceQueries(db, opts),
    ...outboxQueries(db),
    ...mentorQueries(db),
    close: () => db.close(),
  };
}
