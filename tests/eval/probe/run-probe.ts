/**
 * npx tsx tests/eval/probe/run-probe.ts [probe.json] [--failures]
 *
 * The scope probe (README.md here): asks every probe message as a brand-new learner through the real composition
 * (composeApp on a fresh SQLite data dir, as `npm run eval:answers` does) and counts out-of-scope messages refused
 * with the out-of-scope refusal and in-scope questions answered (not refused, not "not sure").
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pino } from "pino";
import { composeApp } from "../../../src/compose.js";
import { loadConfig } from "../../../src/config.js";

interface ProbeItem {
  id: string;
  expect: "refuse" | "answer";
  category?: string;
  topic?: string;
  text: string;
}

const showFailures = process.argv.includes("--failures");
const items = JSON.parse(readFileSync(resolve(process.argv.find((a) => a.endsWith(".json")) ?? "tests/eval/probe/scope-probe.json"), "utf8")) as ProbeItem[];
const dataDir = mkdtempSync(join(tmpdir(), "tls-scope-probe-"));
const config = loadConfig({ ...process.env, DATA_DIR: dataDir, DATABASE_URL: "", LOG_LEVEL: "silent", TELEGRAM_BOT_TOKEN: "", ZALO_BOT_TOKEN: "" });
const app = await composeApp(config, pino({ level: "silent" }));
const refusalText = readFileSync(resolve(config.promptsDir ?? "prompts", "refusal.txt"), "utf8").trim().slice(0, 40);
try {
  const groups = new Map<string, { ok: number; total: number }>();
  const failures: string[] = [];
  let oosOk = 0, oosTotal = 0, inOk = 0, inTotal = 0, inScopeRefused = 0, inUnsure = 0;
  for (const item of items) {
    const reply = await app.assistant.handle({ channel: "web", userId: `probe:${item.id}`, text: item.text });
    const scopeRefusal = reply.kind === "refusal" && reply.text.trim().startsWith(refusalText);
    const ok = item.expect === "refuse" ? reply.kind === "refusal" : reply.kind !== "refusal";
    const key = item.expect === "refuse" ? `oos:${item.category}` : `in:${item.topic}`;
    const g = groups.get(key) ?? { ok: 0, total: 0 };
    g.total++;
    if (ok) g.ok++;
    groups.set(key, g);
    if (item.expect === "refuse") {
      oosTotal++;
      if (ok) oosOk++;
    } else {
      inTotal++;
      if (ok) inOk++;
      else if (scopeRefusal) inScopeRefused++;
      else inUnsure++;
    }
    if (!ok) failures.push(`  ✗ ${item.id} [${item.category ?? item.topic}] "${item.text}" → ${reply.kind}${scopeRefusal ? " (out of scope)" : reply.kind === "refusal" ? " (not sure)" : `: ${reply.text.slice(0, 90).replace(/\n/g, " ⏎ ")}`}`);
  }
  const pct = (a: number, b: number) => `${((100 * a) / Math.max(b, 1)).toFixed(1)}%`;
  for (const [k, g] of [...groups].sort()) console.log(`${k.padEnd(22)} ${String(g.ok).padStart(3)}/${String(g.total).padEnd(3)} ${pct(g.ok, g.total)}`);
  console.log(`\nout of scope refused: ${oosOk}/${oosTotal} (${pct(oosOk, oosTotal)})`);
  console.log(`in scope answered:    ${inOk}/${inTotal} (${pct(inOk, inTotal)}); refused as out of scope ${inScopeRefused}, "not sure" ${inUnsure}`);
  if (showFailures) console.log(`\nFailures:\n${failures.join("\n")}`);
} finally {
  await app.close();
  rmSync(dataDir, { recursive: true, force: true });
}
