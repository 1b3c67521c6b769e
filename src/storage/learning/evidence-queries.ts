import type { EvidenceStore, QuizAttempt } from "../../assistant/learning/ports.js";
import type { XapiStatement } from "../../assistant/learning/xapi-types.js";
import { verbName } from "../../assistant/learning/xapi-types.js";
import { allLinks, learnerGroup, placeholders } from "./learner-groups.js";
import { pickProfile, profileFromRow } from "./learner-queries.js";
import type { SqlRunner, SqlValue } from "./sql-runner.js";
import { num, optional } from "./sql-runner.js";

type Row = Record<string, unknown>;

const attemptFromRow = (r: Row): QuizAttempt => ({
  id: String(r.id),
  learnerId: String(r.learner_id),
  lessonId: String(r.lesson_id),
  attemptNo: num(r.attempt_no),
  total: num(r.total),
  currentIndex: num(r.current_index),
  correct: num(r.correct),
  answers: JSON.parse(String(r.answers)) as number[],
  status: r.status as QuizAttempt["status"],
  startedAt: String(r.started_at),
  questionShownAt: String(r.question_shown_at),
  finishedAt: optional(r.finished_at),
  platform: String(r.platform),
});

/** Lesson id from our activity ids (…/lesson/<id>, …/quiz/<id>, …/quiz/<id>/question/<n>). */
function lessonOf(s: XapiStatement): string {
  return /\/(?:lesson|quiz)\/([^/]+)/.exec(s.object.id)?.[1] ?? "";
}

/**
 * Inserts statements that are not stored yet (ON CONFLICT DO NOTHING on the statement id) and queues exactly the new
 * ones in the outbox — inside the caller's transaction. Queued whether or not an LRS is configured: without one the
 * rows simply wait, so configuring LRS_ENDPOINT later forwards the whole history, each statement once.
 */
export async function insertStatements(t: SqlRunner, statements: XapiStatement[]): Promise<number> {
  let added = 0;
  for (const s of statements) {
    const changed = await t.run(
      `INSERT INTO xapi_statements (id, learner_id, verb, activity_id, lesson_id, registration, timestamp, stored, body)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING`,
      [s.id, s.actor.account.name, verbName(s.verb.id) ?? s.verb.id, s.object.id, lessonOf(s), s.context.registration,
        s.timestamp, s.stored, JSON.stringify(s)],
    );
    if (changed) {
      await t.run(
        "INSERT INTO xapi_outbox (statement_id, next_attempt_at) VALUES (?, ?) ON CONFLICT (statement_id) DO NOTHING",
        [s.id, s.stored],
      );
    }
    added += changed;
  }
  return added;
}

/** Per-learner reads resolve linked accounts (see learner-groups.ts); statements keep their original actor. */
export function evidenceQueries(db: SqlRunner): EvidenceStore {
  return {
    async activeAttempt(learnerId) {
      const ids = await learnerGroup(db, learnerId);
      const [row] = await db.all(
        `SELECT * FROM quiz_attempts WHERE learner_id IN (${placeholders(ids.length)}) AND active = 1 AND status = 'in_progress'
         ORDER BY started_at DESC LIMIT 1`,
        ids,
      );
      return row ? attemptFromRow(row) : undefined;
    },
    async getAttempt(id) {
      const [row] = await db.all("SELECT * FROM quiz_attempts WHERE id = ?", [id]);
      return row ? attemptFromRow(row) : undefined;
    },
    async attemptCount(learnerId, lessonId) {
      const ids = await learnerGroup(db, learnerId);
      const [row] = await db.all(
        `SELECT COUNT(*) AS n FROM quiz_attempts WHERE learner_id IN (${placeholders(ids.length)}) AND lesson_id = ?`,
        [...ids, lessonId],
      );
      return num(row?.n);
    },
    async startAttempt(a) {
      await db.tx(async (t) => {
        const ids = await learnerGroup(t, a.learnerId);
        await t.run(`UPDATE quiz_attempts SET active = 0 WHERE learner_id IN (${placeholders(ids.length)}) AND active = 1`, ids);
        await t.run(
          `INSERT INTO quiz_attempts (id, learner_id, lesson_id, attempt_no, total, current_index, correct, answers, status,
             started_at, question_shown_at, finished_at, platform, active) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)`,
          [a.id, a.learnerId, a.lessonId, a.attemptNo, a.total, a.currentIndex, a.correct, JSON.stringify(a.answers),
            a.status, a.startedAt, a.questionShownAt, a.finishedAt, a.platform],
        );
      });
    },
    async applyAnswer(next, expectedIndex, statements) {
      return db.tx(async (t) => {
        const changed = await t.run(
          `UPDATE quiz_attempts SET current_index = ?, correct = ?, answers = ?, status = ?, question_shown_at = ?, finished_at = ?
           WHERE id = ? AND current_index = ? AND status = 'in_progress'`,
          [next.currentIndex, next.correct, JSON.stringify(next.answers), next.status, next.questionShownAt, next.finishedAt,
            next.id, expectedIndex],
        );
        if (!changed) return false;
        await insertStatements(t, statements);
        return true;
      });
    },
    async appendStatements(statements) {
      return db.tx((t) => insertStatements(t, statements));
    },
    async learnerProgress(learnerId) {
      const ids = await learnerGroup(db, learnerId);
      const rows = await db.all(
        `SELECT DISTINCT verb, lesson_id FROM xapi_statements
         WHERE learner_id IN (${placeholders(ids.length)}) AND verb IN ('completed', 'passed', 'failed')`,
        ids,
      );
      const of = (verb: string) => [...new Set(rows.filter((r) => r.verb === verb).map((r) => String(r.lesson_id)))].sort();
      const passed = of("passed");
      return { completed: of("completed"), passed, failed: of("failed").filter((l) => !passed.includes(l)) };
    },
    async queryStatements(q) {
      const where: string[] = [];
      const params: SqlValue[] = [];
      const add = (sql: string, v: SqlValue) => {
        where.push(sql);
        params.push(v);
      };
      if (q.afterSeq !== undefined) add("seq > ?", q.afterSeq);
      if (q.since) add("stored > ?", q.since);
      if (q.until) add("stored <= ?", q.until);
      if (q.verb) add("verb = ?", verbName(q.verb) ?? q.verb);
      if (q.activity) add("activity_id = ?", q.activity);
      if (q.agentName) add("learner_id = ?", q.agentName);
      params.push(q.limit);
      const rows = await db.all(
        `SELECT seq, body FROM xapi_statements ${where.length ? `WHERE ${where.join(" AND ")}` : ""} ORDER BY seq LIMIT ?`,
        params,
      );
      return rows.map((r) => ({ seq: num(r.seq), statement: JSON.parse(String(r.body)) as XapiStatement }));
    },
    async reportFacts(from, to) {
      // A linked pair is one learner: ids fold to the canonical one, profiles to one per learner (as getProfile).
      const links = await allLinks(db);
      const canon = (id: string) => links.get(id) ?? id;
      const byLearner = new Map<string, ReturnType<typeof profileFromRow>[]>();
      for (const p of (await db.all("SELECT * FROM learning_profiles WHERE consent_at < ?", [to])).map(profileFromRow)) {
        const id = canon(p.learnerId);
        byLearner.set(id, [...(byLearner.get(id) ?? []), p]);
      }
      const profiles = [...byLearner.entries()].flatMap(([id, ps]) => {
        const best = pickProfile(ps, id);
        // The learner consented when the first of their accounts did.
        return best ? [{ ...best, consentAt: ps.map((p) => p.consentAt).sort()[0]! }] : [];
      });
      const events = await db.all(
        `SELECT learner_id, verb, lesson_id, timestamp FROM xapi_statements
         WHERE timestamp < ? AND (verb IN ('completed', 'passed') OR timestamp >= ?)`,
        [to, from],
      );
      const questions = await db.all(
        "SELECT learner_id, text, asked_at FROM learning_questions WHERE asked_at >= ? AND asked_at < ?",
        [from, to],
      );
      return {
        profiles,
        events: events.map((r) => ({ learnerId: canon(String(r.learner_id)), verb: String(r.verb), lessonId: String(r.lesson_id), at: String(r.timestamp) })),
        questions: questions.map((r) => ({ learnerId: canon(String(r.learner_id)), text: String(r.text), at: String(r.asked_at) })),
      };
    },
  };
}
