/**
 * npm run bench:load [-- --duration 10] [--passes 3] [--connections 50] [--log-level info]
 *
 * Throughput under load, side by side in one run: the app started the way production starts it (`node
 * scripts/start.mjs`: compiled dist/, rebuilt first when stale; a temp DATA_DIR with SQLite; no token, no LLM) and a
 * bare fastify 5 server that echoes the same POST /api/chat bodies, each in its own process on 127.0.0.1. autocannon
 * sends rotating Vietnamese questions (scripts/bench-questions.ts, not the eval set), every request from a new
 * user, over N connections for a fixed duration per pass; passes alternate bare / app after a short warm-up (its users
 * are never reused). Prints per pass answers/s, p50/p95/p99, errors and the app's RSS, then min/median/max over the
 * passes and the ratio app / bare. The load generator shares the machine's cores with the servers, as in the issue's
 * figures. Figures only: nothing is asserted. Loads only ever target 127.0.0.1 and are bounded in time.
 */
import autocannon from "autocannon";
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { BENCH_QUESTIONS } from "./bench-questions.js";

const args = process.argv.slice(2);
const flag = (name: string, fallback: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] ?? fallback : fallback;
};
const DURATION_S = Math.min(60, Number(flag("--duration", "10")));
const PASSES = Math.min(10, Number(flag("--passes", "3")));
const CONNECTIONS = Math.min(200, Number(flag("--connections", "50")));
const LOG_LEVEL = flag("--log-level", "info");
const HOST = "127.0.0.1";

const BARE_SERVER = `
import Fastify from "fastify";
const app = Fastify({ logger: false });
app.post("/api/chat", async (request) => {
  const body = request.body ?? {};
  return { kind: "answer", text: String(body.text ?? ""), html: "", sources: [], confidence: 1 };
});
await app.listen({ host: "${HOST}", port: Number(process.env.PORT) });
console.log("listening");
`;

interface PassResult {
  answersPerSecond: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
  rssMb?: number;
}

async function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once("error", fail);
    server.listen(0, HOST, () => {
      const address = server.address();
      server.close(() => done(typeof address === "object" && address ? address.port : 0));
    });
  });
}

async function waitReady(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${url}: the process exited with code ${child.exitCode}`);
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} not ready after ${timeoutMs} ms`);
}

function rssMb(pid: number | undefined): number | undefined {
  if (!pid) return undefined;
  try {
    const kb = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1];
    return kb ? Math.round(Number(kb) / 1024) : undefined;
  } catch {
    return undefined;
  }
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

let users = 0;
/** One autocannon pass; every request is a new user (prefix + counter) with the next question of the rotation. */
async function pass(port: number, prefix: string, seconds: number, pid?: number): Promise<PassResult> {
  const times: number[] = [];
  const instance = autocannon({
    url: `http://${HOST}:${port}`,
    connections: CONNECTIONS,
    duration: seconds,
    timeout: 10,
    requests: [
      {
        method: "POST",
        path: "/api/chat",
        headers: { "content-type": "application/json" },
        setupRequest: (request) => {
          const n = users++;
          return { ...request, body: JSON.stringify({ userId: `${prefix}-${n}`, text: BENCH_QUESTIONS[n % BENCH_QUESTIONS.length] }) };
        },
      },
    ],
  });
  instance.on("response", (_client, statusCode, _bytes, responseTime) => {
    if (statusCode === 200) times.push(responseTime);
  });
  const result = await instance;
  times.sort((a, b) => a - b);
  return {
    answersPerSecond: times.length / seconds,
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    p99: percentile(times, 99),
    errors: result.errors + result.timeouts + result.non2xx,
    rssMb: rssMb(pid),
  };
}

function line(label: string, r: PassResult): string {
  const rss = r.rssMb !== undefined ? `  RSS ${r.rssMb} MB` : "";
  return `${label.padEnd(22)} ${r.answersPerSecond.toFixed(0).padStart(7)} answers/s  p50 ${r.p50.toFixed(1)} ms  p95 ${r.p95.toFixed(1)} ms  p99 ${r.p99.toFixed(1)} ms  errors ${r.errors}${rss}`;
}

const spread = (values: number[], digits = 0) => {
  const s = [...values].sort((a, b) => a - b);
  const f = (v: number | undefined) => (v ?? 0).toFixed(digits);
  return `${f(s[0])} / ${f(s[Math.floor(s.length / 2)])} / ${f(s.at(-1))}`;
};

const dataDir = mkdtempSync(join(tmpdir(), "tls-bench-load-"));
const children: ChildProcess[] = [];
try {
  console.log(`Load bench on ${process.platform}/${process.arch}, Node ${process.version}: ${CONNECTIONS} connections, ${PASSES} passes × ${DURATION_S} s per target, ${BENCH_QUESTIONS.length} rotating questions, a new user per request.`);
  const barePort = await freePort();
  const bare = spawn(process.execPath, ["--input-type=module", "-e", BARE_SERVER], { cwd: resolve("."), env: { ...process.env, PORT: String(barePort) }, stdio: ["ignore", "ignore", "inherit"] });
  children.push(bare);

  const appPort = await freePort();
  console.log("starting the app as production does (node scripts/start.mjs: builds dist/ first if stale)…");
  const started = performance.now();
  const app = spawn(process.execPath, ["scripts/start.mjs"], {
    cwd: resolve("."),
    env: {
      ...process.env,
      DATA_DIR: dataDir,
      PORT: String(appPort),
      HOST,
      LOG_LEVEL,
      DATABASE_URL: "",
      TELEGRAM_BOT_TOKEN: "",
      ZALO_BOT_TOKEN: "",
      LLM_URL: "",
      EMBEDDINGS_URL: "",
      LRS_ENDPOINT: "",
      // Every request comes from 127.0.0.1: lift the per-IP limit (POST /api/chat) so the answer path is measured,
      // not the limiter's polite refusal. Each request is a new learner, so the per-learner limit never applies.
      RATE_LIMIT_IP_MAX: "1000000",
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  children.push(app);
  await waitReady(`http://${HOST}:${appPort}/ready`, app, 300_000);
  console.log(`app ready in ${Math.round(performance.now() - started)} ms (build if stale + index build on an empty DATA_DIR), RSS ${rssMb(app.pid)} MB`);
  await waitReady(`http://${HOST}:${barePort}/api/chat`, bare, 30_000).catch(() => undefined); // GET answers 404 once listening
  await new Promise((r) => setTimeout(r, 500));

  console.log("warm-up: 3 s each (its users are never reused)");
  await pass(barePort, "warm-bare", 3);
  await pass(appPort, "warm-app", 3, app.pid);

  const bareResults: PassResult[] = [];
  const appResults: PassResult[] = [];
  for (let i = 1; i <= PASSES; i++) {
    const b = await pass(barePort, `bare${i}`, DURATION_S);
    bareResults.push(b);
    console.log(line(`pass ${i} bare fastify`, b));
    const a = await pass(appPort, `app${i}`, DURATION_S, app.pid);
    appResults.push(a);
    console.log(line(`pass ${i} POST /api/chat`, a));
  }
  const ratios = appResults.map((a, i) => (100 * a.answersPerSecond) / (bareResults[i]?.answersPerSecond || 1));
  console.log(`\nSummary over ${PASSES} passes (min / median / max)`);
  for (const [label, results] of [["bare fastify 5", bareResults], ["POST /api/chat (app)", appResults]] as const) {
    console.log(
      `${label.padEnd(22)} answers/s ${spread(results.map((r) => r.answersPerSecond))}  p50 ${spread(results.map((r) => r.p50), 1)} ms  p95 ${spread(results.map((r) => r.p95), 1)} ms  p99 ${spread(results.map((r) => r.p99), 1)} ms  errors ${results.reduce((s, r) => s + r.errors, 0)}`,
    );
  }
  console.log(`app / bare fastify     ${spread(ratios, 1)} %`);
  console.log(`app RSS after the passes: ${rssMb(app.pid)} MB`);
} finally {
  for (const child of children) child.kill("SIGTERM");
  await new Promise((r) => setTimeout(r, 1000));
  rmSync(dataDir, { recursive: true, force: true });
}
