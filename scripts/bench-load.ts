/**
 * npm run bench:load [-- --duration 10] [--passes 3] [--connections 50] [--log-level info] [--cold-starts 3]
 *
 * Throughput under load, side by side in one run: the app started the way production starts it (`node
 * scripts/start.mjs`: compiled dist/, rebuilt first when stale; a temp DATA_DIR with SQLite; no token, no LLM) and a
 * bare fastify 5 server that echoes the same POST /api/chat bodies, each in its own process on 127.0.0.1. autocannon
 * sends rotating Vietnamese questions (scripts/bench-questions.ts, not the eval set), every request from a new
 * user, over N connections for a fixed duration per pass; passes alternate bare / app after a short warm-up (its users
 * are never reused). Prints per pass answers/s, p50/p95/p99, errors and the app's RSS, then min/median/max over the
 * passes and the ratio app / bare. Then cold start with the index now on disk: `node dist/main.js` spawned until the
 * first 200 on GET /ready, against bare fastify's spawn-to-first-200, several times. The load generator shares the
 * machine's cores with the servers, as in the figures. Figures only: nothing is asserted. Loads only ever
 * target 127.0.0.1 and are bounded in time. The Telegram webhook path: npm run bench:webhook.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { ChildProcess } from "node:child_process";
import { BENCH_QUESTIONS } from "./bench-questions.js";
import { appEnv, flags, freePort, HOST, line, machineLine, pass, rssMb, spawnNode, spread, stop, summary, waitReady, type PassResult } from "./bench-common.js";

const flag = flags(process.argv.slice(2));
const DURATION_S = Math.min(60, Number(flag("--duration", "10")));
const PASSES = Math.min(10, Number(flag("--passes", "3")));
const CONNECTIONS = Math.min(200, Number(flag("--connections", "50")));
const LOG_LEVEL = flag("--log-level", "info");
const COLD_STARTS = Math.min(10, Number(flag("--cold-starts", "3")));

const BARE_SERVER = `
import Fastify from "fastify";
const app = Fastify({ logger: false });
app.post("/api/chat", async (request) => {
  const body = request.body ?? {};
  return { kind: "answer", text: String(body.text ?? ""), html: "", sources: [], confidence: 1 };
});
app.get("/ready", async () => ({ ready: true }));
await app.listen({ host: "${HOST}", port: Number(process.env.PORT) });
`;

let users = 0;
/** Every request is a new user (prefix + counter) with the next question of the rotation. */
const chatPass = (port: number, prefix: string, seconds: number, pid?: number) =>
  pass({
    port,
    path: "/api/chat",
    seconds,
    connections: CONNECTIONS,
    pid,
    body: () => {
      const n = users++;
      return JSON.stringify({ userId: `${prefix}-${n}`, text: BENCH_QUESTIONS[n % BENCH_QUESTIONS.length] });
    },
  });

/** Milliseconds from spawn to the first 200 on GET /ready (polled every 5 ms), and the RSS at that moment. */
async function coldStart(args: string[], env: (port: number) => NodeJS.ProcessEnv): Promise<{ ms: number; rss?: number }> {
  const port = await freePort();
  const started = performance.now();
  const child = spawnNode(args, env(port));
  try {
    await waitReady(`http://${HOST}:${port}/ready`, child, 120_000, 5);
    return { ms: performance.now() - started, rss: rssMb(child.pid) };
  } finally {
    await stop(child);
  }
}

const dataDir = mkdtempSync(join(tmpdir(), "tls-bench-load-"));
const children: ChildProcess[] = [];
try {
  console.log(`Load bench on ${process.platform}/${process.arch}, Node ${process.version}: ${CONNECTIONS} connections, ${PASSES} passes × ${DURATION_S} s per target, ${BENCH_QUESTIONS.length} rotating questions, a new user per request.`);
  console.log(`Before the run: ${machineLine()}`);
  const barePort = await freePort();
  const bare = spawnNode(["--input-type=module", "-e", BARE_SERVER], { ...process.env, PORT: String(barePort) });
  children.push(bare);

  const appPort = await freePort();
  console.log("starting the app as production does (node scripts/start.mjs: builds dist/ first if stale)…");
  const started = performance.now();
  const app = spawnNode(["scripts/start.mjs"], appEnv(dataDir, appPort, LOG_LEVEL));
  children.push(app);
  await waitReady(`http://${HOST}:${appPort}/ready`, app, 300_000);
  console.log(`app ready in ${Math.round(performance.now() - started)} ms (build if stale + index build on an empty DATA_DIR), RSS ${rssMb(app.pid)} MB`);
  await waitReady(`http://${HOST}:${barePort}/ready`, bare, 30_000);
  await new Promise((r) => setTimeout(r, 500));

  console.log("warm-up: 3 s each (its users are never reused)");
  await chatPass(barePort, "warm-bare", 3);
  await chatPass(appPort, "warm-app", 3, app.pid);
  console.log(`app RSS after warm-up: ${rssMb(app.pid)} MB (bare fastify ${rssMb(bare.pid)} MB)`);

  const bareResults: PassResult[] = [];
  const appResults: PassResult[] = [];
  for (let i = 1; i <= PASSES; i++) {
    const b = await chatPass(barePort, `bare${i}`, DURATION_S, bare.pid);
    bareResults.push(b);
    console.log(line(`pass ${i} bare fastify`, b));
    const a = await chatPass(appPort, `app${i}`, DURATION_S, app.pid);
    appResults.push(a);
    console.log(line(`pass ${i} POST /api/chat`, a));
  }
  const ratios = appResults.map((a, i) => (100 * a.perSecond) / (bareResults[i]?.perSecond || 1));
  console.log(`\nSummary over ${PASSES} passes (min / median / max)`);
  console.log(summary("bare fastify 5", bareResults));
  console.log(summary("POST /api/chat (app)", appResults));
  console.log(`app / bare fastify       ${spread(ratios, 1)} %`);
  console.log(`app RSS after the passes: ${rssMb(app.pid)} MB`);
  await stop(app);
  await stop(bare);

  if (COLD_STARTS > 0) {
    console.log(`\nCold start to ready with the index on disk (node dist/main.js → first 200 on GET /ready), ${COLD_STARTS} runs each`);
    const appStarts: Array<{ ms: number; rss?: number }> = [];
    const bareStarts: Array<{ ms: number; rss?: number }> = [];
    for (let i = 0; i < COLD_STARTS; i++) {
      bareStarts.push(await coldStart(["--input-type=module", "-e", BARE_SERVER], (port) => ({ ...process.env, PORT: String(port) })));
      appStarts.push(await coldStart(["dist/main.js"], (port) => appEnv(dataDir, port, LOG_LEVEL)));
    }
    const ms = (runs: Array<{ ms: number }>) => spread(runs.map((r) => r.ms));
    console.log(`bare fastify 5           ${ms(bareStarts)} ms (min / median / max)`);
    console.log(`app (dist/main.js)       ${ms(appStarts)} ms, RSS at ready ${spread(appStarts.map((r) => r.rss ?? 0))} MB`);
    console.log(`app / bare fastify       ${spread(appStarts.map((a, i) => a.ms / (bareStarts[i]?.ms || 1)), 1)} ×`);
  }
  console.log(`\nAfter the run: ${machineLine()}`);
} finally {
  for (const child of children) await stop(child);
  rmSync(dataDir, { recursive: true, force: true });
}
