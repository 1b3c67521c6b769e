/**
 * npm run bench:load [-- --duration 10] [--passes 3] [--connections 50] [--log-level info] [--cold-starts 3]
 *                    [--scale-chunks 2000]
 *
 * Throughput under load, side by side in one run: the app started the way production starts it (`node
 * scripts/start.mjs`: compiled dist/, rebuilt first when stale; a temp DATA_DIR with SQLite; no token, no LLM) and a
 * bare fastify 5 server that echoes the same POST /api/chat bodies, each in its own process on 127.0.0.1. autocannon
 * sends rotating Vietnamese questions (scripts/bench-questions.ts, not the eval set; "varied" and "repeated", see
 * benchQuestion), every request from a new
 * user, over N connections for a fixed duration per pass; passes alternate bare / app after a short warm-up (its users
 * are never reused). Prints per pass answers/s, p50/p95/p99, errors and the app's RSS, then min/median/max over the
 * passes and the ratio app / bare. Then the same against a second app serving the scale-up knowledge base
 * (scripts/synthetic-knowledge.ts, --scale-chunks sections; 0 skips it), with its RSS. Then cold start with the index now on disk: `node dist/main.js` spawned until the
 * first 200 on GET /ready, against bare fastify's spawn-to-first-200, several times. The load generator shares the
 * machine's cores with the servers, as in the figures. Figures only: nothing is asserted. Loads only ever
 * target 127.0.0.1 and are bounded in time. The Telegram webhook path: npm run bench:webhook.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { ChildProcess } from "node:child_process";
import { BENCH_QUESTIONS, benchQuestion, VARIED_CYCLE } from "./bench-questions.js";
import { syntheticKnowledge } from "./synthetic-knowledge.js";
import { appEnv, flags, freePort, HOST, line, machineLine, pass, rssMb, spawnNode, spread, stop, summary, waitReady, type PassResult } from "./bench-common.js";

const flag = flags(process.argv.slice(2));
const DURATION_S = Math.min(60, Number(flag("--duration", "10")));
const PASSES = Math.min(10, Number(flag("--passes", "3")));
const CONNECTIONS = Math.min(200, Number(flag("--connections", "50")));
const LOG_LEVEL = flag("--log-level", "info");
const COLD_STARTS = Math.min(10, Number(flag("--cold-starts", "3")));
/** Sections of the scale-up knowledge base (0: skip it). */
const SCALE_CHUNKS = Math.min(10_000, Number(flag("--scale-chunks", "2000")));

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
/** Every request is a new user (prefix + counter) with the next question of the rotation (see benchQuestion). */
const chatPass = (port: number, prefix: string, seconds: number, pid?: number, mode: "repeated" | "varied" = "varied") =>
  pass({
    port,
    path: "/api/chat",
    seconds,
    connections: CONNECTIONS,
    pid,
    body: () => {
      const n = users++;
      return JSON.stringify({ userId: `${prefix}-${n}`, text: benchQuestion(n, mode) });
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
  console.log(`Load bench on ${process.platform}/${process.arch}, Node ${process.version}: ${CONNECTIONS} connections, ${PASSES} passes × ${DURATION_S} s per target, a new user per request. Questions: "varied" = ${BENCH_QUESTIONS.length} questions × openings × endings, ${VARIED_CYCLE} distinct texts, more than the app remembers (every answer worked out afresh: the headline figure); "repeated" = the ${BENCH_QUESTIONS.length} bare questions again and again (the app's memo of recent rankings and answers serves them: the best case).`);
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
  const repeatedResults: PassResult[] = [];
  for (let i = 1; i <= PASSES; i++) {
    const b = await chatPass(barePort, `bare${i}`, DURATION_S, bare.pid);
    bareResults.push(b);
    console.log(line(`pass ${i} bare fastify`, b));
    const a = await chatPass(appPort, `app${i}`, DURATION_S, app.pid, "varied");
    appResults.push(a);
    console.log(line(`pass ${i} app, varied`, a));
    const r = await chatPass(appPort, `rep${i}`, DURATION_S, app.pid, "repeated");
    repeatedResults.push(r);
    console.log(line(`pass ${i} app, repeated`, r));
  }
  const ratio = (results: PassResult[]) => results.map((a, i) => (100 * a.perSecond) / (bareResults[i]?.perSecond || 1));
  console.log(`\nSummary over ${PASSES} passes (min / median / max)`);
  console.log(summary("bare fastify 5", bareResults));
  console.log(summary("app, varied questions", appResults));
  console.log(summary("app, repeated questions", repeatedResults));
  console.log(`app varied / bare        ${spread(ratio(appResults), 1)} %`);
  console.log(`app repeated / bare      ${spread(ratio(repeatedResults), 1)} %`);
  console.log(`app RSS after the passes: ${rssMb(app.pid)} MB`);
  const realChunks = ((await (await fetch(`http://${HOST}:${appPort}/health`)).json()) as { chunks?: number }).chunks ?? 372;
  await stop(app);

  if (SCALE_CHUNKS > 0) {
    // The same load against the scale-up knowledge base (copies of the real lessons, 2,000+ sections), its own app.
    const knowledgeDir = join(dataDir, "scale-knowledge");
    syntheticKnowledge(knowledgeDir, realChunks, SCALE_CHUNKS);
    const scalePort = await freePort();
    const scaleStarted = performance.now();
    const scaled = spawnNode(["dist/main.js"], appEnv(join(dataDir, "scale-data"), scalePort, LOG_LEVEL, { KNOWLEDGE_DIR: knowledgeDir }));
    children.push(scaled);
    await waitReady(`http://${HOST}:${scalePort}/ready`, scaled, 600_000);
    const health = (await (await fetch(`http://${HOST}:${scalePort}/health`)).json()) as { chunks?: number };
    console.log(`\nScale-up: ${health.chunks ?? "?"} sections; app ready in ${Math.round(performance.now() - scaleStarted)} ms (first start: seeding + index build), RSS ${rssMb(scaled.pid)} MB`);
    await chatPass(scalePort, "warm-scale", 3, scaled.pid);
    const scaleBare: PassResult[] = [];
    const scaleResults: PassResult[] = [];
    for (let i = 1; i <= PASSES; i++) {
      const b = await chatPass(barePort, `sbare${i}`, DURATION_S, bare.pid);
      scaleBare.push(b);
      console.log(line(`pass ${i} bare fastify`, b));
      const a = await chatPass(scalePort, `scale${i}`, DURATION_S, scaled.pid, "varied");
      scaleResults.push(a);
      console.log(line(`pass ${i} scale-up, varied`, a));
    }
    console.log(summary("bare fastify 5", scaleBare));
    console.log(summary("scale-up, varied", scaleResults));
    console.log(`scale-up / bare          ${spread(scaleResults.map((a, i) => (100 * a.perSecond) / (scaleBare[i]?.perSecond || 1)), 1)} %`);
    console.log(`scale-up RSS after the passes: ${rssMb(scaled.pid)} MB`);
    await stop(scaled);
  }
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
