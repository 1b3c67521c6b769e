/**
 * `npm run fault` scenarios on the SQLite file (issue 11.5 and the kill -9 figure): 12 learners answering quizzes
 * against the real app process while it is killed with SIGKILL, while another process holds the database lock, and
 * after the database file was deleted. Each returns the row the summary table prints.
 */
import Database from "better-sqlite3";
import { mkdtempSync, rmSync, unlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { freePort, probe, sleep, startApp, type RunningApp } from "./fault-app.js";
import { evidenceCheck, newLedger, quizLessons, runLearner, type Ledger } from "./fault-learners.js";

export interface ScenarioRow {
  scenario: string;
  sent: number;
  acked: number;
  lost: number;
  duplicated: number;
  serverErrors: number;
  /** Slowest polite "not now" reply (ms), or undefined when there was none. */
  slowestPoliteMs?: number;
  notes: string[];
}

const LEARNERS = 12;
const DB_NAME = "tro-ly-so.sqlite";
const log = (line: string) => process.stderr.write(`  ${line}\n`);

/** A temp DATA_DIR, the app on a free port, and 12 learners that can be started and stopped. */
async function setUp(name: string) {
  const dataDir = mkdtempSync(join(tmpdir(), `tls-fault-${name}-`));
  const port = await freePort();
  const env = { DATA_DIR: dataDir };
  let app: RunningApp = await startApp(port, env);
  let up: Promise<void> = Promise.resolve();
  let running = true;
  let inWindow = false;
  const ledger: Ledger = newLedger();
  const lessons = quizLessons();
  const learners = Array.from({ length: LEARNERS }, (_, i) =>
    runLearner({
      url: app.url, userId: `fault-${name}-${i}`, lessons, ledger, running: () => running, serverUp: () => up,
      window: () => inWindow, thinkMs: 150,
    }),
  );
  const logErrors: string[] = [];
  return {
    file: join(dataDir, DB_NAME),
    ledger,
    app: () => app,
    logErrors,
    setWindow: (on: boolean) => void (inWindow = on),
    /** SIGKILL and start again on the same DATA_DIR; learners wait for it and resend what was not acknowledged. */
    async killAndRestart() {
      up = (async () => {
        await app.kill();
        logErrors.push(...app.errors);
        app = await startApp(port, env);
      })();
      await up;
    },
    /** Stops the learners (each finishes its request), then the app (SIGTERM). */
    async finish() {
      running = false;
      await Promise.all(learners);
      await app.stop();
      logErrors.push(...app.errors);
    },
    cleanUp: () => rmSync(dataDir, { recursive: true, force: true }),
    /** After finish(): the ledger against the evidence stored in the database file, as one summary row. */
    row(scenario: string, notes: (evidence: ReturnType<typeof evidenceCheck>) => string[]): ScenarioRow {
      const evidence = evidenceCheck(join(dataDir, DB_NAME), ledger.acked);
      return {
        scenario,
        sent: ledger.sent.size,
        acked: ledger.acked.size,
        lost: evidence.lost,
        duplicated: evidence.duplicated,
        serverErrors: ledger.serverErrors,
        slowestPoliteMs: slowest(ledger.politeMs),
        notes: notes(evidence),
      };
    },
  };
}

const slowest = (ms: number[]) => (ms.length ? Math.round(Math.max(...ms)) : undefined);

/** (a) kill -9 three times while 12 learners answer quizzes; restart; acknowledged answers vs stored evidence. */
export async function killDuringQuiz(): Promise<ScenarioRow> {
  const s = await setUp("kill");
  try {
    for (let kill = 1; kill <= 3; kill++) {
      await sleep(4000 + Math.random() * 2000);
      log(`kill -9 #${kill} after ${s.ledger.acked.size} acknowledged answers`);
      await s.killAndRestart();
    }
    await sleep(4000);
    await s.finish();
    return s.row("a kill -9 x3 during quizzes", (evidence) => [
      `${evidence.stored} answered statements stored; ${s.ledger.networkErrors} requests cut by the kills and sent again; ` +
        `${s.ledger.throttled} "too fast" replies`,
    ]);
  } finally {
    s.cleanUp();
  }
}

/** GET /health and /ready every 250 ms until stopped: the slowest /health and the /ready statuses seen. */
function watchProbes(url: () => string) {
  let on = true;
  const health: number[] = [];
  const ready = new Map<string, number>();
  const done = (async () => {
    while (on) {
      const h = await probe(url(), "/health");
      health.push(h.ms);
      const r = await probe(url(), "/ready");
      const checks = r.body?.checks as { database?: string } | undefined;
      const key = `${r.status}${r.status === 200 ? "" : ` (${(checks?.database ?? "?").replace(/\/\S+/g, "…").replace(/ \(waited \d+ ms\)/, "").slice(0, 70)})`}`;
      ready.set(key, (ready.get(key) ?? 0) + 1);
      await sleep(250);
    }
  })();
  return {
    async stop() {
      on = false;
      await done;
      return { slowestHealthMs: slowest(health) ?? 0, ready: [...ready.entries()].map(([k, n]) => `${k} ×${n}`).join(", ") };
    },
  };
}

/** (b) another process holds the database lock for 10 s while learners answer; then releases it. */
export async function lockedDatabase(): Promise<ScenarioRow> {
  const s = await setUp("lock");
  try {
    await sleep(4000);
    const before = s.ledger.acked.size;
    const probes = watchProbes(() => s.app().url);
    const other = new Database(s.file);
    other.exec("BEGIN EXCLUSIVE");
    log(`database locked by another process for 10 s (${before} answers acknowledged before)`);
    await sleep(10_000);
    other.exec("COMMIT");
    other.close();
    const duringLock = s.ledger.acked.size - before;
    const seen = await probes.stop();
    log("lock released");
    await sleep(5000);
    await s.finish();
    return s.row("b database locked 10 s", () => [
      `${s.ledger.politeMs.length} polite "busy" replies, ${duringLock} answers acknowledged during the lock, ` +
        `${s.ledger.throttled} "too fast" replies`,
      `slowest /health during the lock ${seen.slowestHealthMs} ms; /ready: ${seen.ready}`,
    ]);
  } finally {
    s.cleanUp();
  }
}

/** (c) the database file is deleted while the server runs: nothing written after it may be acknowledged. */
export async function deletedDatabase(): Promise<ScenarioRow> {
  const s = await setUp("deleted");
  try {
    await sleep(4000);
    const sentBefore = s.ledger.sent.size;
    const ackedBefore = s.ledger.acked.size;
    unlinkSync(s.file);
    s.setWindow(true);
    log(`database file deleted (${ackedBefore} answers acknowledged before)`);
    const probes = watchProbes(() => s.app().url);
    await sleep(6000);
    const seen = await probes.stop();
    await s.finish();
    const instructed = s.logErrors.some((line) => /deleted.*restore/.test(line));
    return {
      scenario: "c database file deleted",
      sent: s.ledger.sent.size - sentBefore,
      acked: s.ledger.ackedInWindow.size,
      // Every answer acknowledged after the deletion went into a file nobody will read again.
      lost: s.ledger.ackedInWindow.size,
      duplicated: 0,
      serverErrors: s.ledger.serverErrors,
      slowestPoliteMs: slowest(s.ledger.politeMs),
      notes: [
        `counts after the deletion; ${s.ledger.politeMs.length} polite replies`,
        `/ready: ${seen.ready}; slowest /health ${seen.slowestHealthMs} ms`,
        `log says what to do (restore): ${instructed ? "yes" : "no"}`,
      ],
    };
  } finally {
    s.cleanUp();
  }
}
