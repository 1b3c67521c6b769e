/**
 * npm run eval [-- --misses] — retrieval quality on the developer evaluation set (tests/eval/questions/*.json):
 * hit@1, hit@3 and MRR per phrasing for hybrid, lexical-only and vector-only retrieval, the confidence
 * distribution of in-scope vs out-of-scope questions, the threshold that maximises answer/refuse accuracy, and the
 * refusal accuracy at the CONFIDENCE_THRESHOLD in use.
 */
import { resolve } from "node:path";
import { loadConfig } from "../src/config.js";
import { CONFIDENCE_THRESHOLD, openKnowledgeIndex, progressLogger } from "../src/retrieval/index.js";
import { chooseThreshold, decisionAt, evaluate, loadEvalSet, PHRASINGS } from "../src/retrieval/eval/index.js";

const config = loadConfig(process.env);
const index = await openKnowledgeIndex({
  knowledgeDir: config.knowledgeDir,
  dataDir: config.dataDir,
  embeddings: config.embeddings,
  logger: progressLogger("eval"),
});
const { items, problems } = loadEvalSet(resolve("tests/eval/questions"));
for (const p of problems) console.log(`! ${p}`);
const inScope = items.filter((i) => i.expect !== null).length;
console.log(`Eval set: ${items.length} questions (${inScope} in scope, ${items.length - inScope} out of scope) × 3 phrasings; ` +
  `knowledge ${index.version}: ${index.lessons.length} lessons, ${index.chunks.length} chunks.\n`);

const started = performance.now();
const report = await evaluate(index.retriever, items);
const pct = (x: number) => `${(x * 100).toFixed(1).padStart(5)}%`;

console.log("Retrieval (in-scope; hit@k over distinct lessons in rank order)");
console.log(`${"mode".padEnd(8)} ${"phrasing".padEnd(9)} ${"n".padStart(4)}  hit@1   hit@3    MRR`);
for (const mode of ["hybrid", "lexical", "vector"] as const) {
  for (const phrasing of [...PHRASINGS, "all"] as const) {
    const m = report.retrieval[mode][phrasing];
    console.log(`${mode.padEnd(8)} ${phrasing.padEnd(9)} ${String(m.questions).padStart(4)} ${pct(m.hit1)} ${pct(m.hit3)}  ${m.mrr.toFixed(3)}`);
  }
}
if (report.unknownLessons.length > 0) console.log(`\n! skipped questions expecting unknown lessons: ${report.unknownLessons.join(", ")}`);

console.log("\nHybrid top-hit confidence distribution (count per bucket)");
console.log("bucket       in-scope  out-of-scope");
for (let b = 0; b < 20; b++) {
  const lo = b / 20;
  const hi = lo + 0.05;
  const inside = report.confidences.filter((c) => c.confidence >= lo && (c.confidence < hi || (b === 19 && c.confidence <= 1)));
  const ins = inside.filter((c) => c.inScope).length;
  const oos = inside.length - ins;
  if (ins + oos > 0) console.log(`${lo.toFixed(2)}–${hi.toFixed(2)}  ${String(ins).padStart(8)}  ${String(oos).padStart(12)}`);
}

const best = chooseThreshold(report.confidences);
const current = decisionAt(report.confidences, CONFIDENCE_THRESHOLD);
const line = (label: string, d: typeof best) =>
  `${label} threshold ${d.threshold.toFixed(3)}: decision accuracy ${pct(d.accuracy)}, out-of-scope refused ${pct(d.refusalAccuracy)}, in-scope answered ${pct(d.answerRate)}`;
console.log(`\n${line("Best   ", best)}`);
console.log(line("In use ", current));
if (Math.abs(best.threshold - CONFIDENCE_THRESHOLD) > 0.02) {
  console.log(`  → consider setting CONFIDENCE_THRESHOLD = ${best.threshold} in src/retrieval/confidence.ts`);
}

if (process.argv.includes("--misses")) {
  console.log("\nHybrid misses at rank 1:");
  for (const m of report.misses) console.log(`  [${m.phrasing}] ${m.question}\n      expected ${m.expect}, got ${m.got}`);
}
console.log(`\nDone in ${Math.round(performance.now() - started)} ms (${report.confidences.length} hybrid queries, each also run lexical-only and vector-only).`);
