/**
 * npm run fault [-- --only a,b,c,d,e] [--telegram-outage 60] — issue 11's fault figures, against the real app process (compiled, started
 * like `npm start`, temp DATA_DIR, 127.0.0.1 only):
 *
 *   a  kill -9 three times while 12 learners answer quizzes; restart; acknowledged answers vs stored evidence
 *   b  the SQLite database locked by another process for 10 s
 *   c  the SQLite database file deleted while the server runs
 *   d  embeddings / LLM endpoints down and hanging (runs scripts/fault-embeddings-llm.ts and reads its table)
 *   e  the Telegram Bot API answering 429 / 5xx for a minute, updates sent to the webhook meanwhile
 *
 * For each: what was sent, acknowledged, lost, duplicated, server errors and the slowest polite "not now" reply;
 * then a summary table against the targets (0 server errors, 0 acknowledged lost, 0 duplicated, every outage
 * answered politely within 3 s). Progress lines go to stderr. Figures only: nothing is asserted, exit code 0.
 */
import { spawnSync } from "node:child_process";
import { endpointScenarios } from "./fault-endpoints.js";
import { deletedDatabase, killDuringQuiz, lockedDatabase, type ScenarioRow } from "./fault-sqlite.js";
import { telegramOutage } from "./fault-telegram.js";

const args = process.argv.slice(2);
const onlyFlag = args.indexOf("--only");
const only = new Set((onlyFlag >= 0 ? args[onlyFlag + 1] ?? "" : "a,b,c,d,e").split(",").map((s) => s.trim()));
const outageFlag = args.indexOf("--telegram-outage");
const telegramOutageMs = outageFlag >= 0 ? Math.max(5, Number(args[outageFlag + 1]) || 60) * 1000 : 60_000;

const POLITE_TARGET_MS = 3000;

const scenarios: Array<[string, string, () => Promise<ScenarioRow[]>]> = [
  ["a", "kill -9 during quiz answers", async () => [await killDuringQuiz()]],
  ["b", "database locked by another process for 10 s", async () => [await lockedDatabase()]],
  ["c", "database file deleted", async () => [await deletedDatabase()]],
  ["d", "embeddings / LLM down or hanging", endpointScenarios],
  ["e", "Telegram Bot API 429 / 5xx for a minute", async () => [await telegramOutage({ outageMs: telegramOutageMs })]],
];

// Build dist/ once up front (start.mjs would do it on the first start), so no scenario's timing includes it.
process.stderr.write("building dist/ when stale…\n");
const build = spawnSync(process.execPath, ["-e", "const b = await import('./scripts/build.mjs'); if (b.isStale()) b.build();", "--input-type=module"], {
  stdio: "inherit",
});
if (build.status !== 0) process.exit(build.status ?? 1);

const started = Date.now();
const rows: ScenarioRow[] = [];
for (const [id, title, run] of scenarios) {
  if (!only.has(id)) continue;
  process.stderr.write(`scenario ${id}: ${title}…\n`);
  const t0 = Date.now();
  try {
    const out = await run();
    rows.push(...out);
    for (const row of out) printRow(row);
  } catch (error) {
    const row: ScenarioRow = {
      scenario: `${id} ${title}`, sent: 0, acked: 0, lost: 0, duplicated: 0, serverErrors: 0,
      notes: [`did not run: ${(error as Error).message.split("\n")[0]}`],
    };
    rows.push(row);
    printRow(row);
  }
  process.stderr.write(`scenario ${id} done in ${Math.round((Date.now() - t0) / 1000)} s\n`);
}

function printRow(row: ScenarioRow) {
  console.log(`\n${row.scenario}`);
  console.log(
    `  sent ${row.sent}, acknowledged ${row.acked}, lost ${row.lost}, duplicated ${row.duplicated}, server errors ${row.serverErrors}, ` +
      `slowest polite reply ${row.slowestPoliteMs === undefined ? "n/a" : `${row.slowestPoliteMs} ms`}`,
  );
  for (const note of row.notes) console.log(`  ${note}`);
}

const verdict = (row: ScenarioRow) =>
  row.notes.some((n) => n.startsWith("did not run"))
    ? "not run"
    : row.serverErrors === 0 && row.lost === 0 && row.duplicated === 0 && (row.slowestPoliteMs ?? 0) <= POLITE_TARGET_MS
      ? "ok"
      : "MISSED";

console.log(`\nSummary (targets: 0 server errors, 0 lost, 0 duplicated, polite within ${POLITE_TARGET_MS} ms); ${Math.round((Date.now() - started) / 1000)} s in all`);
console.log("scenario                               sent   acked   lost   dup  5xx  slowest polite  target");
for (const row of rows) {
  console.log(
    [
      row.scenario.slice(0, 37).padEnd(37),
      String(row.sent).padStart(6),
      String(row.acked).padStart(7),
      String(row.lost).padStart(6),
      String(row.duplicated).padStart(5),
      String(row.serverErrors).padStart(4),
      (row.slowestPoliteMs === undefined ? "n/a" : `${row.slowestPoliteMs} ms`).padStart(15),
      ` ${verdict(row)}`,
    ].join(" "),
  );
}
