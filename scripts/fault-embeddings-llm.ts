/**
 * npm run fault:endpoints [-- --questions 50] — issue 11 item 4: what citizens get while the optional EMBEDDINGS_URL
 * and LLM_URL endpoints are down or hanging. Runs the production composition (src/compose.ts, a real SQLite file in
 * a temp DATA_DIR, the real knowledge base) against a fake OpenAI-compatible endpoint on 127.0.0.1 and asks the same
 * questions (dev eval set, accented, one new user each) through POST /api/chat (fastify inject) in three scenarios:
 *
 *   built-in  no EMBEDDINGS_URL / LLM_URL at all: the default deployment (hashed vectors + BM25, extractive), the
 *             quality reference for the fallback
 *   healthy   both endpoints answer (the fake's vectors are letter counts, not a semantic model: this row shows
 *             the plumbing works, not what a real model would rank)
 *   down      both answer HTTP 500
 *   hanging   both accept the request and never answer
 *
 * For each it prints asked, answered (an answer or step reply with a source), answered from the expected lesson,
 * other polite replies (clarify / not sure), errors (HTTP ≠ 200 or an error reply), latency p50 / max, how often each
 * endpoint was skipped, the fallback warnings logged, and /health and /ready. The index is built once while the fake
 * is healthy; each scenario restarts the app on it, so a restart during an outage is exercised too.
 * Timeouts and breaker settings come from the environment like `npm start` (EMBEDDINGS_TIMEOUT_MS, LLM_TIMEOUT_MS,
 * ENDPOINT_BREAKER_FAILURES, ENDPOINT_BREAKER_COOLDOWN_MS). Prints figures only; asserts nothing.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { Writable } from "node:stream";
import { pino } from "pino";
import { composeApp } from "../src/compose.js";
import { loadConfig, type Config } from "../src/config.js";
import { loadEvalSet } from "../src/retrieval/eval/index.js";
import { startFakeOpenAiEndpoint, type EndpointMode } from "../tests/fakes/fake-openai-endpoint.js";

const args = process.argv.slice(2);
const flag = args.indexOf("--questions");
const count = flag >= 0 ? Math.max(1, Number(args[flag + 1]) || 50) : 50;

/** In-scope dev questions, taken round-robin across the topic files so every topic is asked. */
function pickQuestions(n: number): Array<{ text: string; lesson: string }> {
  const byFile = new Map<string, Array<{ text: string; lesson: string }>>();
  for (const item of loadEvalSet(resolve("tests/eval/questions")).items) {
    if (!item.expect) continue;
    const list = byFile.get(item.file) ?? [];
    list.push({ text: item.accented, lesson: item.expect });
    byFile.set(item.file, list);
  }
  const lists = [...byFile.values()];
  const out: Array<{ text: string; lesson: string }> = [];
  for (let i = 0; out.length < n && lists.some((l) => i < l.length); i++) {
    for (const list of lists) if (out.length < n && list[i]) out.push(list[i]!);
  }
  return out;
}

/** Warn-level log lines, counted (to show the fallback warning is logged once per breaker opening) and shown. */
function warnCounter() {
  const seen: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const line of String(chunk).split("\n").filter(Boolean)) {
        try {
          const entry = JSON.parse(line) as { level?: number; msg?: string; part?: string };
          if ((entry.level ?? 0) >= 40) seen.push(`${entry.part ?? "app"}: ${entry.msg ?? ""}`);
        } catch {
          // not JSON: ignore
        }
      }
      done();
    },
  });
  return { logger: pino({ level: "warn", base: {} }, stream), seen };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

async function scenario(name: string, mode: EndpointMode, config: Config, fake: Awaited<ReturnType<typeof startFakeOpenAiEndpoint>>) {
  const questions = pickQuestions(count);
  fake.setMode(mode);
  const { logger, seen } = warnCounter();
  const app = await composeApp(config, logger);
  const http = await app.buildHttp();
  const times: number[] = [];
  let answered = 0;
  let rightLesson = 0;
  let polite = 0;
  let errors = 0;
  const callsBefore = { ...fake.calls };
  try {
    for (const [i, q] of questions.entries()) {
      const started = performance.now();
      const res = await http.inject({ method: "POST", url: "/api/chat", payload: { userId: `fault-${name}-${i}`, text: q.text } });
      times.push(performance.now() - started);
      const body = res.statusCode === 200 ? (res.json() as { kind: string; sources: Array<{ id: string }> }) : undefined;
      if (!body || body.kind === "error") errors += 1;
      else if ((body.kind === "answer" || body.kind === "step") && body.sources.length > 0) {
        answered += 1;
        if (body.sources[0]?.id === q.lesson) rightLesson += 1;
      } else polite += 1;
      if ((i + 1) % 10 === 0 || i + 1 === questions.length) {
        process.stderr.write(`  ${name}: ${i + 1}/${questions.length} asked, max ${Math.round(Math.max(...times))} ms so far\n`);
      }
    }
    const health = (await http.inject({ method: "GET", url: "/health" })).json() as { status: string; parts: Record<string, string> };
    const ready = await http.inject({ method: "GET", url: "/ready" });
    const sorted = [...times].sort((a, b) => a - b);
    const fallbacks = app.health.fallbacks();
    return {
      scenario: name,
      asked: questions.length,
      answered,
      rightLesson,
      polite,
      errors,
      p50: Math.round(percentile(sorted, 50)),
      max: Math.round(sorted.at(-1) ?? 0),
      over3s: times.filter((t) => t > 3000).length,
      endpointCalls: `${fake.calls.embeddings - callsBefore.embeddings}/${fake.calls.chat - callsBefore.chat}`,
      skipped: `${fallbacks.embeddings}/${fallbacks.llm}`,
      warnings: seen,
      health: `${health.status} (embeddings ${health.parts.embeddings}, llm ${health.parts.llm})`,
      ready: ready.statusCode,
    };
  } finally {
    await http.close();
    await app.close();
  }
}

const root = mkdtempSync(join(tmpdir(), "tls-fault-endpoints-"));
const fake = await startFakeOpenAiEndpoint();
try {
  const config = loadConfig({
    DATA_DIR: root,
    KNOWLEDGE_DIR: process.env.KNOWLEDGE_DIR,
    PROMPTS_DIR: process.env.PROMPTS_DIR,
    EMBEDDINGS_URL: fake.url,
    LLM_URL: fake.url,
    EMBEDDINGS_TIMEOUT_MS: process.env.EMBEDDINGS_TIMEOUT_MS,
    LLM_TIMEOUT_MS: process.env.LLM_TIMEOUT_MS,
    ENDPOINT_BREAKER_FAILURES: process.env.ENDPOINT_BREAKER_FAILURES,
    ENDPOINT_BREAKER_COOLDOWN_MS: process.env.ENDPOINT_BREAKER_COOLDOWN_MS,
  });
  const llm = config.llm!;
  const embeddings = config.embeddings as Extract<Config["embeddings"], { kind: "openai-compatible" }>;
  console.log(
    `fault:endpoints — ${count} questions per scenario; embeddings timeout ${embeddings.queryTimeoutMs} ms, LLM timeout ${llm.timeoutMs} ms, ` +
      `breaker opens after ${llm.breaker.failureThreshold} failures, cool-down ${llm.breaker.cooldownMs} ms`,
  );
  process.stderr.write("building the search index against the healthy fake endpoint…\n");
  const builder = await composeApp(config, pino({ level: "silent" }));
  await builder.close();

  const builtIn = loadConfig({ DATA_DIR: join(root, "built-in"), KNOWLEDGE_DIR: process.env.KNOWLEDGE_DIR, PROMPTS_DIR: process.env.PROMPTS_DIR });
  const results = [];
  for (const [name, mode, scenarioConfig] of [
    ["built-in", "ok", builtIn],
    ["healthy", "ok", config],
    ["down", "error", config],
    ["hanging", "hang", config],
  ] as const) {
    process.stderr.write(`scenario ${name}…\n`);
    results.push(await scenario(name, mode, scenarioConfig, fake));
  }
  console.log("");
  console.log("scenario   asked  answered  right-lesson  other-polite  errors  p50 ms  max ms  >3s  calls emb/llm  skipped emb/llm  /health                              /ready");
  for (const r of results) {
    console.log(
      [
        r.scenario.padEnd(9),
        String(r.asked).padStart(5),
        String(r.answered).padStart(9),
        String(r.rightLesson).padStart(13),
        String(r.polite).padStart(13),
        String(r.errors).padStart(7),
        String(r.p50).padStart(7),
        String(r.max).padStart(7),
        String(r.over3s).padStart(4),
        r.endpointCalls.padStart(14),
        r.skipped.padStart(16),
        ` ${r.health.padEnd(37)}`,
        String(r.ready),
      ].join(" "),
    );
  }
  console.log("");
  for (const r of results) {
    console.log(`warnings logged (${r.scenario}): ${r.warnings.length === 0 ? "none" : ""}`);
    for (const w of r.warnings) console.log(`  - ${w}`);
  }
} finally {
  await fake.close();
  rmSync(root, { recursive: true, force: true });
}
