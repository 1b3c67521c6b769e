/**
 * npm run profile:load [-- --duration 8] [--connections 50] [--top 30]
 *
 * CPU profile of the production server under load: starts the compiled app the way production does
 * (`node --cpu-prof scripts/start.mjs`, dist/ rebuilt first when stale, before the profiled process starts, a temp DATA_DIR with SQLite, no token, no
 * LLM), sends the bench's varied questions from new users over N connections (as `npm run bench:load` does), stops
 * the app cleanly and prints the main thread's top functions by self and inclusive time. Unlike `npm run profile`
 * (the assistant alone, one answer at a time) this includes HTTP, the request log and storage under concurrency.
 * Only the timed pass is counted. The ranking thread's profile is written beside the main one but not printed. Figures only; nothing is asserted.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { benchQuestion } from "./bench-questions.js";
// @ts-expect-error plain JavaScript build script without types
import { build, isStale } from "./build.mjs";
import { appEnv, flags, freePort, HOST, line, pass, spawnNode, stop, waitReady } from "./bench-common.js";
import { printProfile, type CpuProfile } from "./profile-report.js";

const flag = flags(process.argv.slice(2));
const DURATION_S = Math.min(60, Number(flag("--duration", "8")));
const CONNECTIONS = Math.min(200, Number(flag("--connections", "50")));
const TOP = Number(flag("--top", "30"));

const dataDir = mkdtempSync(join(tmpdir(), "tls-profile-load-"));
const profileDir = join(dataDir, "profiles");
const port = await freePort();
// Built before the profiled process starts, so the profile holds no compiler.
if (isStale()) build();
const spawned = performance.now();
const app = spawnNode(["--cpu-prof", "--cpu-prof-dir", profileDir, "scripts/start.mjs"], appEnv(join(dataDir, "data"), port, "warn"));
try {
  console.log("starting the app as production does, with the CPU profiler on…");
  await waitReady(`http://${HOST}:${port}/ready`, app, 180_000);
  let users = 0;
  const body = (prefix: string) => () => JSON.stringify({ userId: `${prefix}-${users++}`, text: benchQuestion(users, "varied") });
  await pass({ port, path: "/api/chat", seconds: 3, connections: CONNECTIONS, body: body("warm") });
  const loadFromMs = performance.now() - spawned;
  const result = await pass({ port, path: "/api/chat", seconds: DURATION_S, connections: CONNECTIONS, pid: app.pid, body: body("load") });
  console.log(line("app, varied (profiler on)", result));
  await stop(app);
  // One file per thread; the main thread's is the largest (it also recorded start-up).
  const files = readdirSync(profileDir).map((f) => join(profileDir, f));
  const main = files.sort((a, b) => statSync(b).size - statSync(a).size)[0];
  if (!main) throw new Error("no CPU profile was written");
  console.log(`profiles: ${files.join(", ")} (main thread: ${main}; start-up included)`);
  // Only what was recorded during the timed pass (and the clean stop after it): start-up and warm-up left out.
  printProfile(JSON.parse(readFileSync(main, "utf8")) as CpuProfile, TOP, loadFromMs);
} finally {
  await stop(app);
  rmSync(join(dataDir, "data"), { recursive: true, force: true });
}
