import type { Logger } from "../../shared/logger.js";
import { silentLogger } from "../../shared/logger.js";
import type { ChatChannel, InboxStore } from "../../shared/delivery-ports.js";

export interface InboxOptions {
  channel: ChatChannel;
  store: InboxStore;
  /**
   * Processes one stored update up to the point where its answer is in the outbox; resolves true when done, false to
   * leave it for the replay at the next start (e.g. the outbox write failed). `decoded` is the update the webhook
   * already parsed (so it is not parsed twice); a replay only has the stored payload.
   */
  process(payload: string, decoded?: unknown): Promise<boolean>;
  logger?: Logger;
  now?: () => Date;
}

/**
 * Webhook durability (issue 11, item 7): an update is written to the inbox BEFORE the platform gets its 200, then
 * processed in the background and marked done. A crash in between leaves it unfinished, and `replay()` at start-up
 * processes it; a redelivery (same key, even after a restart) is recognised by the stored key and not answered twice.
 */
export function createInbox(options: InboxOptions) {
  const { channel, store } = options;
  const logger = options.logger ?? silentLogger;
  const now = options.now ?? (() => new Date());
  /** Keys being processed by this process, so a replay never runs one a second time alongside. */
  const active = new Set<string>();
  const running = new Set<Promise<void>>();

  function run(key: string, payload: string, decoded?: unknown): void {
    active.add(key);
    const work: Promise<void> = options
      .process(payload, decoded)
      .then(async (done) => {
        if (done) await store.done(channel, key, now());
      })
      .catch((error: unknown) => logger.error({ err: error }, "inbox: update processing failed; it is replayed at the next start"))
      .finally(() => {
        active.delete(key);
        running.delete(work);
      });
    running.add(work);
  }

  return {
    /**
     * Persists the update and starts processing it (`decoded`: the parsed payload, when the caller has it); false for
     * a redelivery. Rejects when the update could not be stored: the webhook then answers 5xx and the platform
     * delivers it again later.
     */
    async accept(key: string, payload: string, decoded?: unknown): Promise<boolean> {
      if (active.has(key)) return false;
      if (!(await store.accept(channel, key, payload, now()))) return false;
      run(key, payload, decoded);
      return true;
    },
    /** Processes every update a previous run stored but did not finish; returns how many. */
    async replay(limit = 1_000): Promise<number> {
      const entries = (await store.unfinished(channel, limit)).filter((e) => !active.has(e.key));
      for (const entry of entries) run(entry.key, entry.payload);
      if (entries.length > 0) logger.info({ updates: entries.length }, "inbox: replaying updates left unfinished by the last run");
      return entries.length;
    },
    /** Resolves when no accepted update is still being processed. */
    async idle(): Promise<void> {
      while (running.size > 0) await Promise.all([...running]);
    },
  };
}

export type Inbox = ReturnType<typeof createInbox>;
