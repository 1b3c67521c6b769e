import type { ExpiringLog } from "../assistant/index.js";
import type { Logger } from "../shared/logger.js";
import { silentLogger } from "../shared/logger.js";

const DAY_MS = 24 * 3600_000;

export interface QuestionRetentionDeps {
  /** QUESTION_RETENTION_DAYS: question rows older than this are deleted. */
  days: number;
  /** The question logs (learning questions, unanswered log). */
  logs: Array<{ name: string; log: ExpiringLog }>;
  /** How often the job runs; default every 6 hours (a day-granular retention needs nothing finer). */
  everyMs?: number;
  clock?: () => Date;
  logger?: Logger;
  /** Injected in tests; default the real timers. */
  timers?: { setInterval: (fn: () => void, ms: number) => unknown; clearInterval: (handle: unknown) => void };
}

export interface QuestionRetention {
  /** Deletes what is older than the retention period now; returns rows deleted per log. */
  runOnce(): Promise<Record<string, number>>;
  /** Redacts rows stored before redaction existed, in every log that can. */
  redactOld(): Promise<void>;
  /** Redacts older rows and runs once at once, then every `everyMs`. */
  start(): void;
  /** Stops the timer and waits for a run in progress. Idempotent. */
  stop(): Promise<void>;
}

/**
 * The retention period for question logs (issue 11): questions are kept for `days` days, then deleted, so the
 * promise in the consent text and the privacy lesson ("180 ngày") holds even if nobody ever cleans up by hand.
 * A failing log is logged and retried at the next run; it never stops the others.
 */
export function createQuestionRetention(deps: QuestionRetentionDeps): QuestionRetention {
  const clock = deps.clock ?? (() => new Date());
  const logger = deps.logger ?? silentLogger;
  const timers = deps.timers ?? {
    setInterval: (fn: () => void, ms: number) => setInterval(fn, ms).unref(),
    clearInterval: (handle: unknown) => clearInterval(handle as NodeJS.Timeout),
  };
  let handle: unknown;
  let running: Promise<Record<string, number>> | undefined;

  async function purge(): Promise<Record<string, number>> {
    const before = new Date(clock().getTime() - deps.days * DAY_MS);
    const deleted: Record<string, number> = {};
    for (const { name, log } of deps.logs) {
      try {
        deleted[name] = await log.deleteBefore(before);
      } catch (err) {
        logger.error({ err, log: name }, "question retention: delete failed; retrying at the next run");
      }
    }
    if (Object.values(deleted).some((n) => n > 0)) logger.info({ deleted, before: before.toISOString() }, "question retention: old questions deleted");
    return deleted;
  }

  function runOnce(): Promise<Record<string, number>> {
    // Runs never overlap: a slow database gets the same run back instead of a second delete.
    running ??= purge().finally(() => {
      running = undefined;
    });
    return running;
  }

  /** Rows written before redaction existed get redacted once per start, before the first purge. */
  async function redactOld(): Promise<void> {
    for (const { name, log } of deps.logs) {
      try {
        const changed = (await log.redactStored?.()) ?? 0;
        if (changed > 0) logger.info({ log: name, changed }, "question retention: personal data removed from older rows");
      } catch (err) {
        logger.error({ err, log: name }, "question retention: redacting older rows failed; retrying at the next start");
      }
    }
  }

  return {
    runOnce,
    redactOld,
    start() {
      if (handle !== undefined) return;
      running = redactOld().then(() => purge()).finally(() => {
        running = undefined;
      });
      handle = timers.setInterval(() => void runOnce(), deps.everyMs ?? 6 * 3600_000);
    },
    async stop() {
      if (handle !== undefined) timers.clearInterval(handle);
      handle = undefined;
      await running;
    },
  };
}
