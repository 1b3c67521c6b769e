import type { LearningStore } from "../../assistant/learning/ports.js";
import { evidenceQueries } from "./evidence-queries.js";
import { rememberGroups } from "./learner-groups.js";
import { learnerQueries } from "./learner-queries.js";
import { contactQueries, mentorQueries, outboxQueries } from "./outbox-mentor-queries.js";
import type { SqlRunner } from "./sql-runner.js";

export type { SqlRunner } from "./sql-runner.js";

/** The learning store over any SqlRunner (SQLite or PostgreSQL). */
export function createLearningStore(db: SqlRunner): LearningStore {
  rememberGroups(db);
  return {
    ...learnerQueries(db),
    ...evidenceQueries(db),
    ...outboxQueries(db),
    ...mentorQueries(db),
    ...contactQueries(db),
    close: () => db.close(),
  };
}
