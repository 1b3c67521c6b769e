import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { openKnowledgeIndex } from "../../src/retrieval/index.js";
import { loadFieldSet, missingGroups, PHRASINGS, createNaiveBaseline } from "../../src/evaluation/index.js";
import { loadKnowledge } from "../../src/curriculum/index.js";
const index = await openKnowledgeIndex({ knowledgeDir: resolve("knowledge"), dataDir: mkdtempSync(join(tmpdir(), "d-")), embeddings: { kind: "hashed" } });
const { items } = loadFieldSet(resolve("tests/eval/field/dev.json"));
const base = createNaiveBaseline(loadKnowledge("knowledge").lessons);
const text = (c: any) => `${c.section}\n${c.body}`;
for (const mode of ["hybrid", "lexical", "vector"] as const) {
  for (const k of [1, 3, 5]) {
    let pass = 0, n = 0;
    for (const it of items.filter((i) => !i.outOfScope)) for (const p of PHRASINGS) {
      const r = await index.retriever.searchDetailed(it[p], k, mode);
      n++; if (missingGroups(r.hits.map((h) => text(h.chunk)).join("\n"), it.must).length === 0) pass++;
    }
    console.log(mode, k, (pass / n * 100).toFixed(1));
  }
}
for (const k of [1,3,5]) { let pass=0,n=0; for (const it of items.filter((i) => !i.outOfScope)) for (const p of PHRASINGS) { n++; if (missingGroups(base.answer(it[p],k), it.must).length===0) pass++; } console.log("naive",k,(pass/n*100).toFixed(1)); }
