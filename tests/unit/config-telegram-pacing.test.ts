import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../src/config.js";

describe("Telegram send pacing (TELEGRAM_SENDS_PER_SECOND)", () => {
  const telegram = { TELEGRAM_BOT_TOKEN: "123:abc" };

  it("defaults to Telegram's published 30 messages per second", () => {
    expect(loadConfig(telegram).telegram?.sendsPerSecond).toBe(30);
    expect(loadConfig({ ...telegram, TELEGRAM_SENDS_PER_SECOND: "" }).telegram?.sendsPerSecond).toBe(30);
  });

  it("can be raised (a bot allowed more, or a benchmark) and refuses nonsense", () => {
    expect(loadConfig({ ...telegram, TELEGRAM_SENDS_PER_SECOND: "100000" }).telegram?.sendsPerSecond).toBe(100_000);
    for (const bad of ["0", "-5", "2.5", "fast"]) {
      expect(() => loadConfig({ ...telegram, TELEGRAM_SENDS_PER_SECOND: bad })).toThrow(ConfigError);
    }
  });
});
