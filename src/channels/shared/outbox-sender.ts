import type { Logger } from "../../shared/logger.js";
import { silentLogger } from "../../shared/logger.js";
import type { ChatChannel, OutboxMessage, OutboxStore } from "../../shared/delivery-ports.js";

/** How hard the outbox tries before a message becomes a dead letter (config.ts: OUTBOX_*). */
export interface OutboxPolicy {
  /** Attempts per message, the first one included. */
  maxAttempts: number;
  /** A message still unsent this long after it was written becomes a dead letter. */
  retryWindowMs: number;
  /** First retry delay after a 5xx or network failure; doubles each attempt up to `backoffMaxMs`. */
  backoffBaseMs: number;
  backoffMaxMs: number;
  /** Messages one chat may have waiting; a reply beyond that is dropped with one short notice. */
  maxPendingPerChat: number;
}

export const defaultOutboxPolicy: OutboxPolicy = {
  maxAttempts: 20,
  retryWindowMs: 15 * 60_000,
  backoffBaseMs: 2_000,
  backoffMaxMs: 120_000,
  maxPendingPerChat: 30,
};

/** Cancels a scheduled call. */
type Cancel = () => void;

export interface OutboxSenderOptions {
  channel: ChatChannel;
  store: OutboxStore;
  /** One attempt to deliver; resolves once the platform answered 200, throws otherwise. */
  send(message: OutboxMessage): Promise<void>;
  /**
   * Whether a failure is worth retrying: `{ retryAfterMs }` when the platform said when (429), `{}` for backoff
   * (5xx, network), undefined when it would fail the same way again (4xx).
   */
  classify(error: unknown): { retryAfterMs?: number } | undefined;
  /** The channel's payload for "your messages came too fast", appended once when a chat's queue is full. */
  overflowNotice(chatId: string): string;
  policy?: Partial<OutboxPolicy>;
  /** Called for every failed attempt (the channel reports a revoked token as fatal). */
  onError?(error: unknown): void;
  /** Called when a message became a dead letter. */
  onDead?(message: OutboxMessage): void;
  logger?: Logger;
  now?: () => Date;
  /** Timer seam: tests pass a manual clock, so nothing depends on the machine's speed. */
  schedule?: (run: () => void, ms: number) => Cancel;
  /** How often to look for work when nothing is due (a dead letter retried by an admin, another instance's rows). */
  pollIntervalMs?: number;
}

/**
 * Sends in flight at most (each one a chat's head). The sender refills from the store only once half of them are done,
 * so a steady stream costs one `due` read per ~MAX_IN_FLIGHT/2 messages instead of one (plus a `nextDueAt`) per
 * message; the platform's pacing (send-queue.ts) decides how fast they actually go out. Not more: stop() waits for
 * the sends in flight, ~2 s of them at Telegram's 30 messages/s.
 */
const MAX_IN_FLIGHT = 64;
const REFILL_AT = MAX_IN_FLIGHT / 2;

/** min(max, base · 2^(attempt−1)): 2 s, 4 s, 8 s … 2 min with the defaults. */
export function backoffDelayMs(attempt: number, policy: Pick<OutboxPolicy, "backoffBaseMs" | "backoffMaxMs">): number {
  return Math.min(policy.backoffMaxMs, policy.backoffBaseMs * 2 ** Math.max(0, attempt - 1));
}

/** An error as one short line for the dead-letter list: never a URL (Telegram's embed the bot token). */
function describe(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.replace(/\/bot[^/\s]+/g, "/bot<token>").slice(0, 300);
}

/**
 * Delivers the outbox of one channel: the head message of each chat (so per-chat order holds), chats in parallel,
 * retried with exponential backoff (429: exactly retry_after) until the policy's attempts or time window run out,
 * then kept as a dead letter. A message is marked sent right after the platform's 200, so a restart resends only
 * what was not confirmed.
 */
export function createOutboxSender(options: OutboxSenderOptions) {
  const { channel, store } = options;
  const policy = { ...defaultOutboxPolicy, ...options.policy };
  const logger = options.logger ?? silentLogger;
  const now = options.now ?? (() => new Date());
  const pollIntervalMs = options.pollIntervalMs ?? 30_000;
  const schedule =
    options.schedule ??
    ((run: () => void, ms: number): Cancel => {
      const timer = setTimeout(run, ms);
      timer.unref();
      return () => clearTimeout(timer);
    });
  /** Chats with an attempt in flight: their next message waits for it. */
  const busy = new Set<string>();
  const attempts = new Set<Promise<void>>();
  let running = false;
  let pumping: Promise<void> | undefined;
  let again = false;
  let cancelTimer: Cancel | undefined;
  let waiters: Array<() => void> = [];
  const notify = () => {
    const ready = waiters;
    waiters = [];
    for (const wake of ready) wake();
  };

  /**
   * Looks for work unless enough is in flight: a send finishing at or below REFILL_AT (or a new reply arriving then)
   * triggers the next read, so reads are batched under load and immediate when the sender is quiet.
   */
  function wake(): void {
    if (busy.size <= REFILL_AT) kick();
  }

  function kick(): void {
    if (!running) return;
    if (pumping) {
      again = true;
      return;
    }
    pumping = pump()
      .catch((error: unknown) => {
        // The database is unavailable: nothing is lost (rows stay pending); look again later.
        logger.error({ err: error }, "outbox: could not read pending messages");
        cancelTimer?.();
        if (running) cancelTimer = schedule(kick, pollIntervalMs);
      })
      .finally(() => {
        pumping = undefined;
        notify();
        // Work that arrived while this pass was reading (a send finished, a reply was queued).
        if (again) {
          again = false;
          wake();
        }
      });
  }

  async function pump(): Promise<void> {
    let exhausted: boolean;
    do {
      again = false;
      if (busy.size >= MAX_IN_FLIGHT) return; // the sends in flight call wake() as they finish
      // Heads in flight come back too (they are still due until settled): asking for MAX_IN_FLIGHT leaves room for at
      // least MAX_IN_FLIGHT − busy new ones.
      const heads = await store.due(channel, now(), MAX_IN_FLIGHT);
      for (const message of heads) if (!busy.has(message.chatId) && busy.size < MAX_IN_FLIGHT) begin(message);
      exhausted = heads.length < MAX_IN_FLIGHT;
    } while (again && running && busy.size <= REFILL_AT);
    // More may be due: the sends just started call wake() as they finish, so no timer and no extra read.
    if (exhausted) await arm();
  }

  /**
   * Nothing more is due now: sleeps until the earliest head is due (or the poll interval). While sends are in flight
   * their completion wakes the pump, which arms again then, so the store is only asked when the sender is idle; the
   * poll timer armed meanwhile (no read) only matters if those sends hang.
   */
  async function arm(): Promise<void> {
    cancelTimer?.();
    cancelTimer = undefined;
    if (!running) return;
    if (busy.size > 0) {
      cancelTimer = schedule(kick, pollIntervalMs);
      return;
    }
    const next = await store.nextDueAt(channel);
    const wait = next === undefined ? pollIntervalMs : Math.min(pollIntervalMs, Math.max(0, next.getTime() - now().getTime()));
    cancelTimer = schedule(kick, wait);
  }

  function begin(message: OutboxMessage): void {
    busy.add(message.chatId);
    const attempt: Promise<void> = deliver(message)
      .catch((error: unknown) => logger.error({ err: error }, "outbox: could not record a delivery attempt"))
      .finally(() => {
        busy.delete(message.chatId);
        attempts.delete(attempt);
        wake();
        notify();
      });
    attempts.add(attempt);
  }

  async function deliver(message: OutboxMessage): Promise<void> {
    try {
      await options.send(message);
    } catch (error) {
      options.onError?.(error);
      const tries = message.attempts + 1;
      const hint = options.classify(error);
      const delay = hint === undefined ? undefined : (hint.retryAfterMs ?? backoffDelayMs(tries, policy));
      const at = new Date(now().getTime() + (delay ?? 0));
      const reason = describe(error);
      const outOfBudget = tries >= policy.maxAttempts || at.getTime() > message.createdAt.getTime() + policy.retryWindowMs;
      if (delay === undefined || outOfBudget) {
        await store.settle(message.id, { state: "dead", attempts: tries, at: now(), error: reason });
        // No chat id in logs (issue 11); the admin sees the dead letter through GET /admin/api/outbox/dead-letters.
        logger.warn({ attempts: tries, error: reason }, "outbox: message not delivered, moved to the dead-letter list");
        options.onDead?.(message);
        return;
      }
      await store.settle(message.id, { state: "retry", attempts: tries, at, error: reason });
      logger.warn({ attempts: tries, delayMs: delay, error: reason }, "outbox: send failed, will retry");
      return;
    }
    await store.settle(message.id, { state: "sent" });
  }

  async function settled(): Promise<void> {
    while (pumping || attempts.size > 0) await Promise.all([pumping, ...attempts]);
  }

  return {
    /** Starts delivering, beginning with whatever a previous run left pending. */
    start(): void {
      running = true;
      kick();
    },
    /** Stops picking new work and waits for attempts in flight; pending rows stay for the next start. */
    async stop(): Promise<void> {
      running = false;
      cancelTimer?.();
      cancelTimer = undefined;
      await pumping;
      await Promise.all([...attempts]);
      notify();
    },
    /**
     * Writes one reply's messages for a chat and wakes the sender. Resolves false when the chat's queue is full: the
     * reply is dropped and the chat gets one short notice instead (at most one beyond the bound).
     */
    async enqueue(chatId: string, payloads: string[]): Promise<boolean> {
      if (payloads.length === 0) return true;
      const at = now();
      const stored = await store.append(channel, chatId, payloads, { now: at, maxPending: policy.maxPendingPerChat });
      if (!stored) {
        logger.warn({ messages: payloads.length }, "outbox: chat queue full, reply dropped");
        await store.append(channel, chatId, [options.overflowNotice(chatId)], { now: at, maxPending: policy.maxPendingPerChat + 1 });
      }
      wake();
      return stored;
    },
    /** Resolves when no read and no attempt is in flight (timers may still be armed). */
    settled,
    /** Resolves when nothing is pending any more (everything sent or dead), or the sender is stopped. */
    async idle(): Promise<void> {
      for (;;) {
        await settled();
        if (!running || (await store.nextDueAt(channel)) === undefined) return;
        await new Promise<void>((resolve) => waiters.push(resolve));
      }
    },
  };
}

export type OutboxSender = ReturnType<typeof createOutboxSender>;
