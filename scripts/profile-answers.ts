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
import { join } from "node:path";
import { pino } from "pino";
import { composeApp } from "../src/compose.js";
import { loadConfig } from "../src/config.js";
import { benchQuestion } from "./bench-questions.js";
import { printProfile, type CpuProfile } from "./profile-report.js";

const args = process.argv.slice(2);
const flag = (name: string, fallback: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] ?? fallback : fallback;
};
const answers = Number(flag("--answers", "400"));
const top = Number(flag("--top", "20"));
const out = flag("--out", join(tmpdir(), `tls-answers-${Date.now()}.cpuprofile`));


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
  printProfile(profile, top);
} finally {
  session.disconnect();
  await app.close();
  rmSync(dataDir, { recursive: true, force: true });
}
