// Diagnostic (dev half only): for each in-scope question the assistant fails, where are the needed facts?
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pino } from "pino";
import { composeApp } from "../../src/compose.js";
import { loadConfig } from "../../src/config.js";
import { openKnowledgeIndex } from "../../src/retrieval/index.js";
import { gradeReply, loadFieldSet, missingGroups, PHRASINGS } from "../../src/evaluation/index.js";
const dataDir = mkdtempSync(join(tmpdir(), "d-"));
const app = await composeApp(loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: "silent" }), pino({ level: "silent" }));
const index = await openKnowledgeIndex({ knowledgeDir: resolve("knowledge"), dataDir, embeddings: { kind: "hashed" } });
const { items } = loadFieldSet(resolve("tests/eval/field/dev.json"));
const counts: Record<string, number> = {};
const full = (c: any) => `${c.section}\n${c.body}`;
for (const it of items.filter((i) => !i.outOfScope)) for (const p of PHRASINGS) {
  const reply = await app.assistant.handle({ channel: "web", userId: `x:${it.id}:${p}`, text: it[p] });
  if (gradeReply(it, reply).pass) { counts.pass = (counts.pass ?? 0) + 1; continue; }
  const hits = (await index.retriever.searchDetailed(it[p], 10)).hits;
  const at = hits.findIndex((_, k) => missingGroups(hits.slice(0, k + 1).map((h) => full(h.chunk)).join("\n"), it.must).length === 0);
  const where = reply.kind === "refusal" ? "refused" : at === 0 ? "in top1 (composition)" : at > 0 && at < 3 ? "in top2-3" : at >= 3 ? "in top4-10" : "not in top10";
  counts[where] = (counts[where] ?? 0) + 1;
  if (process.argv.includes("-v") && p === "accented") console.log(`${where}: ${it.id} ${it.accented}\n   must ${JSON.stringify(it.must)}\n   top: ${hits.slice(0, 3).map((h) => h.chunk.id).join(" | ")}`);
}
console.log(counts);
await app.close();
