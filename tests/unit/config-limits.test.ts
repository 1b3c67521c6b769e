import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../src/config.js";

describe("fairness limits in the config (issue 11 item 3)", () => {
  it("has defaults", () => {
    expect(loadConfig({}).limits).toEqual({
      maxTextLength: 1000,
      perLearner: { max: 60, windowMs: 60_000 },
      perIp: { max: 300, windowMs: 60_000 },
      maxQueuedTurns: 5,
    });
  });

  it("reads every variable and lists bad ones together", () => {
    const limits = loadConfig({ MAX_TEXT_LENGTH: "500", RATE_LIMIT_LEARNER_MAX: "10", RATE_LIMIT_IP_MAX: "50", RATE_LIMIT_WINDOW_MS: "10000", MAX_QUEUED_TURNS: "3" }).limits;
    expect(limits).toEqual({ maxTextLength: 500, perLearner: { max: 10, windowMs: 10_000 }, perIp: { max: 50, windowMs: 10_000 }, maxQueuedTurns: 3 });
    try {
      loadConfig({ MAX_TEXT_LENGTH: "5", RATE_LIMIT_LEARNER_MAX: "0", MAX_QUEUED_TURNS: "many" });
      expect.unreachable();
    } catch (error) {
      expect((error as ConfigError).problems.map((p) => p.split(":")[0]).sort()).toEqual(["MAX_QUEUED_TURNS", "MAX_TEXT_LENGTH", "RATE_LIMIT_LEARNER_MAX"]);
    }
  });
});
