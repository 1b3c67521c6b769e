import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { openKnowledgeIndex } from "../../src/retrieval/index.js";
import { loadFieldSet, PHRASINGS } from "../../src/evaluation/index.js";
import { normalizeText } from "../../src/nlp/index.js";
import { createConfidenceScorer } from "../../src/assistant/index.js";
const index = await openKnowledgeIndex({ knowledgeDir: resolve("knowledge"), dataDir: mkdtempSync(join(tmpdir(), "d-")), embeddings: { kind: "hashed" } });
const { items } = loadFieldSet(resolve("tests/eval/field/dev.json"));
const scorer = createConfidenceScorer(index.chunks);
const rows: { oos: boolean; c: number; s: number; len: number }[] = [];
for (const it of items) for (const p of PHRASINGS) {
  const r = await index.retriever.searchDetailed(it[p], 5);
  const top = r.hits[0];
  rows.push({ oos: it.outOfScope, c: r.confidence, s: top ? scorer.score(normalizeText(it[p]), top.chunk) : 0, len: it[p].split(/\s+/).length });
}
for (const key of ["c", "s"] as const) {
  console.log(`signal ${key}`);
  for (let t = 0.05; t <= 0.4; t += 0.025) {
    const inAns = rows.filter((r) => !r.oos && r[key] >= t).length / rows.filter((r) => !r.oos).length;
    const oosRef = rows.filter((r) => r.oos && r[key] < t).length / rows.filter((r) => r.oos).length;
    console.log(t.toFixed(3), "in answered", (inAns * 100).toFixed(1), "oos refused", (oosRef * 100).toFixed(1));
  }
}
