/**
 * npm run bench — performance figures in one run, on the real knowledge base and on a synthetic scale-up
 * (≥ 2,000 chunks made by recombining real sections in a temp dir): index build time, p50/p95 latency in-process
 * (retriever alone, and question → answer through the core Assistant) and through POST /api/chat (fastify
 * inject), and peak RSS. Prints figures only; nothing here asserts timings.
 *
 * The assistant and the HTTP app are the production composition (src/compose.ts: learning features, commands, step
 * mode, QA with the clarify band, a real SQLite file in a temp DATA_DIR), so the figures are what `npm start` serves.
 * Every call comes from a user no other call used (warm-up users included), so follow-up context never leaks; timings
 * are 3 passes reported as min / median / max, and the index build is timed alone (start-up is reported apart).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pino } from "pino";
import { composeApp } from "../src/compose.js";
import { syntheticKnowledge } from "./synthetic-knowledge.js";
import { loadConfig } from "../src/config.js";
import { loadEvalSet, PHRASINGS } from "../src/retrieval/eval/index.js";
import { buildKnowledgeIndex, IndexBuilder, openKnowledgeIndex, readLexicon, type KnowledgeIndex } from "../src/retrieval/index.js";

const TARGET_CHUNKS = 2000;
const root = mkdtempSync(join(tmpdir(), "tls-bench-"));
const questions = loadEvalSet(resolve("tests/eval/questions")).items.flatMap((i) => PHRASINGS.map((p) => i[p]));

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

const PASSES = 3;

const spread = (values: number[], digits = 2) => {
  const s = [...values].sort((a, b) => a - b);
  return `${(s[0] ?? 0).toFixed(digits)} / ${(s[Math.floor(s.length / 2)] ?? 0).toFixed(digits)} / ${(s.at(-1) ?? 0).toFixed(digits)}`;
};

/**
 * Each pass asks the questions with its own opening, and the warm-up with yet another: the app remembers the rankings
 * and answers of recent questions, so a pass repeating the texts of an earlier one would time the memo, not the work.
 */
const PASS_OPENINGS = ["con ơi ", "", "cho tôi hỏi ", "xin hỏi "];
/** And each timed path its own ending, as the assistant and the HTTP route share the retriever of the same app. */
const ENDINGS = new Map<string, string>();
const endingFor = (label: string) => {
  if (!ENDINGS.has(label)) ENDINGS.set(label, ["", " ạ", " nhé", " vậy", " nhỉ", " thế"][ENDINGS.size % 6]!);
  return ENDINGS.get(label)!;
};

/**
 * Warm-up (its users are never reused), then PASSES timed passes over every question, each question from a user no
 * other call used and in a wording no earlier call used; prints p50 / p95 / max as min / median / max over the passes.
 */
async function timeEach(label: string, run: (q: string, user: string) => Promise<unknown>): Promise<string> {
  const ending = endingFor(label);
  for (let i = 0; i < 20; i++) await run(`${PASS_OPENINGS[0]}${questions[i % questions.length] ?? "vneid"}${ending}`, `warm-${label}-${i}`); // JIT, caches
  const p50: number[] = [];
  const p95: number[] = [];
  const max: number[] = [];
  for (let pass = 1; pass <= PASSES; pass++) {
    const times: number[] = [];
    for (let i = 0; i < questions.length; i++) {
      const start = performance.now();
      await run(`${PASS_OPENINGS[pass] ?? ""}${questions[i] ?? ""}${ending}`, `p${pass}-${label}-${i}`);
      times.push(performance.now() - start);
    }
    times.sort((a, b) => a - b);
    p50.push(percentile(times, 50));
    p95.push(percentile(times, 95));
    max.push(times.at(-1) ?? 0);
  }
  return `${label.padEnd(28)} n=${questions.length}×${PASSES}  p50 ${spread(p50)} ms  p95 ${spread(p95)} ms  max ${spread(max, 1)} ms (min / median / max of ${PASSES} passes)`;
}

async function benchOne(label: string, knowledgeDir: string, buildPasses: number): Promise<KnowledgeIndex> {
  // The index build alone (parse + analyse + embed, in memory), each pass from scratch.
  const builds: number[] = [];
  const build = async () => openKnowledgeIndex({ knowledgeDir, dataDir: join(root, `${label}-build`), embeddings: { kind: "hashed" } });
  let index = await build();
  for (let pass = 1; pass <= buildPasses; pass++) {
    const started = performance.now();
    index = await build();
    builds.push(performance.now() - started);
  }
  // Start-up as `npm start` meets it: the first time (database seeded from the files, everything analysed), then the
  // second time (lessons in the database, the index builder's cache in DATA_DIR/index).
  const dataDir = join(root, label);
  const config = loadConfig({ DATA_DIR: dataDir, KNOWLEDGE_DIR: knowledgeDir, LOG_LEVEL: "silent", ADMIN_API_TOKEN: BENCH_TOKEN });
  const firstStart = performance.now();
  const seeding = await composeApp(config, pino({ level: "silent" }));
  const firstMs = performance.now() - firstStart;
  await new Promise((resolve) => setTimeout(resolve, 3_000)); // the builder cache is written in the background
  await seeding.close();
  const started = performance.now();
  const app = await composeApp(config, pino({ level: "silent" }));
  const startMs = performance.now() - started;
  console.log(`\n== ${label}: ${index.lessons.length} lessons, ${index.chunks.length} chunks, ${index.retriever.dims} dims`);
  console.log(`index build alone (parse + analyse + embed; built-in embedder, in memory), ${buildPasses} pass(es): ${spread(builds, 0)} ms (min / median / max)`);
  console.log(`re-index after a one-lesson change (same builder, 5 different lessons): ${spread(await oneLessonRebuilds(index, knowledgeDir), 0)} ms (min / median / max)`);
  console.log(`in-process start-up (composeApp: storage, migrations, seed check, parse, index, features): first ${Math.round(firstMs)} ms (seeds the database), next ${Math.round(startMs)} ms (builder cache)`);

  console.log(await timeEach("retriever.search k=5", (q) => index.retriever.search(q, 5)));
  console.log(await timeEach("assistant.handle (in-process)", (q, user) => app.assistant.handle({ channel: "web", userId: user, text: q })));
  const http = await app.buildHttp();
  console.log(`publish one lesson through the admin API until the next question gets it (5 publishes): ${spread(await publishTimes(http, index), 0)} ms (min / median / max)`);
  console.log(
    await timeEach("POST /api/chat (inject)", async (q, user) => {
      const res = await http.inject({ method: "POST", url: "/api/chat", payload: { userId: user, text: q } });
      if (res.statusCode !== 200) throw new Error(`/api/chat answered ${res.statusCode}: ${res.body}`);
    }),
  );
  await http.close();
  await app.close();
  console.log(`bench process RSS after ${label}: ${Math.round(process.memoryUsage().rss / 1048576)} MB (it holds every index this bench built; the served app's RSS is in npm run bench:load)`);
  return index;
}

const BENCH_TOKEN = "bench-admin-token-0123456789";

/** Rebuilds the index with one lesson's summary changed, as a publish does (the builder keeps per-text work). */
async function oneLessonRebuilds(index: KnowledgeIndex, knowledgeDir: string): Promise<number[]> {
  const { lexicon } = readLexicon(knowledgeDir);
  const builder = new IndexBuilder(lexicon);
  const options = { dataDir: join(root, "rebuild"), embeddings: { kind: "hashed" as const }, lexicon, builder };
  await buildKnowledgeIndex({ ...options, lessons: index.lessons, version: "v0" });
  const times: number[] = [];
  for (let n = 1; n <= 5; n++) {
    const at = (n * 17) % index.lessons.length;
    const lessons = index.lessons.map((l, i) => (i === at ? { ...l, summary: `${l.summary} (sửa lần ${n})` } : l));
    const started = performance.now();
    await buildKnowledgeIndex({ ...options, lessons, version: `v${n}` });
    times.push(performance.now() - started);
  }
  return times;
}

/** PUT a changed draft, then time POST …/publish (it returns once the new knowledge is swapped in) to the next answer. */
async function publishTimes(http: Awaited<ReturnType<Awaited<ReturnType<typeof composeApp>>["buildHttp"]>>, index: KnowledgeIndex): Promise<number[]> {
  const headers = { authorization: `Bearer ${BENCH_TOKEN}` };
  const times: number[] = [];
  for (let n = 1; n <= 5; n++) {
    const lesson = index.lessons[(n * 13) % index.lessons.length]!;
    const got = await http.inject({ method: "GET", url: `/admin/api/lessons/${lesson.id}`, headers });
    const markdown = (got.json() as { liveMarkdown: string }).liveMarkdown.replace(lesson.summary, `${lesson.summary} Cập nhật lần ${n}.`);
    await http.inject({ method: "PUT", url: `/admin/api/lessons/${lesson.id}`, headers, payload: { markdown } });
    const started = performance.now();
    const res = await http.inject({ method: "POST", url: `/admin/api/lessons/${lesson.id}/publish`, headers });
    if (res.statusCode !== 200) throw new Error(`publish answered ${res.statusCode}: ${res.body}`);
    await http.inject({ method: "POST", url: "/api/chat", payload: { userId: `after-publish-${n}`, text: lesson.title } });
    times.push(performance.now() - started);
  }
  return times;
}

try {
  console.log(`Bench on ${process.platform}/${process.arch}, Node ${process.version}; ${questions.length} questions (all dev phrasings).`);
  const real = await benchOne("real", resolve("knowledge"), 3);
  const synthDir = join(root, "synthetic-knowledge");
  syntheticKnowledge(synthDir, real.chunks.length, TARGET_CHUNKS);
  await benchOne("synthetic", synthDir, 1);
  console.log(`\nPeak RSS: ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`);
} finally {
  rmSync(root, { recursive: true, force: true });
}
