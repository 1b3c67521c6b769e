/**
 * The real app as a child process for `npm run fault` (scripts/fault.ts): the compiled app (`node dist/main.js`,
 * built once by fault.ts before the first scenario), on 127.0.0.1 with a temp DATA_DIR, killed
 * with SIGKILL or stopped with SIGTERM. Plus the small HTTP helpers every scenario uses. Loopback only.
 */
import { spawn, type ChildProcess } from "node:child_process";

export { freePort, HOST } from "./loopback.js";
import { HOST } from "./loopback.js";
/** The assistant's reply when the database is locked or gone (src/assistant/assistant.ts). */
export const STORAGE_BUSY_MARK = "chưa ghi nhận được tin nhắn";
/** The generic error template (prompts/error.txt). */
export const ERROR_MARK = "trục trặc";

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export interface RunningApp {
  url: string;
  child: ChildProcess;
  /** Log lines at error level or above (pino level ≥ 50) seen so far, with their message. */
  errors: string[];
  /** SIGKILL, then wait until the process is gone. */
  kill(): Promise<void>;
  /** SIGTERM (clean shutdown), SIGKILL after 15 s. */
  stop(): Promise<void>;
}

/** Starts the app on `port` with `env` added to a minimal environment and waits for GET /health. */
export async function startApp(port: number, env: Record<string, string>): Promise<RunningApp> {
  // dist/main.js, not start.mjs: start.mjs rebuilds whenever src/ is newer, which would put a build into every restart.
  const child = spawn(process.execPath, ["dist/main.js"], {
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", HOST, PORT: String(port), LOG_LEVEL: "warn", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const errors: string[] = [];
  let tail = "";
  const onData = (chunk: Buffer) => {
    const text = tail + String(chunk);
    const lines = text.split("\n");
    tail = lines.pop() ?? "";
    for (const line of lines) {
      try {
        const entry = JSON.parse(line) as { level?: number; msg?: string; err?: { message?: string } };
        if ((entry.level ?? 0) >= 50) errors.push(`${entry.msg ?? ""}${entry.err?.message ? `: ${entry.err.message}` : ""}`);
      } catch {
        if (line.trim()) errors.push(line.trim()); // not pino: a crash or the build's message
      }
    }
  };
  child.stdout?.on("data", onData);
  child.stderr?.on("data", onData);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const url = `http://${HOST}:${port}`;
  // Generous: the first start may build dist/ and the search index.
  const deadline = Date.now() + 180_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the app exited with code ${child.exitCode}:\n${errors.slice(-10).join("\n")}`);
    if (Date.now() > deadline) throw new Error(`the app did not answer ${url}/health in 180 s`);
    try {
      if ((await fetch(`${url}/health`)).ok) break;
    } catch {
      // not listening yet
    }
    await sleep(100);
  }
  return {
    url,
    child,
    errors,
    async kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
      await exited;
    },
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill("SIGTERM");
      const force = setTimeout(() => child.kill("SIGKILL"), 15_000);
      await exited;
      clearTimeout(force);
    },
  };
}

export interface ChatReply {
  kind: string;
  text: string;
  quiz?: { question: string; options: string[]; actions: string[]; position: number; total: number };
  buttons?: Array<{ label: string; action: string }>;
}

/** One POST /api/chat: the HTTP status, the reply when there is one, and how long it took. Network errors throw. */
export async function chat(url: string, body: { userId: string; text?: string; action?: string }, timeoutMs = 30_000) {
  const started = performance.now();
  const res = await fetch(`${url}/api/chat`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(timeoutMs),
  });
  const text = await res.text();
  let reply: ChatReply | undefined;
  try {
    reply = JSON.parse(text) as ChatReply;
  } catch {
    reply = undefined;
  }
  return { status: res.status, reply, ms: performance.now() - started };
}

/** A polite "not now" reply: the storage-busy text, the error template or a 429/503 with a Vietnamese message. */
export function isPoliteRefusal(status: number, reply: ChatReply | undefined): boolean {
  if (status === 200) return reply?.kind === "error" && (reply.text.includes(STORAGE_BUSY_MARK) || reply.text.includes(ERROR_MARK));
  return status === 429 || status === 503;
}

/** GET a path, with its status and time; a network error counts as status 0. */
export async function probe(url: string, path: string, timeoutMs = 10_000) {
  const started = performance.now();
  try {
    const res = await fetch(`${url}${path}`, { signal: AbortSignal.timeout(timeoutMs) });
    const body = (await res.json().catch(() => undefined)) as Record<string, unknown> | undefined;
    return { status: res.status, body, ms: performance.now() - started };
  } catch {
    return { status: 0, body: undefined, ms: performance.now() - started };
  }
}
