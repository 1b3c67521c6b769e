import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { openKnowledgeIndex } from "../../src/retrieval/index.js";
import { loadIndex } from "../../src/retrieval/index-files.js";
import { readLexicon } from "../../src/retrieval/lexicon-files.js";
import { VectorRanker as Orig } from "./zz-ab-orig-ranker.js";
import { loadEvalSet, PHRASINGS } from "../../src/retrieval/eval/index.js";
import { BENCH_QUESTIONS } from "../bench-questions.js";

const knowledgeDir = process.argv[2] ?? resolve("knowledge");
const dataDir = mkdtempSync(join(tmpdir(), "ab-"));
try {
  const index = await openKnowledgeIndex({ knowledgeDir, dataDir, embeddings: { kind: "hashed" } });
  const { lexicon } = readLexicon(knowledgeDir);
  const t0 = performance.now();
  const loaded = await loadIndex(join(dataDir, "index"), { kind: "hashed" }, lexicon);
  console.log(`new load ${Math.round(performance.now() - t0)} ms`);
  const t1 = performance.now();
  const orig = await Orig.load(join(dataDir, "index"), loaded.embeddings);
  console.log(`orig load ${Math.round(performance.now() - t1)} ms`);
  const qs = [...loadEvalSet(resolve("tests/eval/questions")).items.flatMap((i) => PHRASINGS.map((p) => i[p])), ...BENCH_QUESTIONS];
  let checked = 0;
  let diffs = 0;
  for (const q of qs) {
    const v = await loaded.vector.embedQuery(q);
    const a = loaded.vector.search(v, 60);
    const b = orig.search(v, 60);
    if (JSON.stringify(a) !== JSON.stringify(b)) { diffs++; console.log("search differs", q); }
    for (let doc = 0; doc < index.chunks.length; doc++) {
      const x = loaded.vector.similarity(v, doc);
      const y = orig.similarity(v, doc);
      checked++;
      if (!Object.is(x, y)) { diffs++; if (diffs < 10) console.log("similarity differs", q, doc, x, y); }
    }
  }
  console.log(`${qs.length} queries, ${checked} similarities compared, ${diffs} differences`);
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
