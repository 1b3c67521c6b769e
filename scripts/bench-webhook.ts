/**
 * npm run bench:webhook [-- --duration 10] [--passes 3] [--connections 50] [--log-level info] [--drain 20] [--cpu-prof DIR]
 *
 * The Telegram webhook path under load, side by side in one run: the app started as production starts it (`node
 * scripts/start.mjs`, webhook mode, its Bot API root pointed at a fake Bot API on 127.0.0.1 that counts calls) and a
 * bare fastify 5 server acknowledging the same POST /webhooks/telegram bodies. autocannon posts text updates, each
 * from a new private chat, rotating the bench questions ("varied": 3,200 distinct texts, beyond what the app
 * remembers of recent questions, so every answer is worked out afresh). Per pass it prints updates/s
 *   received  — acknowledged 200 by the webhook (what Telegram sees),
 *   answered  — fully processed by the channel: channel_inbox rows marked done in the app's SQLite file (the durable
 *               inbox; not counted without one),
 *   sent      — sendMessage calls that reached the fake Bot API,
 * and the ratio of received to bare fastify. The channel paces sends to Telegram's published limit (30 messages/s
 * over all chats), so `sent` is capped there by design; after the passes the bench waits up to --drain seconds and
 * reports what is still waiting (pending channel_outbox rows). Figures only; loads only target 127.0.0.1.
 *
 * Two modes, each with its own app and data directory (`--modes paced,unpaced` by default): `paced` is the production
 * default (30 sends/s) and what a real deployment gets; `unpaced` lifts the pacing (TELEGRAM_SENDS_PER_SECOND=100000)
 * to show what the pipeline itself can send. `--cpu-prof DIR` has each app write a V8 CPU profile when it stops.
 */
import Database from "better-sqlite3";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { ChildProcess } from "node:child_process";
import { benchQuestion } from "./bench-questions.js";
import { appEnv, flags, freePort, HOST, line, machineLine, pass, rssMb, spawnNode, spread, stop, summary, waitReady, type PassResult } from "./bench-common.js";

const flag = flags(process.argv.slice(2));
const DURATION_S = Math.min(60, Number(flag("--duration", "10")));
const PASSES = Math.min(10, Number(flag("--passes", "3")));
const CONNECTIONS = Math.min(200, Number(flag("--connections", "50")));
const LOG_LEVEL = flag("--log-level", "info");
const DRAIN_S = Math.min(120, Number(flag("--drain", "20")));
/** Where the app writes a V8 CPU profile (node --cpu-prof) when it stops; none by default (profiling costs CPU). */
const CPU_PROF_DIR = flag("--cpu-prof", "");
const SECRET = "bench-webhook-secret-0123";
const PATH = "/webhooks/telegram";

const BARE_SERVER = `
import Fastify from "fastify";
const app = Fastify({ logger: false });
app.post("${PATH}", async () => ({ ok: true, duplicate: false }));
app.get("/ready", async () => ({ ready: true }));
await app.listen({ host: "${HOST}", port: Number(process.env.PORT) });
`;

/** A Bot API stand-in that answers every method at once and counts calls per method (GET /__counts). */
const FAKE_BOT_API = `
import Fastify from "fastify";
const app = Fastify({ logger: false });
const counts = {};
let nextId = 1;
const me = { id: 777, is_bot: true, first_name: "Trợ lý số", username: "TroLySoBenchBot" };
app.get("/__counts", async () => counts);
app.post("/*", async (request) => {
  const method = (/^\\/bot[^/]+\\/(\\w+)/.exec(request.url) ?? [])[1] ?? "unknown";
  counts[method] = (counts[method] ?? 0) + 1;
  const p = request.body ?? {};
  const chat = { id: Number(p.chat_id), type: "private" };
  switch (method) {
    case "getMe": return { ok: true, result: me };
    case "getWebhookInfo": return { ok: true, result: { url: "", has_custom_certificate: false, pending_update_count: 0 } };
    case "sendMessage": return { ok: true, result: { message_id: nextId++, date: 1, chat, from: me, text: p.text } };
    case "sendPoll": return { ok: true, result: { message_id: nextId++, date: 1, chat, from: me, poll: { id: "poll-" + nextId, question: p.question, options: [] } } };
    default: return { ok: true, result: true };
  }
});
await app.listen({ host: "${HOST}", port: Number(process.env.PORT) });
`;

let updates = 0;
/** A text update from a new private chat (a new learner per update), the next question of the rotation. */
function nextUpdate(): string {
  const n = updates++;
  const id = 500_000_000 + n;
  const person = { id, is_bot: false, first_name: "Bench", language_code: "vi" };
  return JSON.stringify({
    update_id: 1_000_000 + n,
    message: { message_id: n + 1, date: Math.floor(Date.now() / 1000), chat: { id, type: "private", first_name: "Bench" }, from: person, text: benchQuestion(n, "varied") },
  });
}

const webhookPass = (port: number, seconds: number, pid?: number) =>
  pass({ port, path: PATH, seconds, connections: CONNECTIONS, pid, body: nextUpdate, headers: { "x-telegram-bot-api-secret-token": SECRET } });

async function botApiCounts(port: number): Promise<Record<string, number>> {
  return (await (await fetch(`http://${HOST}:${port}/__counts`)).json()) as Record<string, number>;
}

/** Done inbox rows and pending outbox rows in the app's SQLite file; undefined when the tables do not exist. */
function durableCounts(file: string): { done?: number; pending?: number } {
  if (!existsSync(file)) return {};
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const has = (table: string) => !!db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(table);
    const count = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
    return {
      done: has("channel_inbox") ? count("SELECT count(*) AS n FROM channel_inbox WHERE channel = 'telegram' AND done_at IS NOT NULL") : undefined,
      pending: has("channel_outbox") ? count("SELECT count(*) AS n FROM channel_outbox WHERE channel = 'telegram' AND state = 'pending'") : undefined,
    };
  } finally {
    db.close();
  }
}

/** A bench mode: the production default pacing, or pacing lifted to see what the pipeline itself can do. */
interface Mode {
  label: string;
  sendsPerSecond: number;
}
const PACED: Mode = { label: "paced (default, 30 sends/s: what a deployment gets)", sendsPerSecond: 30 };
const UNPACED: Mode = { label: "pacing lifted (TELEGRAM_SENDS_PER_SECOND=100000: the pipeline's own capacity)", sendsPerSecond: 100_000 };
const MODES = flag("--modes", "paced,unpaced")
  .split(",")
  .map((m) => (m.trim() === "unpaced" ? UNPACED : PACED));

const children: ChildProcess[] = [];
/** One mode: a fresh app (own data directory) started as production does, warmed up, then the passes beside bare fastify. */
async function runMode(mode: Mode, ports: { bare: number; fake: number }, bare: ChildProcess): Promise<string[]> {
  const dataDir = mkdtempSync(join(tmpdir(), "tls-bench-webhook-"));
  const dbFile = join(dataDir, "tro-ly-so.sqlite");
  const appPort = await freePort();
  let app: ChildProcess | undefined;
  try {
    console.log(`\n=== ${mode.label}`);
    console.log("starting the app as production does (node scripts/start.mjs), Telegram in webhook mode against the fake Bot API…");
    const started = performance.now();
    app = spawnNode(
      [...(CPU_PROF_DIR ? ["--cpu-prof", `--cpu-prof-dir=${CPU_PROF_DIR}`] : []), "scripts/start.mjs"],
      appEnv(dataDir, appPort, LOG_LEVEL, {
        TELEGRAM_BOT_TOKEN: "123456:bench",
        TELEGRAM_API_ROOT: `http://${HOST}:${ports.fake}`,
        TELEGRAM_WEBHOOK_URL: `http://${HOST}:${appPort}${PATH}`,
        TELEGRAM_WEBHOOK_SECRET: SECRET,
        TELEGRAM_SENDS_PER_SECOND: String(mode.sendsPerSecond),
      }),
    );
    children.push(app);
    await waitReady(`http://${HOST}:${appPort}/ready`, app, 300_000);
    console.log(`app ready in ${Math.round(performance.now() - started)} ms, RSS ${rssMb(app.pid)} MB`);
    await new Promise((r) => setTimeout(r, 1000)); // getMe and setMyCommands after listen

    console.log("warm-up: 3 s each");
    await webhookPass(ports.bare, 3);
    await webhookPass(appPort, 3, app.pid);
    console.log(`app RSS after warm-up: ${rssMb(app.pid)} MB`);

    const bareResults: PassResult[] = [];
    const received: PassResult[] = [];
    const answered: number[] = [];
    const sent: number[] = [];
    let answeredBy = "";
    for (let i = 1; i <= PASSES; i++) {
      const b = await webhookPass(ports.bare, DURATION_S, bare.pid);
      bareResults.push(b);
      console.log(line(`pass ${i} bare fastify`, b, "updates/s"));
      const apiBefore = await botApiCounts(ports.fake);
      const dbBefore = durableCounts(dbFile);
      const a = await webhookPass(appPort, DURATION_S, app.pid);
      const apiAfter = await botApiCounts(ports.fake);
      const dbAfter = durableCounts(dbFile);
      const delta = (after = 0, before = 0) => (after - before) / DURATION_S;
      const viaInbox = dbAfter.done !== undefined && dbAfter.done > 0;
      // Only the durable inbox tells when an update was fully answered (typing is shown only for slow answers).
      answeredBy = viaInbox ? "channel_inbox rows marked done" : "not counted: no durable inbox in use";
      const answeredPerS = viaInbox ? delta(dbAfter.done, dbBefore.done) : Number.NaN;
      const sentPerS = delta(apiAfter.sendMessage, apiBefore.sendMessage);
      received.push(a);
      answered.push(answeredPerS);
      sent.push(sentPerS);
      console.log(`${line(`pass ${i} webhook received`, a, "updates/s")}`);
      console.log(`${"".padEnd(24)} answered ${answeredPerS.toFixed(0)}/s  sent ${sentPerS.toFixed(1)}/s${dbAfter.pending !== undefined ? `  outbox pending ${dbAfter.pending}` : ""}`);
    }
    const ratio = (values: number[]) => spread(values.map((v, i) => (100 * v) / (bareResults[i]?.perSecond || 1)), 2);
    const report = [
      `--- ${mode.label}: summary over ${PASSES} passes (min / median / max); answered = ${answeredBy}`,
      summary("bare fastify 5", bareResults, "updates/s"),
      summary("webhook received (app)", received, "updates/s"),
      `${"webhook answered (app)".padEnd(24)} updates/s ${spread(answered)}`,
      `${"webhook sent (app)".padEnd(24)} messages/s ${spread(sent, 1)}`,
      `received / bare fastify ${ratio(received.map((r) => r.perSecond))} %; answered / bare ${ratio(answered)} %; sent / bare ${ratio(sent)} %`,
    ];
    console.log(`\n${report.join("\n")}`);

    const drainFrom = performance.now();
    const last = (await botApiCounts(ports.fake)).sendMessage ?? 0;
    let pending = durableCounts(dbFile).pending;
    while (performance.now() - drainFrom < DRAIN_S * 1000 && pending !== 0) {
      await new Promise((r) => setTimeout(r, 1000));
      pending = durableCounts(dbFile).pending;
    }
    const now = (await botApiCounts(ports.fake)).sendMessage ?? 0;
    const drainS = (performance.now() - drainFrom) / 1000;
    const drained =
      `after the passes: ${now - last} more messages sent in ${drainS.toFixed(0)} s of drain (${((now - last) / drainS).toFixed(1)}/s)` +
      `${pending !== undefined ? `, ${pending} still pending in channel_outbox` : ""}; app RSS ${rssMb(app.pid)} MB`;
    console.log(drained);
    return [...report, drained];
  } finally {
    if (app) await stopApp(app);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** A profiled app writes its profile only once it has shut down cleanly (paced sends in flight finish first). */
async function stopApp(app: ChildProcess): Promise<void> {
  if (CPU_PROF_DIR && app.exitCode === null) {
    const exited = new Promise((r) => app.once("exit", r));
    app.kill("SIGTERM");
    await Promise.race([exited, new Promise((r) => setTimeout(r, 60_000))]);
  }
  await stop(app);
}

try {
  console.log(`Webhook bench on ${process.platform}/${process.arch}, Node ${process.version}: ${CONNECTIONS} connections, ${PASSES} passes × ${DURATION_S} s per target, Telegram text updates from a new chat each.`);
  console.log(`Before the run: ${machineLine()}`);
  const [barePort, fakePort] = [await freePort(), await freePort()];
  const bare = spawnNode(["--input-type=module", "-e", BARE_SERVER], { ...process.env, PORT: String(barePort) });
  const fake = spawnNode(["--input-type=module", "-e", FAKE_BOT_API], { ...process.env, PORT: String(fakePort) });
  children.push(bare, fake);
  await waitReady(`http://${HOST}:${fakePort}/__counts`, fake, 30_000);
  await waitReady(`http://${HOST}:${barePort}/ready`, bare, 30_000);
  const reports: string[][] = [];
  for (const mode of MODES) reports.push(await runMode(mode, { bare: barePort, fake: fakePort }, bare));
  console.log(`\n======== Summary (each mode's ratios against bare fastify measured in the same passes)`);
  for (const report of reports) console.log(report.join("\n"));
  console.log(`\nAfter the run: ${machineLine()}`);
} finally {
  for (const child of children) await stop(child);
}
