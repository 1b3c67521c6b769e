import { BoundedMap } from "./bounded-map.js";
import { SlidingWindow } from "./sliding-window.js";

export interface SendQueueOptions {
  /** Minimum gap between two sends to the same chat (Telegram ~1 msg/s; Zalo ≥ 0.5 s between parts). */
  perChatIntervalMs: number;
  /** Budget per group chat, e.g. Telegram's 20 messages per minute. */
  group?: { limit: number; windowMs: number };
  /** Budget over all chats, e.g. Telegram's 30 messages per second. */
  global?: { limit: number; windowMs: number };
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Outgoing queue: sends to one chat happen one after another in order and are paced; different chats run in
 * parallel under the shared budgets. A rate-limited send waits and is retried instead of being lost.
 */
export class SendQueue {
  private readonly tails = new Map<string, Promise<unknown>>();
  private readonly nextAt = new Map<string, number>();
  // Bounded: a group that has been quiet for a while only loses a budget it no longer needs.
  private readonly groups = new BoundedMap<string, SlidingWindow>(5_000);
  private readonly global?: SlidingWindow;
  private readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(private readonly options: SendQueueOptions) {
    this.now = options.now ?? Date.now;
    this.sleep = options.sleep ?? realSleep;
    if (options.global) this.global = new SlidingWindow(options.global.limit, options.global.windowMs);
  }

  /**
   * Runs `send` when the chat's turn and the budgets allow; resolves with its result or rejects with its error.
   * Retrying is the durable outbox's job (outbox-sender.ts), which keeps a failed message across restarts.
   */
  enqueue<T>(chatId: string, isGroup: boolean, send: () => Promise<T>): Promise<T> {
    if (this.nextAt.size > 10_000) this.forgetPastSlots();
    const previous = this.tails.get(chatId) ?? Promise.resolve();
    const run = previous.catch(() => undefined).then(async () => {
      await this.waitForSlot(chatId, isGroup);
      return send();
    });
    const tail = run.catch(() => undefined);
    this.tails.set(chatId, tail);
    // Forget idle chats so the map does not grow with every chat ever served.
    void tail.then(() => {
      if (this.tails.get(chatId) === tail) this.tails.delete(chatId);
    });
    return run;
  }

  /** Resolves when everything queued so far has been sent (or has failed). */
  async drain(): Promise<void> {
    while (this.tails.size > 0) await Promise.all([...this.tails.values()]);
  }

  private forgetPastSlots(): void {
    const now = this.now();
    for (const [chatId, at] of this.nextAt) if (at <= now) this.nextAt.delete(chatId);
  }

  private async waitForSlot(chatId: string, isGroup: boolean): Promise<void> {
    let at = Math.max(this.now(), this.nextAt.get(chatId) ?? 0);
    if (isGroup && this.options.group) {
      let window = this.groups.get(chatId);
      if (!window) {
        window = new SlidingWindow(this.options.group.limit, this.options.group.windowMs);
        this.groups.set(chatId, window);
      }
      at = window.reserve(at);
    }
    if (this.global) at = this.global.reserve(at);
    this.nextAt.set(chatId, at + this.options.perChatIntervalMs);
    const wait = at - this.now();
    if (wait > 0) await this.sleep(wait);
  }
}
