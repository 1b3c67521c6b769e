/**
 * npm run eval:answers [-- --half dev|test] [--failures] [--limit N]
 *
 * Answer quality as citizens meet it (issue 9): every field question (tests/eval/field/<half>.json) in its three
 * phrasings goes through the real composition in-process — the same composeApp that `npm start` serves, on a fresh
 * SQLite data dir — as a brand-new learner, and the FIRST reply's text is graded against the facts a correct answer
 * needs. In the same run the naive baseline (folded BM25, best section verbatim, and its top 3) answers the same
 * text, so every figure is a side-by-side. Then the scripted dialogues of the same half run turn by turn.
 *
 * The dev half (default) may be studied: --failures lists what failed. The test half is sealed: it is only run to
 * report, and the script never prints its individual items.
 */
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pino } from "pino";
import { composeApp } from "../src/compose.js";
import { loadConfig } from "../src/config.js";
import { loadKnowledge } from "../src/curriculum/index.js";
import { openKnowledgeIndex } from "../src/retrieval/index.js";
import {
  compareRetrievalModes,
  createNaiveBaseline,
  formatRetrievalTable,
  evaluateAnswers,
  formatAnswerReport,
  formatDialogueReport,
  loadDialogues,
  loadFieldSet,
  runDialogue,
} from "../src/evaluation/index.js";

const args = process.argv.slice(2);
const flag = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const half = flag("--half") ?? "dev";
if (half !== "dev" && half !== "test") {
  console.error('--half must be "dev" or "test"');
  process.exit(2);
}
const sealed = half === "test";
const showFailures = args.includes("--failures") && !sealed;
if (args.includes("--failures") && sealed) console.log("(--failures ignored: the test half is sealed; only totals are printed)");
const limit = Number(flag("--limit") ?? Infinity);

const dataDir = mkdtempSync(join(tmpdir(), "tls-eval-answers-"));
const config = loadConfig({ ...process.env, DATA_DIR: dataDir, DATABASE_URL: "", LOG_LEVEL: "silent", TELEGRAM_BOT_TOKEN: "", ZALO_BOT_TOKEN: "" });
const app = await composeApp(config, pino({ level: "silent" }));
try {
  const { items, problems } = loadFieldSet(resolve(`tests/eval/field/${half}.json`));
  for (const p of problems) console.log(`! ${p}`);
  const chosen = items.slice(0, limit);
  const baseline = createNaiveBaseline(loadKnowledge(config.knowledgeDir).lessons);
  console.log(`Field set, ${half} half: ${chosen.length} questions × 3 phrasings; knowledge ${app.knowledge.version} (${app.knowledge.lessons} lessons, ${app.knowledge.chunks} sections)`);
  const started = performance.now();
  const report = await evaluateAnswers(
    {
      assistant: app.assistant,
      baseline,
      onProgress: (done, total) => {
        if (done % 150 === 0 || done === total) process.stdout.write(`  ${done}/${total} replies graded\r`);
      },
    },
    chosen,
  );
  console.log(`\n${formatAnswerReport(report, `\nFirst reply holds the needed facts (pass rate), ${half} half — ours vs naive baseline, same run`)}`);
  if (showFailures) {
    console.log("\nFailures (assistant):");
    for (const o of report.outcomes.filter((x) => x.system === "assistant" && !x.grade.pass)) {
      const why = o.item.outOfScope ? `not refused (${o.replyKind})` : o.grade.refused ? "refused" : `missing ${o.grade.missing.map((g) => `[${g.join("|")}]`).join(" ")}`;
      console.log(`  ✗ ${o.item.id} ${o.phrasing}: "${o.item[o.phrasing]}" → ${why}${o.grade.mustNotHits.length ? `; MUST-NOT ${o.grade.mustNotHits.join(",")}` : ""}\n      ${o.replyText.slice(0, 160).replace(/\n/g, " ⏎ ")}`);
    }
  }
  // Retrieval diagnostic in the same run: the index composeApp built is on disk in dataDir, so this only loads it.
  const index = await openKnowledgeIndex({ knowledgeDir: config.knowledgeDir, dataDir, embeddings: config.embeddings });
  const rank = async (q: string, k: number, mode: "hybrid" | "lexical" | "vector") => (await index.retriever.searchDetailed(q, k, mode)).hits.map((h) => h.chunk);
  console.log("\nRetrieval: do the top sections hold the needed facts (in scope)?");
  console.log(formatRetrievalTable(await compareRetrievalModes(chosen, rank, baseline)));

  const dialogueFile = resolve(`tests/eval/dialogues/${half}.json`);
  const dialogues = existsSync(dialogueFile) ? loadDialogues(dialogueFile) : [];
  const results = [];
  for (const d of dialogues) results.push(await runDialogue(app.assistant, d, `dialogue:${d.id}`));
  console.log(`\n${formatDialogueReport(results, `Dialogues, ${half} half`, showFailures)}`);
  console.log(`\nDone in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
} finally {
  await app.close();
  rmSync(dataDir, { recursive: true, force: true });
}
