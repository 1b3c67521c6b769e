import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openKnowledgeIndex } from "../../../src/retrieval/index.js";
import { captureLogger } from "../../fakes/capture-logger.js";
import { startFakeOpenAiEndpoint } from "../../fakes/fake-openai-endpoint.js";
import { writeMiniKnowledge } from "./mini-knowledge.js";

const root = mkdtempSync(join(tmpdir(), "tls-embed-fault-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/**
 * Retrieval against a real (fake) OpenAI-compatible endpoint on 127.0.0.1 that fails, hangs and recovers. The
 * breaker's clock is injected; the only real waiting is the 300 ms query deadline during the hang, and nothing
 * asserts how long anything took.
 */
describe("retrieval when EMBEDDINGS_URL is down, hanging or back", () => {
  it("falls back to BM25, opens the breaker, half-opens after the cool-down and recovers", async () => {
    const fake = await startFakeOpenAiEndpoint();
    try {
      const knowledgeDir = join(root, "knowledge");
      writeMiniKnowledge(knowledgeDir);
      let now = 1_000_000;
      const log = captureLogger();
      const index = await openKnowledgeIndex({
        knowledgeDir,
        dataDir: join(root, "data"),
        embeddings: {
          kind: "openai-compatible",
          url: fake.url,
          model: "fake",
          queryTimeoutMs: 300,
          breaker: { failureThreshold: 3, cooldownMs: 30_000 },
        },
        logger: log.logger,
        now: () => now,
      });
      const guard = index.queryGuard!;
      expect(index.embeddingsStatus()).toBe("ok");
      const healthy = await index.retriever.searchDetailed("tải vneid ở đâu", 3);
      expect(healthy.lexicalFallback).toBeUndefined();
      expect(healthy.hits[0]?.chunk.lessonId).toBe("vneid-cai-dat");

      // (a) HTTP 500: every question is still ranked, from BM25 alone, and the breaker opens after 3 failures.
      fake.setMode("error");
      const before = fake.calls.embeddings;
      for (const [question, lesson] of [
        ["tải vneid ở đâu", "vneid-cai-dat"],
        ["mã OTP là gì", "safety-otp"],
        ["vừa bị lừa chuyển khoản", "safety-mat-tien"],
        ["dt ko cai dc vneid", "vneid-cai-dat"],
        ["đặt mật khẩu an toàn", "safety-otp"],
      ] as const) {
        const result = await index.retriever.searchDetailed(question, 3);
        expect(result.lexicalFallback, question).toBe(true);
        expect(result.hits[0]?.chunk.lessonId, question).toBe(lesson);
        expect(result.confidence, question).toBeGreaterThan(0);
      }
      expect(fake.calls.embeddings - before).toBe(3); // questions 4 and 5 did not call the endpoint
      expect(guard.breaker.state).toBe("open");
      expect(index.embeddingsStatus()).toBe("down");
      expect(log.count("warn", /embeddings endpoint failing/)).toBe(1);

      // After the cool-down the breaker half-opens; the probe fails (b: the endpoint now hangs) and is cut by the
      // deadline; the question is still answered from BM25 and the breaker re-opens without a second warning.
      fake.setMode("hang");
      now += 30_000;
      expect(guard.breaker.state).toBe("half-open");
      const hung = await index.retriever.searchDetailed("mã OTP là gì", 3);
      expect(hung.lexicalFallback).toBe(true);
      expect(hung.hits[0]?.chunk.lessonId).toBe("safety-otp");
      expect(guard.breaker.state).toBe("open");
      expect(log.count("warn", /embeddings endpoint failing/)).toBe(1);

      // (c) The endpoint recovers: the next probe closes the breaker and hybrid ranking is back.
      fake.setMode("ok");
      now += 30_000;
      const back = await index.retriever.searchDetailed("tải vneid ở đâu", 3);
      expect(back.lexicalFallback).toBeUndefined();
      expect(back.hits).toEqual(healthy.hits);
      expect(index.embeddingsStatus()).toBe("ok");
      expect(log.count("info", /recovered/)).toBe(1);
    } finally {
      await fake.close();
    }
  });

  it("scores fallback hits from the lexical evidence alone (no invented similarity or agreement)", async () => {
    const fake = await startFakeOpenAiEndpoint();
    try {
      const index = await openKnowledgeIndex({
        knowledgeDir: join(root, "knowledge"),
        dataDir: join(root, "data-2"),
        embeddings: { kind: "openai-compatible", url: fake.url, model: "fake", breaker: { failureThreshold: 1, cooldownMs: 60_000 } },
      });
      fake.setMode("error");
      const { hits } = await index.retriever.searchDetailed("mã OTP là gì", 3);
      expect(hits.every((h) => h.similarity === 0)).toBe(true);
      expect(hits[0]?.confidence).toBeCloseTo(0.6 * (hits[0]?.coverage ?? 0), 3);
    } finally {
      await fake.close();
    }
  });

  it("starts with BM25 ranking when the endpoint is down while the index must be built, and builds it next time", async () => {
    const fake = await startFakeOpenAiEndpoint();
    try {
      const dataDir = join(root, "data-3");
      const log = captureLogger();
      const embeddings = { kind: "openai-compatible", url: fake.url, model: "fake" } as const;
      fake.setMode("error");
      const degraded = await openKnowledgeIndex({ knowledgeDir: join(root, "knowledge"), dataDir, embeddings, logger: log.logger });
      expect(degraded.embeddingsStatus()).toBe("down");
      expect(log.count("error", /BM25 ranking only/)).toBe(1);
      const result = await degraded.retriever.searchDetailed("mã OTP là gì", 3);
      expect(result.lexicalFallback).toBe(true);
      expect(result.hits[0]?.chunk.lessonId).toBe("safety-otp");
      expect(existsSync(join(dataDir, "index", "meta.json"))).toBe(false); // nothing half-built was saved

      fake.setMode("ok");
      const full = await openKnowledgeIndex({ knowledgeDir: join(root, "knowledge"), dataDir, embeddings });
      expect(full.rebuilt).toBe(true);
      expect(full.embeddingsStatus()).toBe("ok");
      expect((await full.retriever.searchDetailed("mã OTP là gì", 3)).lexicalFallback).toBeUndefined();
    } finally {
      await fake.close();
    }
  });
});
