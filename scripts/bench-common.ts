/**
 * Shared parts of the load benches (scripts/bench-load.ts, scripts/bench-webhook.ts): child processes on 127.0.0.1
 * (the app started the way production starts it, bare fastify beside it), autocannon passes with percentiles, RSS
 * from /proc, and the min/median/max summary. Figures only: nothing here asserts a speed.
 */
import autocannon from "autocannon";
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";

export { freePort, HOST } from "./loopback.js";
import { HOST } from "./loopback.js";

export function flags(args: readonly string[]) {
  return (name: string, fallback: string): string => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] ?? fallback : fallback;
  };
}

/** Polls `url` until it answers 2xx; `everyMs` small when the wait itself is what is measured (cold start). */
export async function waitReady(url: string, child: ChildProcess, timeoutMs: number, everyMs = 200): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${url}: the process exited with code ${child.exitCode}`);
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, everyMs));
  }
  throw new Error(`${url} not ready after ${timeoutMs} ms`);
}

export function rssMb(pid: number | undefined): number | undefined {
  if (!pid) return undefined;
  try {
    const kb = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1];
    return kb ? Math.round(Number(kb) / 1024) : undefined;
  } catch {
    return undefined;
  }
}

/** Environment for the app under load: no token, no LLM or embeddings endpoint, SQLite in `dataDir`. */
export function appEnv(dataDir: string, port: number, logLevel: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    DATA_DIR: dataDir,
    PORT: String(port),
    HOST,
    LOG_LEVEL: logLevel,
    DATABASE_URL: "",
    TELEGRAM_BOT_TOKEN: "",
    ZALO_BOT_TOKEN: "",
    LLM_URL: "",
    EMBEDDINGS_URL: "",
    LRS_ENDPOINT: "",
    // Every request comes from 127.0.0.1: lift the per-IP limit (POST /api/chat) so the answer path is measured,
    // not the limiter's polite refusal. Each request is a new learner, so the per-learner limit never applies.
    RATE_LIMIT_IP_MAX: "1000000",
    ...extra,
  };
}

/** A child node process (the app: `scripts/start.mjs` or `dist/main.js`; or `-e` source), stderr shown. */
export function spawnNode(args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  return spawn(process.execPath, args, { cwd: resolve("."), env, stdio: ["ignore", "ignore", "inherit"] });
}

/** Ends a child we started and waits (bounded) for it to exit. */
export async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once("exit", r));
  child.kill("SIGTERM");
  await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
  if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
}

/** CPU time (user + system) a process has used so far, in ms, from /proc (clock ticks of 10 ms on Linux). */
export function cpuMs(pid: number | undefined, thread?: number): number | undefined {
  if (!pid) return undefined;
  try {
    // Fields after the command name, which is in parentheses and may contain spaces: utime and stime are 12th/13th.
    const file = thread === undefined ? `/proc/${pid}/stat` : `/proc/${pid}/task/${thread}/stat`;
    const fields = readFileSync(file, "utf8").split(") ")[1]?.split(" ") ?? [];
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return undefined;
  }
}

export interface PassResult {
  perSecond: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
  /** Responses other than 200 by status code, and autocannon's timeouts: what the errors were. */
  other: Record<string, number>;
  rssMb?: number;
  /** The server's CPU time per 200 response (all its threads: JS, GC, libuv), when its pid is known. */
  cpuMsPer?: number;
  /**
   * The main thread's share of it: the one thread every answer passes through (HTTP, storage, dialogue), so what
   * bounds answers/s when other cores are free (the ranking thread and GC helpers run beside it).
   */
  mainCpuMsPer?: number;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

/** One autocannon pass of POSTs to `path`; `body(n)` builds the n-th request body (n counts across passes). */
export async function pass(opts: {
  port: number;
  path: string;
  seconds: number;
  connections: number;
  body: () => string;
  headers?: Record<string, string>;
  pid?: number;
}): Promise<PassResult> {
  const times: number[] = [];
  const other: Record<string, number> = {};
  const cpuBefore = cpuMs(opts.pid);
  const mainBefore = cpuMs(opts.pid, opts.pid);
  const instance = autocannon({
    url: `http://${HOST}:${opts.port}`,
    connections: opts.connections,
    duration: opts.seconds,
    timeout: 10,
    requests: [
      {
        method: "POST",
        path: opts.path,
        headers: { "content-type": "application/json", ...opts.headers },
        setupRequest: (request) => ({ ...request, body: opts.body() }),
      },
    ],
  });
  instance.on("response", (_client, statusCode, _bytes, responseTime) => {
    if (statusCode === 200) times.push(responseTime);
    else other[statusCode] = (other[statusCode] ?? 0) + 1;
  });
  const result = await instance;
  const cpuAfter = cpuMs(opts.pid);
  const mainAfter = cpuMs(opts.pid, opts.pid);
  if (result.timeouts) other.timeout = result.timeouts;
  times.sort((a, b) => a - b);
  return {
    perSecond: times.length / opts.seconds,
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    p99: percentile(times, 99),
    // autocannon's `errors` already counts timeouts (socket errors of any kind).
    errors: result.errors + result.non2xx,
    other,
    rssMb: rssMb(opts.pid),
    ...(cpuBefore !== undefined && cpuAfter !== undefined && times.length ? { cpuMsPer: (cpuAfter - cpuBefore) / times.length } : {}),
    ...(mainBefore !== undefined && mainAfter !== undefined && times.length ? { mainCpuMsPer: (mainAfter - mainBefore) / times.length } : {}),
  };
}

export function line(label: string, r: PassResult, unit = "answers/s"): string {
  const main = r.mainCpuMsPer !== undefined ? ` (main thread ${r.mainCpuMsPer.toFixed(2)})` : "";
  const rss = `${r.cpuMsPer !== undefined ? `  CPU ${r.cpuMsPer.toFixed(2)} ms each${main}` : ""}${r.rssMb !== undefined ? `  RSS ${r.rssMb} MB` : ""}`;
  const what = Object.entries(r.other).map(([k, n]) => `${k}×${n}`).join(" ");
  return `${label.padEnd(24)} ${r.perSecond.toFixed(0).padStart(7)} ${unit}  p50 ${r.p50.toFixed(1)} ms  p95 ${r.p95.toFixed(1)} ms  p99 ${r.p99.toFixed(1)} ms  errors ${r.errors}${what ? ` (${what})` : ""}${rss}`;
}

/** "min / median / max" of a few passes. */
export function spread(values: number[], digits = 0): string {
  const s = [...values].sort((a, b) => a - b);
  const f = (v: number | undefined) => (v ?? 0).toFixed(digits);
  return `${f(s[0])} / ${f(s[Math.floor(s.length / 2)])} / ${f(s.at(-1))}`;
}

export function summary(label: string, results: PassResult[], unit = "answers/s"): string {
  const f = (pick: (r: PassResult) => number, digits = 1) => spread(results.map(pick), digits);
  const main = results.every((r) => r.mainCpuMsPer !== undefined) ? ` (main thread ${f((r) => r.mainCpuMsPer ?? 0, 2)})` : "";
  const cpu = results.every((r) => r.cpuMsPer !== undefined) ? `  CPU ${f((r) => r.cpuMsPer ?? 0, 2)} ms each${main}` : "";
  return `${label.padEnd(24)} ${unit} ${f((r) => r.perSecond, 0)}  p50 ${f((r) => r.p50)} ms  p95 ${f((r) => r.p95)} ms  p99 ${f((r) => r.p99)} ms  errors ${results.reduce((s, r) => s + r.errors, 0)}${cpu}`;
}

/** Load average and core count, so a reader can tell a busy machine's figures from a quiet one's. */
export function machineLine(): string {
  try {
    const [one, five] = readFileSync("/proc/loadavg", "utf8").split(" ");
    const cores = (readFileSync("/proc/cpuinfo", "utf8").match(/^processor\s*:/gm) ?? []).length;
    return `load average ${one} (1 min) / ${five} (5 min) on ${cores} cores${Number(one) > cores * 0.5 ? " — the machine is busy: compare ratios, not absolute figures" : ""}`;
  } catch {
    return "load average unknown";
  }
}
