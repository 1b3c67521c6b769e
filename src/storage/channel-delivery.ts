/**
 * Shapes of the channels' delivery ports (`OutboxStore`, `InboxStore` in channels/shared/delivery-store.ts), restated
 * because storage may not import channels; compose.ts passes the adapters to the channels, so the compiler checks that
 * both shapes still match. `DeadLetterRecords` is what the admin route (http/admin/outbox-route.ts) reads.
 */
export type DeliveryChannel = "telegram" | "zalo";

export interface StoredOutboxMessage {
  id: number;
  chatId: string;
  payload: string;
  attempts: number;
  createdAt: Date;
}

export type OutboxSettlement =
  | { state: "sent" }
  | { state: "retry"; attempts: number; at: Date; error: string }
  | { state: "dead"; attempts: number; at: Date; error: string };

export interface OutboxRecords {
  append(channel: DeliveryChannel, chatId: string, payloads: string[], opts: { now: Date; maxPending: number }): Promise<boolean>;
  due(channel: DeliveryChannel, now: Date, limit: number): Promise<StoredOutboxMessage[]>;
  nextDueAt(channel: DeliveryChannel): Promise<Date | undefined>;
  settle(id: number, outcome: OutboxSettlement): Promise<void>;
}

export interface InboxRecords {
  accept(channel: DeliveryChannel, key: string, payload: string, now: Date): Promise<boolean>;
  done(channel: DeliveryChannel, key: string, now: Date): Promise<void>;
  unfinished(channel: DeliveryChannel, limit: number): Promise<Array<{ key: string; payload: string }>>;
}

/** A message the outbox gave up on. */
export interface DeadLetterRecord {
  id: number;
  channel: string;
  chatId: string;
  payload: string;
  attempts: number;
  lastError: string;
  createdAt: Date;
  deadAt: Date;
}

export interface DeadLetterRecords {
  /** Newest first. */
  list(limit: number): Promise<DeadLetterRecord[]>;
  /** Puts a dead letter back in its chat's queue with a fresh retry budget; false when there is no such dead letter. */
  retry(id: number, now: Date): Promise<boolean>;
}

export interface DeliveryRetention {
  /** Dead letters older than this are deleted (on the next dead letter written). */
  deadLetterRetentionMs: number;
  /** Inbox rows older than this are deleted (at most once a minute, on accept): the de-duplication window. */
  inboxTtlMs: number;
}

export const defaultDeliveryRetention: DeliveryRetention = { deadLetterRetentionMs: 14 * 86_400_000, inboxTtlMs: 48 * 3_600_000 };

/** How often the inbox purges expired rows: a purge per accepted update would be wasted work under load. */
export const INBOX_PURGE_EVERY_MS = 60_000;
