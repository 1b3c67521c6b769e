import {
  defaultDeliveryRetention,
  INBOX_PURGE_EVERY_MS,
  type DeadLetterRecords,
  type DeliveryRetention,
  type InboxRecords,
  type OutboxRecords,
} from "../channel-delivery.js";
import type { PgPool } from "./database.js";

/** The head (lowest id) of each chat's pending queue: only heads are ever sent, which keeps per-chat order. */
const HEADS = `FROM channel_outbox o WHERE o.channel = $1 AND o.state = 'pending'
  AND o.id = (SELECT MIN(p.id) FROM channel_outbox p WHERE p.channel = o.channel AND p.state = 'pending' AND p.chat_id = o.chat_id)`;

/** Outbox, inbox and dead-letter list on PostgreSQL (tables from migration 004_channel_outbox_inbox.sql). */
export function createPostgresChannelDelivery(pool: PgPool, retention: Partial<DeliveryRetention> = {}) {
  const { deadLetterRetentionMs, inboxTtlMs } = { ...defaultDeliveryRetention, ...retention };
  let lastInboxPurge = 0;

  const outbox: OutboxRecords = {
    async append(channel, chatId, payloads, { now, maxPending }) {
      // One statement: the bound and the insert see the same snapshot. WITH ORDINALITY + ORDER BY makes the identity
      // values follow the reply's order.
      const result = await pool.query(
        `INSERT INTO channel_outbox (channel, chat_id, payload, next_attempt_at, created_at)
         SELECT $1, $2, t.payload, $4, $4 FROM unnest($3::text[]) WITH ORDINALITY AS t(payload, n)
         WHERE (SELECT COUNT(*) FROM channel_outbox WHERE channel = $1 AND chat_id = $2 AND state = 'pending') < $5
         ORDER BY t.n`,
        [channel, chatId, payloads, now, maxPending],
      );
      return (result.rowCount ?? 0) > 0;
    },
    async due(channel, now, limit) {
      const { rows } = await pool.query<{ id: string; chat_id: string; payload: string; attempts: number; created_at: Date }>(
        `SELECT o.id, o.chat_id, o.payload, o.attempts, o.created_at ${HEADS} AND o.next_attempt_at <= $2 ORDER BY o.id LIMIT $3`,
        [channel, now, limit],
      );
      return rows.map((r) => ({ id: Number(r.id), chatId: r.chat_id, payload: r.payload, attempts: r.attempts, createdAt: r.created_at }));
    },
    async nextDueAt(channel) {
      const { rows } = await pool.query<{ at: Date | null }>(`SELECT MIN(o.next_attempt_at) AS at ${HEADS}`, [channel]);
      return rows[0]?.at ?? undefined;
    },
    async settle(id, outcome) {
      if (outcome.state === "sent") {
        await pool.query("DELETE FROM channel_outbox WHERE id = $1", [id]);
      } else if (outcome.state === "retry") {
        await pool.query("UPDATE channel_outbox SET attempts = $1, next_attempt_at = $2, last_error = $3 WHERE id = $4", [
          outcome.attempts,
          outcome.at,
          outcome.error,
          id,
        ]);
      } else {
        await pool.query("UPDATE channel_outbox SET state = 'dead', attempts = $1, dead_at = $2, last_error = $3 WHERE id = $4", [
          outcome.attempts,
          outcome.at,
          outcome.error,
          id,
        ]);
        await pool.query("DELETE FROM channel_outbox WHERE state = 'dead' AND dead_at < $1", [
          new Date(outcome.at.getTime() - deadLetterRetentionMs),
        ]);
      }
    },
  };

  const inbox: InboxRecords = {
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

  const deadLetters: DeadLetterRecords = {
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
      const result = await pool.query(
        `UPDATE channel_outbox SET state = 'pending', attempts = 0, next_attempt_at = $1, created_at = $1, dead_at = NULL
         WHERE id = $2 AND state = 'dead'`,
        [now, id],
      );
      return result.rowCount === 1;
    },
  };

  return { outbox, inbox, deadLetters };
}
