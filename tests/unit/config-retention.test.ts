import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../src/config.js";

describe("QUESTION_RETENTION_DAYS", () => {
  it("defaults to 180 days (what the consent text and the privacy lesson promise)", () => {
    expect(loadConfig({}).privacy.questionRetentionDays).toBe(180);
    expect(loadConfig({ QUESTION_RETENTION_DAYS: "" }).privacy.questionRetentionDays).toBe(180);
  });

  it("accepts a whole number of days and refuses anything else", () => {
    expect(loadConfig({ QUESTION_RETENTION_DAYS: "30" }).privacy.questionRetentionDays).toBe(30);
    for (const bad of ["0", "-1", "1.5", "abc", "99999"]) {
      expect(() => loadConfig({ QUESTION_RETENTION_DAYS: bad })).toThrow(ConfigError);
    }
  });
});
