import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../src/config.js";

describe("loadConfig: optional endpoints' timeouts and circuit breaker", () => {
  it("has short defaults a waiting citizen can live with", () => {
    const config = loadConfig({ EMBEDDINGS_URL: "http://127.0.0.1:11434/v1", LLM_URL: "http://127.0.0.1:11434/v1" });
    expect(config.embeddings).toMatchObject({ kind: "openai-compatible", queryTimeoutMs: 1500, breaker: { failureThreshold: 3, cooldownMs: 30_000 } });
    expect(config.llm).toMatchObject({ timeoutMs: 4000, breaker: { failureThreshold: 3, cooldownMs: 30_000 } });
  });

  it("takes the variables", () => {
    const config = loadConfig({
      EMBEDDINGS_URL: "http://e/v1",
      LLM_URL: "http://l/v1",
      EMBEDDINGS_TIMEOUT_MS: "800",
      LLM_TIMEOUT_MS: "2500",
      ENDPOINT_BREAKER_FAILURES: "5",
      ENDPOINT_BREAKER_COOLDOWN_MS: "60000",
    });
    expect(config.embeddings).toMatchObject({ queryTimeoutMs: 800, breaker: { failureThreshold: 5, cooldownMs: 60_000 } });
    expect(config.llm).toMatchObject({ timeoutMs: 2500, breaker: { failureThreshold: 5, cooldownMs: 60_000 } });
  });

  it("lists every bad value", () => {
    try {
      loadConfig({ EMBEDDINGS_TIMEOUT_MS: "soon", LLM_TIMEOUT_MS: "0", ENDPOINT_BREAKER_FAILURES: "0" });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const problems = (error as ConfigError).problems.join("\n");
      expect(problems).toMatch(/EMBEDDINGS_TIMEOUT_MS/);
      expect(problems).toMatch(/LLM_TIMEOUT_MS/);
      expect(problems).toMatch(/ENDPOINT_BREAKER_FAILURES/);
    }
  });
});
