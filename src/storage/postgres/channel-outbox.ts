import { defaultDeliveryRetention, INBOX_PURGE_EVERY_MS, type DeliveryRetention } from "../channel-delivery.js";
import type { DeadLetterList, InboxStore, OutboxStore } from "../../shared/delivery-ports.js";
import type pg from "pg";
import type { PgPool } from "./database.js";
import { inTransaction } from "./transaction.js";

/**
 * Heads: only the head of a chat's queue (its lowest pending id) is ever handed out, which keeps per-chat order. The
 * head carries `is_head` (migration 009_outbox_heads.sql), so `due` and `nextDueAt` read the partial index
 * channel_outbox_due (heads only, in due order) instead of scanning the backlog. Every change that can move a head runs
 * in one transaction holding the chat's advisory lock: two instances appending to and sending from one chat are
 * serialised, so a chat never ends up with two heads or none.
 */
const DUE = `SELECT id, chat_id, payload, attempts, created_at FROM channel_outbox
  WHERE channel = $1 AND is_head AND next_attempt_at <= $2 ORDER BY next_attempt_at, id LIMIT $3`;
const NEXT_DUE = "SELECT MIN(next_attempt_at) AS at FROM channel_outbox WHERE channel = $1 AND is_head";
/** Makes the chat's lowest pending id its one head (any other pending row not a head); touches only what differs. */
const REHEAD = `UPDATE channel_outbox o SET is_head = (o.id = m.id)
  FROM (SELECT MIN(id) AS id FROM channel_outbox WHERE channel = $1 AND chat_id = $2 AND state = 'pending') m
  WHERE o.channel = $1 AND o.chat_id = $2 AND o.state = 'pending' AND o.is_head IS DISTINCT FROM (o.id = m.id)`;
/** Transaction-scoped lock on one chat's queue (released at COMMIT/ROLLBACK); the key space is the chat's. */
const LOCK_CHAT = "SELECT pg_advisory_xact_lock(hashtextextended($1::text || '/' || $2::text, 9014))";

/** Outbox, inbox and dead-letter list on PostgreSQL (tables from migrations 004_channel_outbox_inbox.sql and 009). */
export function createPostgresChannelDelivery(pool: PgPool, retention: Partial<DeliveryRetention> = {}) {
  const { deadLetterRetentionMs, inboxTtlMs } = { ...defaultDeliveryRetention, ...retention };
  let lastInboxPurge = 0;

  /** Locks the chat of row `id` (when `where` holds for it) and runs `work` on it inside the same transaction. */
  const onChatOf = <T>(id: number, where: string, work: (client: pg.PoolClient, channel: string, chatId: string) => Promise<T>, none: T) =>
    inTransaction(pool, async (client) => {
      const { rows } = await client.query<{ channel: string; chat_id: string }>(
        `SELECT channel, chat_id FROM channel_outbox WHERE id = $1 AND ${where}`,
        [id],
      );
      const row = rows[0];
      if (!row) return none;
      await client.query(LOCK_CHAT, [row.channel, row.chat_id]);
      return work(client, row.channel, row.chat_id);
    });

  const outbox: OutboxStore = {
    async append(channel, chatId, payloads, { now, maxPending }) {
      return inTransaction(pool, async (client) => {
        await client.query(LOCK_CHAT, [channel, chatId]);
        // One statement after the lock (so its snapshot sees every committed append): the bound, then the rows in the
        // reply's order (WITH ORDINALITY + ORDER BY orders the identity values). An empty queue gets its head now (the
        // first row); otherwise the chat already has one, older than these rows.
        const result = await client.query(
          `WITH waiting AS (SELECT COUNT(*) AS n FROM channel_outbox WHERE channel = $1 AND chat_id = $2 AND state = 'pending')
           INSERT INTO channel_outbox (channel, chat_id, payload, next_attempt_at, created_at, is_head)
           SELECT $1, $2, t.payload, $4, $4, w.n = 0 AND t.n = 1
           FROM unnest($3::text[]) WITH ORDINALITY AS t(payload, n), waiting w WHERE w.n < $5
           ORDER BY t.n`,
          [channel, chatId, payloads, now, maxPending],
        );
        return (result.rowCount ?? 0) > 0;
      });
    },
    async due(channel, now, limit) {
      const { rows } = await pool.query<{ id: string; chat_id: string; payload: string; attempts: number; created_at: Date }>(DUE, [
        channel,
        now,
        limit,
      ]);
      return rows.map((r) => ({ id: Number(r.id), chatId: r.chat_id, payload: r.payload, attempts: r.attempts, createdAt: r.created_at }));
    },
    async nextDueAt(channel) {
      const { rows } = await pool.query<{ at: Date | null }>(NEXT_DUE, [channel]);
      return rows[0]?.at ?? undefined;
    },
    async settle(id, outcome) {
      if (outcome.state === "retry") {
        // The row stays the head: its chat waits for it (per-chat order). No head moves, so no lock.
        await pool.query("UPDATE channel_outbox SET attempts = $1, next_attempt_at = $2, last_error = $3 WHERE id = $4", [
          outcome.attempts,
          outcome.at,
          outcome.error,
          id,
        ]);
        return;
      }
      await onChatOf(
        id,
        "true",
        async (client, channel, chatId) => {
          if (outcome.state === "sent") {
            await client.query("DELETE FROM channel_outbox WHERE id = $1", [id]);
          } else {
            await client.query(
              "UPDATE channel_outbox SET state = 'dead', is_head = false, attempts = $1, dead_at = $2, last_error = $3 WHERE id = $4",
              [outcome.attempts, outcome.at, outcome.error, id],
            );
          }
          // The chat's next message becomes its head (bounded work: one chat's rows).
          await client.query(REHEAD, [channel, chatId]);
        },
        undefined,
      );
      if (outcome.state === "dead") {
        await pool.query("DELETE FROM channel_outbox WHERE state = 'dead' AND dead_at < $1", [
          new Date(outcome.at.getTime() - deadLetterRetentionMs),
        ]);
      }
    },
  };

  const inbox: InboxStore = {
    async accept(channel, key, payload, now) {
      if (now.getTime() - lastInboxPurge >= INBOX_PURGE_EVERY_MS) {
        lastInboxPurge = now.getTime();
        await pool.query("DELETE FROM channel_inbox WHERE received_at < $1", [new Date(now.getTime() - inboxTtlMs)]);
      }
      const result = await pool.query(
        "INSERT INTO channel_inbox (channel, update_key, payload, received_at) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING",
        [channel, key, payload, now],
      );
      return result.rowCount === 1;
    },
    async done(channel, key, now) {
      await pool.query("UPDATE channel_inbox SET done_at = $1, payload = '' WHERE channel = $2 AND update_key = $3", [now, channel, key]);
    },
    async unfinished(channel, limit) {
      const { rows } = await pool.query<{ key: string; payload: string }>(
        "SELECT update_key AS key, payload FROM channel_inbox WHERE channel = $1 AND done_at IS NULL ORDER BY received_at, seq LIMIT $2",
        [channel, limit],
      );
      return rows;
    },
  };

  const deadLetters: DeadLetterList = {
    async list(limit) {
      const { rows } = await pool.query<{
        id: string;
        channel: string;
        chat_id: string;
        payload: string;
        attempts: number;
        last_error: string | null;
        created_at: Date;
        dead_at: Date;
      }>(
        `SELECT id, channel, chat_id, payload, attempts, last_error, created_at, dead_at FROM channel_outbox
         WHERE state = 'dead' ORDER BY dead_at DESC, id DESC LIMIT $1`,
        [limit],
      );
      return rows.map((r) => ({
        id: Number(r.id),
        channel: r.channel,
        chatId: r.chat_id,
        payload: r.payload,
        attempts: r.attempts,
        lastError: r.last_error ?? "",
        createdAt: r.created_at,
        deadAt: r.dead_at,
      }));
    },
    async retry(id, now) {
      // A revived dead letter is older than anything its chat has waiting, so it becomes the head again.
      return onChatOf(
        id,
        "state = 'dead'",
        async (client, channel, chatId) => {
          const result = await client.query(
            `UPDATE channel_outbox SET state = 'pending', attempts = 0, next_attempt_at = $1, created_at = $1, dead_at = NULL
             WHERE id = $2 AND state = 'dead'`,
            [now, id],
          );
          await client.query(REHEAD, [channel, chatId]);
          return result.rowCount === 1;
        },
        false,
      );
    },
  };

  return { outbox, inbox, deadLetters };
}
