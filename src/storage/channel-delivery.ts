/**
 * Retention of the delivery tables. The ports the adapters implement (outbox, inbox, dead letters) are in
 * shared/delivery-ports.ts; compose.ts passes the adapters to the channels and the admin route.
 */
export interface DeliveryRetention {
  /** Dead letters older than this are deleted (on the next dead letter written). */
  deadLetterRetentionMs: number;
  /** Inbox rows older than this are deleted (at most once a minute, on accept): the de-duplication window. */
  inboxTtlMs: number;
}

export const defaultDeliveryRetention: DeliveryRetention = { deadLetterRetentionMs: 14 * 86_400_000, inboxTtlMs: 48 * 3_600_000 };

/** How often the inbox purges expired rows: a purge per accepted update would be wasted work under load. */
export const INBOX_PURGE_EVERY_MS = 60_000;
