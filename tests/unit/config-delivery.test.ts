import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../src/config.js";

describe("durable delivery settings (OUTBOX_*, INBOX_TTL_HOURS)", () => {
  it("defaults to about 15 minutes of retries, 30 waiting messages per chat, 14 days of dead letters, 48 h of inbox ids", () => {
    expect(loadConfig({}).delivery).toEqual({
      policy: { maxAttempts: 20, retryWindowMs: 15 * 60_000, backoffBaseMs: 2_000, backoffMaxMs: 120_000, maxPendingPerChat: 30 },
      deadLetterRetentionMs: 14 * 86_400_000,
      inboxTtlMs: 48 * 3_600_000,
    });
  });

  it("reads each setting in its unit and refuses nonsense", () => {
    const delivery = loadConfig({
      OUTBOX_MAX_ATTEMPTS: "5",
      OUTBOX_RETRY_MINUTES: "60",
      OUTBOX_BACKOFF_BASE_MS: "500",
      OUTBOX_BACKOFF_MAX_MS: "30000",
      OUTBOX_MAX_PER_CHAT: "10",
      OUTBOX_DEAD_LETTER_DAYS: "7",
      INBOX_TTL_HOURS: "24",
    }).delivery;
    expect(delivery).toEqual({
      policy: { maxAttempts: 5, retryWindowMs: 3_600_000, backoffBaseMs: 500, backoffMaxMs: 30_000, maxPendingPerChat: 10 },
      deadLetterRetentionMs: 7 * 86_400_000,
      inboxTtlMs: 24 * 3_600_000,
    });
    for (const [key, bad] of [
      ["OUTBOX_MAX_ATTEMPTS", "0"],
      ["OUTBOX_RETRY_MINUTES", "-1"],
      ["OUTBOX_MAX_PER_CHAT", "1.5"],
      ["INBOX_TTL_HOURS", "abc"],
    ] as const) {
      expect(() => loadConfig({ [key]: bad })).toThrow(ConfigError);
    }
  });
});
