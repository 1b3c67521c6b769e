/**
 * Simulated learners for `npm run fault`: each takes quizzes through POST /api/chat as the web page does (onboarding
 * skipped, an option tapped per question), and keeps a ledger of what it sent and what the server acknowledged. An
 * answer whose request failed (process killed) or was refused politely (database busy) is sent again, as a learner
 * or a redelivering platform would. `evidenceCheck` then compares the acknowledged answers with the xAPI "answered"
 * statements in the SQLite file: lost = acknowledged but not stored, duplicated = one question stored twice.
 */
import Database from "better-sqlite3";
import { createHash } from "node:crypto";
import { loadKnowledge } from "../src/curriculum/load.js";
import { chat, isPoliteRefusal, sleep, type ChatReply } from "./fault-app.js";

export interface Ledger {
  /** Distinct answers sent ("qa:<attempt>:<question>:<option>" actions; a resend is not counted again). */
  sent: Set<string>;
  /** Answers acknowledged: HTTP 200 with a reply that is not an error. Keyed attempt:question. */
  acked: Set<string>;
  /** Times of polite refusals (storage busy / error reply / 429 / 503). */
  politeMs: number[];
  /** HTTP 5xx other than 503, or a 200 that is neither an answer nor polite. */
  serverErrors: number;
  /** "Bạn gửi nhanh quá" (HTTP 429): the per-learner rate limit, sent again a second later. */
  throttled: number;
  /** Requests that failed on the network (process killed, connection refused). */
  networkErrors: number;
  /** Answers sent while `window()` was true (e.g. after the database file was deleted) and acknowledged. */
  ackedInWindow: Set<string>;
}

export const newLedger = (): Ledger => ({
  sent: new Set(), acked: new Set(), politeMs: [], serverErrors: 0, throttled: 0, networkErrors: 0, ackedInWindow: new Set(),
});

const STOP_GRACE_MS = 5000;

/** "qa:<short attempt>:<question index>:<option>" → "<short attempt>:<question index>". */
const answerKey = (action: string) => action.split(":").slice(1, 3).join(":");

export function quizLessons(knowledgeDir = "knowledge"): string[] {
  return loadKnowledge(knowledgeDir).lessons.filter((l) => l.quiz.length > 0).map((l) => l.id);
}

export interface LearnerRun {
  url: string;
  userId: string;
  lessons: string[];
  ledger: Ledger;
  /** Keep going while this is true (then at most STOP_GRACE_MS more for an answer not yet acknowledged). */
  running: () => boolean;
  /** Resolves when the server is (again) up: awaited after a network error. */
  serverUp: () => Promise<void>;
  /** Answers sent while this is true and acknowledged are also counted in ledger.ackedInWindow. */
  window?: () => boolean;
  /** Pause between turns (a person reads the question first). */
  thinkMs?: number;
}

/** One learner: quizzes one lesson after another until `running()` turns false. */
export async function runLearner(run: LearnerRun): Promise<void> {
  const { ledger } = run;
  let lessonIndex = Number.parseInt(createHash("sha256").update(run.userId).digest("hex").slice(0, 6), 16) % run.lessons.length;
  let current: ChatReply | undefined;
  let pending: { userId: string; action: string } | undefined;
  let stoppedAt: number | undefined;
  for (;;) {
    // Once stopped, an answer still waiting for its acknowledgement is sent again for a few more seconds, so "sent
    // but never acknowledged" means refused for good, not cut off by the end of the scenario.
    if (!run.running()) {
      stoppedAt ??= Date.now();
      if (!pending || Date.now() - stoppedAt > STOP_GRACE_MS) break;
    }
    let body = pending;
    if (!body) {
      if (current?.quiz) {
        const { actions } = current.quiz;
        body = { userId: run.userId, action: actions[Math.floor(Math.random() * actions.length)]! };
      } else {
        const onboarding = current?.buttons?.find((b) => b.action === "ob:skip" || b.action === "ob:yes");
        body = { userId: run.userId, action: onboarding ? onboarding.action : `qz:s:${run.lessons[lessonIndex++ % run.lessons.length]}` };
      }
    }
    const isAnswer = body.action.startsWith("qa:");
    if (isAnswer) ledger.sent.add(body.action);
    // Judged when the request leaves: an answer committed just before the deletion but answered just after was
    // acknowledged for a write made while the file existed.
    const sentInWindow = run.window?.() ?? false;
    let result: Awaited<ReturnType<typeof chat>>;
    try {
      result = await chat(run.url, body);
    } catch {
      ledger.networkErrors += 1;
      pending = body; // sent again once the server is back, like a redelivery
      await run.serverUp();
      continue;
    }
    if (result.status === 429) {
      ledger.throttled += 1; // the per-learner limit (issue 11.3), not an outage
      pending = body;
      await sleep(1000);
      continue;
    }
    if (isPoliteRefusal(result.status, result.reply)) {
      ledger.politeMs.push(result.ms);
      pending = body;
      await sleep(300);
      continue;
    }
    if (result.status !== 200 || !result.reply) {
      ledger.serverErrors += 1;
      pending = undefined;
      current = undefined;
      await sleep(300);
      continue;
    }
    pending = undefined;
    if (isAnswer) {
      ledger.acked.add(answerKey(body.action));
      if (sentInWindow) ledger.ackedInWindow.add(answerKey(body.action));
    }
    current = result.reply;
    if (run.thinkMs) await sleep(run.thinkMs);
  }
}

/** Acknowledged answers compared with the "answered" statements stored in the SQLite file (read after a stop). */
export function evidenceCheck(file: string, acked: Set<string>) {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const rows = db
      .prepare("SELECT registration, activity_id AS activity FROM xapi_statements WHERE verb LIKE '%answered'")
      .all() as Array<{ registration: string | null; activity: string }>;
    const stored = new Map<string, number>();
    for (const row of rows) {
      const question = /\/question\/(\d+)$/.exec(row.activity);
      if (!row.registration || !question) continue;
      const key = `${createHash("sha256").update(row.registration).digest("hex").slice(0, 8)}:${Number(question[1]) - 1}`;
      stored.set(key, (stored.get(key) ?? 0) + 1);
    }
    const lost = [...acked].filter((key) => !stored.has(key)).length;
    const duplicated = [...stored.values()].reduce((sum, n) => sum + (n - 1), 0);
    return { stored: rows.length, lost, duplicated };
  } finally {
    db.close();
  }
}
