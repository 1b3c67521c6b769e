import axios from "axios";
import type { OutboxStore } from "../assistant/learning/ports.js";
import type { Logger } from "../shared/logger.js";
import { silentLogger } from "../shared/logger.js";

export interface LrsForwarderOptions {
  outbox: OutboxStore;
  lrs: { endpoint: string; username: string; password: string };
  logger?: Logger;
  clock?: () => Date;
  batchSize?: number;
  /** Poll interval when the outbox is empty or everything waits for its backoff. */
  intervalMs?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
  timeoutMs?: number;
}

export interface LrsForwarder {
  /** Sends one batch of due statements; returns how many were acknowledged and how many will be retried. */
  runOnce(): Promise<{ sent: number; retried: number }>;
  start(): void;
  stop(): Promise<void>;
}

/** Exponential backoff with a cap: 1 s, 2 s, 4 s … up to maxDelayMs. */
export function backoffMs(attempts: number, base: number, max: number): number {
  return Math.min(max, base * 2 ** Math.min(attempts, 30));
}

/**
 * Forwards the statement outbox to an external LRS (xAPI 1.0.3 POST /statements, basic auth). A row is marked sent
 * only after a 2xx — or a 409, which means the LRS already holds that statement id — so an outage loses nothing
 * and an acknowledged statement is never sent again. Assumes one forwarder per database.
 */
export function createLrsForwarder(opts: LrsForwarderOptions): LrsForwarder {
  const logger = opts.logger ?? silentLogger;
  const clock = opts.clock ?? (() => new Date());
  const base = opts.baseDelayMs ?? 1000;
  const max = opts.maxDelayMs ?? 5 * 60_000;
  const url = `${opts.lrs.endpoint.replace(/\/+$/, "")}/statements`;
  const http = axios.create({
    timeout: opts.timeoutMs ?? 15_000,
    auth: { username: opts.lrs.username, password: opts.lrs.password },
    headers: { "X-Experience-API-Version": "1.0.3", "Content-Type": "application/json" },
    validateStatus: () => true,
  });
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> | undefined;
  let stopped = false;

  async function post(body: unknown): Promise<{ ok: boolean; conflict: boolean; error: string }> {
    try {
      const res = await http.post(url, body);
      const ok = res.status >= 200 && res.status < 300;
      return { ok, conflict: res.status === 409, error: ok ? "" : `HTTP ${res.status}` };
    } catch (error) {
      return { ok: false, conflict: false, error: error instanceof Error ? error.message : String(error) };
    }
  }

  async function runOnce(): Promise<{ sent: number; retried: number }> {
    const items = await opts.outbox.dueOutbox(clock().toISOString(), opts.batchSize ?? 50);
    if (!items.length) return { sent: 0, retried: 0 };
    const batch = await post(items.map((i) => i.statement));
    const at = () => clock().toISOString();
    if (batch.ok) {
      await opts.outbox.markSent(items.map((i) => i.id), at());
      return { sent: items.length, retried: 0 };
    }
    let sent = 0;
    let retried = 0;
    const retry = async (ids: number[], attempts: number, error: string) => {
      await opts.outbox.markRetry(ids, new Date(clock().getTime() + backoffMs(attempts, base, max)).toISOString(), error);
      retried += ids.length;
    };
    if (batch.conflict) {
      // A batch is all-or-nothing; a 409 means some ids are already there, so settle each statement on its own.
      for (const item of items) {
        const one = await post(item.statement);
        if (one.ok || one.conflict) {
          await opts.outbox.markSent([item.id], at());
          sent += 1;
        } else await retry([item.id], item.attempts, one.error);
      }
    } else {
      await retry(items.map((i) => i.id), Math.min(...items.map((i) => i.attempts)), batch.error);
      logger.warn({ count: items.length, error: batch.error }, "LRS forwarding failed; will retry with backoff");
    }
    return { sent, retried };
  }

  function schedule(delay: number) {
    if (stopped) return;
    timer = setTimeout(() => {
      running = runOnce()
        .then((r) => schedule(r.sent > 0 ? 0 : (opts.intervalMs ?? 2000)))
        .catch((error: unknown) => {
          logger.error({ err: error }, "LRS forwarder error");
          schedule(opts.intervalMs ?? 2000);
        });
    }, delay);
  }

  return {
    runOnce,
    start() {
      stopped = false;
      schedule(0);
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
