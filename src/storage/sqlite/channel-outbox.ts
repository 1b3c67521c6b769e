import {
  defaultDeliveryRetention,
  INBOX_PURGE_EVERY_MS,
  type DeadLetterRecords,
  type DeliveryRetention,
  type InboxRecords,
  type OutboxRecords,
} from "../channel-delivery.js";
import { guardOf, type SqliteDatabase } from "./database.js";

interface OutboxRow {
  id: number;
  chatId: string;
  payload: string;
  attempts: number;
  createdAt: string;
}

/** The head (lowest id) of each chat's pending queue: only heads are ever sent, which keeps per-chat order. */
const HEADS = `FROM channel_outbox o WHERE o.channel = ? AND o.state = 'pending'
  AND o.id = (SELECT MIN(p.id) FROM channel_outbox p WHERE p.channel = o.channel AND p.state = 'pending' AND p.chat_id = o.chat_id)`;

/** Outbox, inbox and dead-letter list on SQLite (tables from migration 004_channel_outbox_inbox.sql). */
export function createSqliteChannelDelivery(db: SqliteDatabase, retention: Partial<DeliveryRetention> = {}) {
  const { deadLetterRetentionMs, inboxTtlMs } = { ...defaultDeliveryRetention, ...retention };

  const countPending = db.prepare<[string, string], { n: number }>(
    "SELECT COUNT(*) AS n FROM channel_outbox WHERE channel = ? AND chat_id = ? AND state = 'pending'",
  );
  const insert = db.prepare<[string, string, string, string, string]>(
    "INSERT INTO channel_outbox (channel, chat_id, payload, next_attempt_at, created_at) VALUES (?, ?, ?, ?, ?)",
  );
  const append = db.transaction((channel: string, chatId: string, payloads: string[], now: string, maxPending: number) => {
    if ((countPending.get(channel, chatId)?.n ?? 0) >= maxPending) return false;
    for (const payload of payloads) insert.run(channel, chatId, payload, now, now);
    return true;
  });
  const due = db.prepare<[string, string, number], OutboxRow>(
    `SELECT o.id, o.chat_id AS chatId, o.payload, o.attempts, o.created_at AS createdAt ${HEADS}
     AND o.next_attempt_at <= ? ORDER BY o.id LIMIT ?`,
  );
  const nextDue = db.prepare<[string], { at: string | null }>(`SELECT MIN(o.next_attempt_at) AS at ${HEADS}`);
  const remove = db.prepare<[number]>("DELETE FROM channel_outbox WHERE id = ?");
  const retryLater = db.prepare<[number, string, string, number]>(
    "UPDATE channel_outbox SET attempts = ?, next_attempt_at = ?, last_error = ? WHERE id = ?",
  );
  const bury = db.prepare<[number, string, string, number]>(
    "UPDATE channel_outbox SET state = 'dead', attempts = ?, dead_at = ?, last_error = ? WHERE id = ?",
  );
  const purgeDead = db.prepare<[string]>("DELETE FROM channel_outbox WHERE state = 'dead' AND dead_at < ?");
  const listDead = db.prepare<[number], OutboxRow & { channel: string; lastError: string | null; deadAt: string }>(
    `SELECT id, channel, chat_id AS chatId, payload, attempts, created_at AS createdAt, last_error AS lastError,
       dead_at AS deadAt FROM channel_outbox WHERE state = 'dead' ORDER BY dead_at DESC, id DESC LIMIT ?`,
  );
  const revive = db.prepare<[string, string, number]>(
    `UPDATE channel_outbox SET state = 'pending', attempts = 0, next_attempt_at = ?, created_at = ?, dead_at = NULL
     WHERE id = ? AND state = 'dead'`,
  );

  const acceptUpdate = db.prepare<[string, string, string, string]>(
    "INSERT INTO channel_inbox (channel, update_key, payload, received_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING",
  );
  const purgeInbox = db.prepare<[string]>("DELETE FROM channel_inbox WHERE received_at < ?");
  const markDone = db.prepare<[string, string, string]>(
    "UPDATE channel_inbox SET done_at = ?, payload = '' WHERE channel = ? AND update_key = ?",
  );
  const unfinished = db.prepare<[string, number], { key: string; payload: string }>(
    `SELECT update_key AS key, payload FROM channel_inbox WHERE channel = ? AND done_at IS NULL
     ORDER BY received_at, rowid LIMIT ?`,
  );
  let lastInboxPurge = 0;
  // Every statement through the write guard: a lock held elsewhere is waited out without blocking the event loop.
  const guard = guardOf(db);

  const outbox: OutboxRecords = {
    async append(channel, chatId, payloads, { now, maxPending }) {
      return guard.write(() => append(channel, chatId, payloads, now.toISOString(), maxPending));
    },
    async due(channel, now, limit) {
      return (await guard.read(() => due.all(channel, now.toISOString(), limit))).map((r) => ({ ...r, createdAt: new Date(r.createdAt) }));
    },
    async nextDueAt(channel) {
      const at = (await guard.read(() => nextDue.get(channel)))?.at;
      return at ? new Date(at) : undefined;
    },
    async settle(id, outcome) {
      await guard.write(() => {
        if (outcome.state === "sent") remove.run(id);
        else if (outcome.state === "retry") retryLater.run(outcome.attempts, outcome.at.toISOString(), outcome.error, id);
        else {
          bury.run(outcome.attempts, outcome.at.toISOString(), outcome.error, id);
          purgeDead.run(new Date(outcome.at.getTime() - deadLetterRetentionMs).toISOString());
        }
      });
    },
  };

  const inbox: InboxRecords = {
    async accept(channel, key, payload, now) {
      if (now.getTime() - lastInboxPurge >= INBOX_PURGE_EVERY_MS) {
        lastInboxPurge = now.getTime();
        await guard.write(() => purgeInbox.run(new Date(now.getTime() - inboxTtlMs).toISOString()));
      }
      return (await guard.write(() => acceptUpdate.run(channel, key, payload, now.toISOString()))).changes === 1;
    },
    async done(channel, key, now) {
      await guard.write(() => markDone.run(now.toISOString(), channel, key));
    },
    async unfinished(channel, limit) {
      return guard.read(() => unfinished.all(channel, limit));
    },
  };

  const deadLetters: DeadLetterRecords = {
    async list(limit) {
      return (await guard.read(() => listDead.all(limit))).map((r) => ({
        ...r,
        lastError: r.lastError ?? "",
        createdAt: new Date(r.createdAt),
        deadAt: new Date(r.deadAt),
      }));
    },
    async retry(id, now) {
      return (await guard.write(() => revive.run(now.toISOString(), now.toISOString(), id))).changes === 1;
    },
  };

  return { outbox, inbox, deadLetters };
}
