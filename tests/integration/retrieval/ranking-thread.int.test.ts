import { resolve } from "node:path";
import { Worker } from "node:worker_threads";
import { afterAll, describe, expect, it } from "vitest";
import { loadKnowledge } from "../../../src/curriculum/index.js";
import { buildKnowledgeIndex, RankingThread, readLexicon, type KnowledgeRetriever } from "../../../src/retrieval/index.js";
import { captureLogger } from "../../fakes/capture-logger.js";

/**
 * The ranking thread against the real knowledge base, in a real worker thread: it must give exactly the lists the
 * main thread computes, and nothing may depend on it — a stopped thread, a newer version or a closed thread only
 * moves the ranking back to the main thread. No timing is asserted.
 */
const knowledgeDir = resolve("knowledge");
const { lexicon } = readLexicon(knowledgeDir);
const { lessons } = loadKnowledge(knowledgeDir);
const build = (version: string, rankingThread?: RankingThread) =>
  buildKnowledgeIndex({ lessons, lexicon, version, dataDir: "/nonexistent", embeddings: { kind: "hashed" }, rankingThread });

// Questions as people type them (none from the eval files): accents, none, abbreviations, out of scope.
const QUESTIONS = [
  "làm sao cài vneid trên điện thoại",
  "quen mat khau vneid thi lam the nao",
  "dt ko cai dc vneid",
  "có người gọi bảo tôi chuyển tiền vào tài khoản an toàn",
  "nop ho so lam can cuoc cho con o dau",
  "cách chuyển khoản bằng mã QR",
  "đặt lịch khám bệnh online được không",
  "thời tiết hà nội ngày mai",
  "otp",
];

const ranked = async (retriever: KnowledgeRetriever, mode: "hybrid" | "lexical" | "vector" = "hybrid") => {
  const out = [];
  // Each question once per retriever: its memo of recent rankings must not answer for the thread.
  for (const q of QUESTIONS) {
    const r = await retriever.searchDetailed(q, 5, mode);
    out.push({ confidence: r.confidence, hits: r.hits.map((h) => [h.chunk.id, h.score, h.confidence, h.coverage, h.similarity]) });
  }
  return out;
};

const threads: RankingThread[] = [];
afterAll(async () => {
  for (const t of threads) await t.close();
});

describe("RankingThread", () => {
  it("ranks in the worker exactly as the main thread does", async () => {
    const thread = new RankingThread();
    thread.start();
    threads.push(thread);
    const here = await build("v1");
    const there = await build("v1", thread);
    expect(await thread.whenLoaded()).toBe(true);
    const before = thread.counts.ranked;
    expect(await ranked(there.retriever)).toEqual(await ranked(here.retriever));
    expect(thread.counts.ranked - before).toBe(QUESTIONS.length);
    for (const mode of ["lexical", "vector"] as const) {
      expect(await ranked((await build("v1", thread)).retriever, mode)).toEqual(await ranked((await build("v1")).retriever, mode));
    }
  });

  it("keeps answering on the main thread while the worker is gone, and uses it again once restarted", async () => {
    const log = captureLogger();
    const thread = new RankingThread({ logger: log.logger, restartAfterMs: 50 });
    thread.start();
    threads.push(thread);
    const expected = await ranked((await build("v2")).retriever);
    const index = await build("v2", thread);
    expect(await thread.whenLoaded()).toBe(true);
    // A crash of the thread, as an uncaught error or an out-of-memory stop would end it.
    expect(thread.status()).toBe("ok");
    await (thread as unknown as { worker: { terminate(): Promise<number> } }).worker.terminate();
    expect(thread.holdsLatest()).toBe(false);
    expect(thread.status()).toBe("down"); // GET /health: degraded until it is back
    expect(await ranked(index.retriever)).toEqual(expected);
    expect(log.lines.some((l) => l.msg.includes("ranking thread stopped"))).toBe(true);
    expect(await thread.whenLoaded()).toBe(true);
    const before = thread.counts.ranked;
    const again = await build("v2", thread); // a fresh retriever: no memo of the rankings above
    expect(await thread.whenLoaded()).toBe(true);
    expect(await ranked(again.retriever)).toEqual(expected);
    expect(thread.counts.ranked - before).toBe(QUESTIONS.length);
  });

  it("stops a thread that stops answering, and the main thread ranks instead", async () => {
    const log = captureLogger();
    // A thread that loads but never answers a ranking, as a runaway loop in it would.
    const hanging = () =>
      new Worker(
        `const { parentPort } = require("node:worker_threads");
         parentPort.on("message", (m) => { if (m.type === "load") parentPort.postMessage({ type: "loaded", version: m.version }); });`,
        { eval: true },
      );
    const thread = new RankingThread({ logger: log.logger, stuckAfterMs: 200, restartAfterMs: 600_000, spawnWorker: hanging });
    thread.start();
    threads.push(thread);
    const expected = await ranked((await build("v6")).retriever);
    const index = await build("v6", thread);
    expect(await thread.whenLoaded()).toBe(true);
    expect(await ranked(index.retriever)).toEqual(expected);
    expect(log.lines.some((l) => l.msg.includes("does not answer"))).toBe(true);
    expect(thread.status()).toBe("down");
    expect(thread.counts.declined).toBeGreaterThanOrEqual(1);
  });

  it("ranks nothing in the thread before it is started (the app starts it once it listens)", async () => {
    const thread = new RankingThread();
    threads.push(thread);
    const index = await build("v5", thread);
    expect(await ranked(index.retriever)).toEqual(await ranked((await build("v5")).retriever));
    expect(thread.counts.ranked).toBe(0);
    expect(await thread.whenLoaded(50)).toBe(false);
    expect(thread.status()).toBe("off");
    thread.start();
    expect(await thread.whenLoaded()).toBe(true);
    expect(thread.status()).toBe("ok");
    await thread.close();
    expect(thread.status()).toBe("off");
  });

  it("an older version's retriever is ranked on the main thread once a newer one is loaded; after close, all are", async () => {
    const thread = new RankingThread();
    thread.start();
    threads.push(thread);
    const expected = await ranked((await build("v3")).retriever);
    const older = await build("v3", thread);
    await build("v4", thread);
    expect(await thread.whenLoaded()).toBe(true);
    const before = thread.counts.ranked;
    expect(await ranked(older.retriever)).toEqual(expected);
    expect(thread.counts.ranked).toBe(before);
    const latest = await build("v3", thread);
    await thread.close();
    expect(await ranked(latest.retriever)).toEqual(expected);
  });
});
