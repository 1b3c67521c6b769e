import type { Logger } from "../../shared/logger.js";
import { ZaloApiError, type ZaloClient } from "./client.js";

/**
 * Development mode: long-polls getUpdates until `signal` aborts. Webhook and getUpdates are exclusive (getUpdates
 * silently gets nothing while a webhook is set), so the webhook is deleted first. A 401 ends the loop (fatal);
 * other failures back off and continue.
 */
export async function runZaloPolling(opts: {
  client: ZaloClient;
  onUpdate: (update: unknown) => void;
  signal: AbortSignal;
  logger: Logger;
  timeoutSec?: number;
  errorBackoffMs?: number;
}): Promise<void> {
  const { client, signal, logger } = opts;
  await client.deleteWebhook().catch((error: unknown) => {
    if (error instanceof ZaloApiError && error.isAuth) throw error;
    logger.warn({ err: error }, "zalo: deleteWebhook failed; polling may receive nothing while a webhook is set");
  });
  let failures = 0;
  while (!signal.aborted) {
    try {
      const updates = await client.getUpdates(opts.timeoutSec ?? 30, signal);
      failures = 0;
      for (const update of updates) opts.onUpdate(update);
    } catch (error) {
      if (signal.aborted) return;
      if (error instanceof ZaloApiError && error.isAuth) throw error;
      failures++;
      const delay = Math.min(60_000, (opts.errorBackoffMs ?? 2_000) * 2 ** Math.min(failures - 1, 5));
      logger.warn({ err: error, delayMs: delay }, "zalo: getUpdates failed");
      await abortableSleep(delay, signal);
    }
  }
}

function abortableSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener("abort", done);
      resolve();
    }
    signal.addEventListener("abort", done);
  });
}
