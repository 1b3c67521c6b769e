/**
 * Ports for durable chat delivery (issue 11, items 6 and 7), in one place for the three sides that meet here: the
 * channels write and send through them (channels/shared/outbox-sender.ts, inbox.ts), storage implements them
 * (storage/sqlite/channel-outbox.ts, storage/postgres/channel-outbox.ts; memory-delivery-store.ts for tests and
 * scripts), and the admin pages read the dead letters (http/admin/outbox-route.ts). Kept in shared/ because the import
 * rules let each of them import shared/ but not one another.
 */

export type ChatChannel = "telegram" | "zalo";

/** One outgoing message waiting in the outbox. `payload` is the channel's own JSON (what to call, with what). */
export interface OutboxMessage {
  id: number;
  chatId: string;
  payload: string;
  /** Failed attempts so far. */
  attempts: number;
  /** When it was written; the retry budget counts from here. */
  createdAt: Date;
}

/** What became of one delivery attempt. */
export type OutboxOutcome =
  | { state: "sent" }
  | { state: "retry"; attempts: number; at: Date; error: string }
  | { state: "dead"; attempts: number; at: Date; error: string };

/**
 * Outgoing messages, written before they are sent. Per chat the messages form a queue in id order: only the oldest
 * pending one (the head) is ever handed out, so message n+1 never overtakes message n.
 */
export interface OutboxStore {
  /**
   * Appends one reply's messages for a chat, in order, all or nothing. Stores nothing and returns false when the chat
   * already has `maxPending` or more messages waiting (a flood is dropped, not queued forever).
   */
  append(channel: ChatChannel, chatId: string, payloads: string[], opts: { now: Date; maxPending: number }): Promise<boolean>;
  /**
   * The head message of each chat whose next attempt is due at `now`, earliest due first (then oldest), at most
   * `limit`. Adapters answer from an index of heads, so the cost is that of `limit` rows, whatever the backlog.
   */
  due(channel: ChatChannel, now: Date, limit: number): Promise<OutboxMessage[]>;
  /** When the earliest chat head becomes due; undefined when nothing is pending. */
  nextDueAt(channel: ChatChannel): Promise<Date | undefined>;
  /** Records an attempt: sent (the row goes away), retry later, or dead letter (kept for the admin to see). */
  settle(id: number, outcome: OutboxOutcome): Promise<void>;
}

/** One incoming update that was persisted before the platform got its 200, and not yet fully processed. */
export interface InboxEntry {
  key: string;
  payload: string;
}

/**
 * Incoming updates, persisted before the webhook answers 200 and de-duplicated on the platform's id. Entries are
 * forgotten after a TTL (the adapter purges them), so a redelivery within the TTL is recognised even after a restart.
 */
export interface InboxStore {
  /** Stores the update; false when this key was already received (a redelivery). */
  accept(channel: ChatChannel, key: string, payload: string, now: Date): Promise<boolean>;
  /** Marks it processed (and drops its payload: the text is not kept longer than needed). */
  done(channel: ChatChannel, key: string, now: Date): Promise<void>;
  /** Updates received but never marked done (the process stopped mid-way), oldest first. */
  unfinished(channel: ChatChannel, limit: number): Promise<InboxEntry[]>;
}

/** A chat message the outbox gave up on, as the admin's dead-letter list shows it. */
export interface DeadLetter extends OutboxMessage {
  channel: string;
  lastError: string;
  deadAt: Date;
}

/** The outbox's dead letters, for the admin. */
export interface DeadLetterList {
  /** Newest first. */
  list(limit: number): Promise<DeadLetter[]>;
  /** Puts a dead letter back in its chat's queue with a fresh retry budget; false when there is no such dead letter. */
  retry(id: number, now: Date): Promise<boolean>;
}
