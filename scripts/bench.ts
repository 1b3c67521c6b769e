/**
 * npm run bench — performance figures in one run, on the real knowledge base and on a synthetic scale-up
 * (≥ 2,000 chunks made by recombining real sections in a temp dir): index build time, p50/p95 latency in-process
 * (retriever alone, and question → answer through the core Assistant) and through POST /api/chat (fastify
 * inject), and peak RSS. Prints figures only; nothing here asserts timings.
 *
 * The assistant and the HTTP app are the production composition (src/compose.ts: learning features, commands, step
 * mode, QA with the clarify band, a real SQLite file in a temp DATA_DIR), so the figures are what `npm start` serves.
 * Each question comes from a new user, so follow-up context never leaks between questions.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, cpSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join, resolve } from "node:path";
import { pino } from "pino";
import { composeApp } from "../src/compose.js";
import { loadConfig } from "../src/config.js";
import { listLessonFiles } from "../src/curriculum/index.js";
import { loadEvalSet, PHRASINGS } from "../src/retrieval/eval/index.js";
import { openKnowledgeIndex, type KnowledgeIndex } from "../src/retrieval/index.js";

const TARGET_CHUNKS = 2000;
const root = mkdtempSync(join(tmpdir(), "tls-bench-"));
const questions = loadEvalSet(resolve("tests/eval/questions")).items.flatMap((i) => PHRASINGS.map((p) => i[p]));

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

async function timeEach(label: string, run: (q: string, i: number) => Promise<unknown>): Promise<string> {
  for (let i = 0; i < 20; i++) await run(questions[i % questions.length] ?? "vneid", i); // warm-up (JIT, caches)
  const times: number[] = [];
  for (let i = 0; i < questions.length; i++) {
    const start = performance.now();
    await run(questions[i] ?? "", i);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return `${label.padEnd(28)} n=${times.length}  p50 ${percentile(times, 50).toFixed(2)} ms  p95 ${percentile(times, 95).toFixed(2)} ms  max ${(times.at(-1) ?? 0).toFixed(1)} ms`;
}

/** Writes copies of the real lessons, each combining its own sections with another lesson's, until ≥ target chunks. */
function syntheticKnowledge(dir: string, realChunks: number): void {
  const files = listLessonFiles(resolve("knowledge")).map((f) => readFileSync(f, "utf8"));
  const parts = files.map((text) => {
    const end = text.indexOf("\n---", 3) + 4;
    const body = text.slice(end);
    const first = body.indexOf("\n## ");
    return { front: text.slice(0, end), summary: body.slice(0, first), sections: body.slice(first).split(/\n(?=## )/).filter((s) => s.trim()) };
  });
  const copies = Math.ceil(TARGET_CHUNKS / (realChunks * 2)) + 1;
  for (let n = 1; n <= copies; n++) {
    const topicDir = join(dir, `synthetic`);
    mkdirSync(topicDir, { recursive: true });
    parts.forEach((part, i) => {
      const other = parts[(i + n) % parts.length];
      const id = /\nid:\s*(\S+)/.exec(part.front)?.[1] ?? `lesson-${i}`;
      const newId = `${id}-x${n}`;
      const front = part.front.replace(/\nid:\s*\S+/, `\nid: ${newId}`).replace(/\ntopic:\s*\S+/, "\ntopic: basics");
      const sections = [...part.sections, ...(other?.sections ?? []).map((s) => s.replace(/^## (.*)/, `## $1 (${n})`))];
      writeFileSync(join(topicDir, `${newId}.md`), `${front}${part.summary}\n${sections.join("\n")}\n`);
    });
  }
  for (const data of ["lexicon", "paths", "units"]) cpSync(resolve("knowledge", data), join(dir, data), { recursive: true });
  // Keep the real lessons too, so real questions still have their answers.
  for (const f of listLessonFiles(resolve("knowledge"))) {
    const topic = basename(resolve(f, ".."));
    mkdirSync(join(dir, topic), { recursive: true });
    cpSync(f, join(dir, topic, basename(f)));
  }
}

async function benchOne(label: string, knowledgeDir: string): Promise<KnowledgeIndex> {
  const dataDir = join(root, label);
  const config = loadConfig({ DATA_DIR: dataDir, KNOWLEDGE_DIR: knowledgeDir, LOG_LEVEL: "silent" });
  const started = performance.now();
  const app = await composeApp(config, pino({ level: "silent" }));
  const buildMs = performance.now() - started;
  const loadStart = performance.now();
  const index = await openKnowledgeIndex({ knowledgeDir, dataDir, embeddings: { kind: "hashed" } });
  const loadMs = performance.now() - loadStart;
  console.log(`\n== ${label}: ${index.lessons.length} lessons, ${index.chunks.length} chunks, ${index.retriever.dims} dims`);
  console.log(`start-up with index build (compose: storage + parse + analyse + embed + HNSW + save): ${Math.round(buildMs)} ms; index reopen (hash + load): ${Math.round(loadMs)} ms`);

  console.log(await timeEach("retriever.search k=5", (q) => index.retriever.search(q, 5)));
  console.log(await timeEach("assistant.handle (in-process)", (q, i) => app.assistant.handle({ channel: "web", userId: `u${i}`, text: q })));
  const http = await app.buildHttp();
  console.log(
    await timeEach("POST /api/chat (inject)", async (q, i) => {
      const res = await http.inject({ method: "POST", url: "/api/chat", payload: { userId: `h${i}`, text: q } });
      if (res.statusCode !== 200) throw new Error(`/api/chat answered ${res.statusCode}: ${res.body}`);
    }),
  );
  await http.close();
  await app.close();
  console.log(`RSS after ${label}: ${Math.round(process.memoryUsage().rss / 1048576)} MB`);
  return index;
}

try {
  console.log(`Bench on ${process.platform}/${process.arch}, Node ${process.version}; ${questions.length} questions (all dev phrasings).`);
  const real = await benchOne("real", resolve("knowledge"));
  const synthDir = join(root, "synthetic-knowledge");
  syntheticKnowledge(synthDir, real.chunks.length);
  await benchOne("synthetic", synthDir);
  console.log(`\nPeak RSS: ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`);
} finally {
  rmSync(root, { recursive: true, force: true });
}
