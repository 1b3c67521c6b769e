/**
 * npm run profile [-- --answers 400] [--out file.cpuprofile] [--top 20]
 *
 * CPU profile of answering only: composes the production app in-process (src/compose.ts, SQLite in a temp DATA_DIR,
 * the real knowledge base), warms up, then records a V8 CPU profile (the same format as `node --cpu-prof`, opened in
 * Chrome DevTools → Performance) over N answers from fresh users, rotating the bench questions ("varied": every text
 * distinct within 3,200, so the app's memos of recent questions do not hide the work). Prints the top
 * functions by self time and by inclusive time, as a share of the recorded time. Figures only; nothing is asserted.
 */
import { writeFileSync, mkdtempSync, rmSync } from "node:fs";
import { Session } from "node:inspector/promises";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { pino } from "pino";
import { composeApp } from "../src/compose.js";
import { loadConfig } from "../src/config.js";
import { benchQuestion } from "./bench-questions.js";

const args = process.argv.slice(2);
const flag = (name: string, fallback: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] ?? fallback : fallback;
};
const answers = Number(flag("--answers", "400"));
const top = Number(flag("--top", "20"));
const out = flag("--out", join(tmpdir(), `tls-answers-${Date.now()}.cpuprofile`));

interface CallFrame { functionName: string; url: string; lineNumber: number }
interface ProfileNode { id: number; callFrame: CallFrame; children?: number[] }
interface CpuProfile { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[]; startTime: number; endTime: number }

const dataDir = mkdtempSync(join(tmpdir(), "tls-profile-"));
const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: "silent" });
const app = await composeApp(config, pino({ level: "silent" }));
const session = new Session();
try {
  console.log(`Knowledge ${app.knowledge.version}: ${app.knowledge.lessons} lessons, ${app.knowledge.chunks} sections; ${answers} answers profiled.`);
  const ask = (i: number, prefix: string) =>
    app.assistant.handle({ channel: "web", userId: `${prefix}${i}`, text: benchQuestion(i, "varied") });
  for (let i = 0; i < 100; i++) await ask(i, "warm-"); // JIT and caches; other users than the timed ones
  session.connect();
  await session.post("Profiler.enable");
  await session.post("Profiler.setSamplingInterval", { interval: 200 });
  await session.post("Profiler.start");
  const started = performance.now();
  for (let i = 0; i < answers; i++) await ask(i, "prof-");
  const wall = performance.now() - started;
  const { profile } = (await session.post("Profiler.stop")) as unknown as { profile: CpuProfile };
  writeFileSync(out, JSON.stringify(profile));
  console.log(`${answers} answers in ${Math.round(wall)} ms: ${(wall / answers).toFixed(2)} ms per answer (one at a time, profiler on). Profile: ${out}`);
  report(profile);
} finally {
  session.disconnect();
  await app.close();
  rmSync(dataDir, { recursive: true, force: true });
}

function report(profile: CpuProfile): void {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const name = (f: CallFrame) => {
    const where = f.url ? relative(process.cwd(), f.url.replace(/^file:\/\//, "")) : "";
    return `${f.functionName || "(anonymous)"}${where ? ` ${where}` : ""}`;
  };
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  let all = 0;
  profile.samples.forEach((id, i) => {
    const dt = profile.timeDeltas[i] ?? 0;
    all += dt;
    const node = byId.get(id);
    if (!node) return;
    const key = name(node.callFrame);
    self.set(key, (self.get(key) ?? 0) + dt);
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const k = name(byId.get(cur)!.callFrame);
      if (seen.has(k)) continue;
      seen.add(k);
      total.set(k, (total.get(k) ?? 0) + dt);
    }
  });
  const print = (title: string, map: Map<string, number>, skip: RegExp) => {
    console.log(`\n${title}`);
    [...map]
      .filter(([k]) => !skip.test(k))
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .forEach(([k, t]) => console.log(`${((100 * t) / all).toFixed(1).padStart(6)} %  ${(t / 1000).toFixed(0).padStart(6)} ms  ${k}`));
  };
  print("Top by self time", self, /^$/);
  print("Top by inclusive time (own code, excluding the profile's root and idle)", total, /^\((root|program|idle|garbage collector)\)|node_modules|node:/);
}
