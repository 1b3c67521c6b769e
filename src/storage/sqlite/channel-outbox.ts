import { defaultDeliveryRetention, INBOX_PURGE_EVERY_MS, type DeliveryRetention } from "../channel-delivery.js";
import type { DeadLetterList, InboxStore, OutboxOutcome, OutboxStore } from "../../shared/delivery-ports.js";
import { guardOf, type SqliteDatabase } from "./database.js";
import { groupCommit } from "./group-commit.js";

interface AppendCall {
  channel: string;
  chatId: string;
  payloads: string[];
  now: string;
  maxPending: number;
}

interface SettleCall {
  id: number;
  outcome: OutboxOutcome;
}

interface InboxCall {
  channel: string;
  key: string;
  payload: string;
  now: string;
}

/** The chat a row belonged to, returned by a statement that took it out of the queue. */
interface ChatOf {
  channel: string;
  chatId: string;
}

interface OutboxRow {
  id: number;
  chatId: string;
  payload: string;
  attempts: number;
  createdAt: string;
}

/**
 * Heads: only the head of a chat's queue (its lowest pending id) is ever handed out, which keeps per-chat order. The
 * head carries `is_head = 1` (migration 009_outbox_heads.sql), kept here in the same transaction as every change to
 * the chat's queue, so `due` and `nextDueAt` read the partial index channel_outbox_due (heads only, in due order)
 * instead of scanning the backlog. SQLite runs one write transaction at a time, so the flag cannot race.
 */
const DUE = `SELECT id, chat_id AS chatId, payload, attempts, created_at AS createdAt FROM channel_outbox
  WHERE channel = ? AND is_head = 1 AND next_attempt_at <= ? ORDER BY next_attempt_at, id LIMIT ?`;
const NEXT_DUE = "SELECT MIN(next_attempt_at) AS at FROM channel_outbox WHERE channel = ? AND is_head = 1";
/** Makes the chat's lowest pending id its one head (any other pending row not a head); touches only what differs. */
const REHEAD = `UPDATE channel_outbox SET is_head = (id = (SELECT MIN(p.id) FROM channel_outbox p
    WHERE p.channel = @channel AND p.state = 'pending' AND p.chat_id = @chatId))
  WHERE channel = @channel AND chat_id = @chatId AND state = 'pending'
    AND is_head <> (id = (SELECT MIN(p.id) FROM channel_outbox p WHERE p.channel = @channel AND p.state = 'pending' AND p.chat_id = @chatId))`;

/** Outbox, inbox and dead-letter list on SQLite (tables from migrations 004_channel_outbox_inbox.sql and 009). */
export function createSqliteChannelDelivery(db: SqliteDatabase, retention: Partial<DeliveryRetention> = {}) {
  const { deadLetterRetentionMs, inboxTtlMs } = { ...defaultDeliveryRetention, ...retention };

  const countPending = db.prepare<[string, string], { n: number }>(
    "SELECT COUNT(*) AS n FROM channel_outbox WHERE channel = ? AND chat_id = ? AND state = 'pending'",
  );
  const insert = db.prepare<[string, string, string, string, string, number]>(
    "INSERT INTO channel_outbox (channel, chat_id, payload, next_attempt_at, created_at, is_head) VALUES (?, ?, ?, ?, ?, ?)",
  );
  const appendOne = ({ channel, chatId, payloads, now, maxPending }: AppendCall): boolean => {
    const waiting = countPending.get(channel, chatId)?.n ?? 0;
    if (waiting >= maxPending) return false;
    // An empty queue gets its head now; otherwise the chat already has one, older than these rows.
    payloads.forEach((payload, i) => insert.run(channel, chatId, payload, now, now, waiting === 0 && i === 0 ? 1 : 0));
    return true;
  };
  const due = db.prepare<[string, string, number], OutboxRow>(DUE);
  const nextDue = db.prepare<[string], { at: string | null }>(NEXT_DUE);
  const rehead = db.prepare<[{ channel: string; chatId: string }]>(REHEAD);
  const remove = db.prepare<[number], ChatOf>("DELETE FROM channel_outbox WHERE id = ? RETURNING channel, chat_id AS chatId");
  const retryLater = db.prepare<[number, string, string, number]>(
    "UPDATE channel_outbox SET attempts = ?, next_attempt_at = ?, last_error = ? WHERE id = ?",
  );
  const bury = db.prepare<[number, string, string, number], ChatOf>(
    `UPDATE channel_outbox SET state = 'dead', is_head = 0, attempts = ?, dead_at = ?, last_error = ? WHERE id = ?
     RETURNING channel, chat_id AS chatId`,
  );
  const purgeDead = db.prepare<[string]>("DELETE FROM channel_outbox WHERE state = 'dead' AND dead_at < ?");
  /** After a row left the queue (sent or dead): the chat's next message becomes its head (bounded: one chat's rows). */
  const leave = (row: ChatOf | undefined) => {
    if (row) rehead.run(row);
  };
  const settleOne = ({ id, outcome }: SettleCall): void => {
    if (outcome.state === "sent") leave(remove.get(id));
    // A retry keeps the row at the head: the chat waits for it (per-chat order).
    else if (outcome.state === "retry") retryLater.run(outcome.attempts, outcome.at.toISOString(), outcome.error, id);
    else {
      leave(bury.get(outcome.attempts, outcome.at.toISOString(), outcome.error, id));
      purgeDead.run(new Date(outcome.at.getTime() - deadLetterRetentionMs).toISOString());
    }
  };
  const listDead = db.prepare<[number], OutboxRow & { channel: string; lastError: string | null; deadAt: string }>(
    `SELECT id, channel, chat_id AS chatId, payload, attempts, created_at AS createdAt, last_error AS lastError,
       dead_at AS deadAt FROM channel_outbox WHERE state = 'dead' ORDER BY dead_at DESC, id DESC LIMIT ?`,
  );
  const reviveRow = db.prepare<[string, string, number], ChatOf>(
    `UPDATE channel_outbox SET state = 'pending', attempts = 0, next_attempt_at = ?, created_at = ?, dead_at = NULL
     WHERE id = ? AND state = 'dead' RETURNING channel, chat_id AS chatId`,
  );
  /** A revived dead letter is older than anything its chat has waiting, so it becomes the head again. */
  const revive = db.transaction((id: number, now: string): boolean => {
    const row = reviveRow.get(now, now, id);
    if (row) rehead.run(row);
    return row !== undefined;
  });

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
  /** Calls arriving in the same event-loop turn share one transaction (group-commit.ts). */
  const grouped = <I, O>(one: (item: I) => O) => groupCommit(db, one);
  const appendGrouped = grouped(appendOne);
  const settleGrouped = grouped(settleOne);
  const acceptGrouped = grouped((u: InboxCall) => acceptUpdate.run(u.channel, u.key, u.payload, u.now).changes === 1);
  const doneGrouped = grouped((u: Omit<InboxCall, "payload">) => markDone.run(u.now, u.channel, u.key));

  const outbox: OutboxStore = {
    async append(channel, chatId, payloads, { now, maxPending }) {
      return appendGrouped({ channel, chatId, payloads, now: now.toISOString(), maxPending });
    },
    async due(channel, now, limit) {
      return (await guard.read(() => due.all(channel, now.toISOString(), limit))).map((r) => ({ ...r, createdAt: new Date(r.createdAt) }));
    },
    async nextDueAt(channel) {
      const at = (await guard.read(() => nextDue.get(channel)))?.at;
      return at ? new Date(at) : undefined;
    },
    async settle(id, outcome) {
      await settleGrouped({ id, outcome });
    },
  };

  const inbox: InboxStore = {
    async accept(channel, key, payload, now) {
      if (now.getTime() - lastInboxPurge >= INBOX_PURGE_EVERY_MS) {
        lastInboxPurge = now.getTime();
        await guard.write(() => purgeInbox.run(new Date(now.getTime() - inboxTtlMs).toISOString()));
      }
      return acceptGrouped({ channel, key, payload, now: now.toISOString() });
    },
    async done(channel, key, now) {
      await doneGrouped({ channel, key, now: now.toISOString() });
    },
    async unfinished(channel, limit) {
      return guard.read(() => unfinished.all(channel, limit));
    },
  };

  const deadLetters: DeadLetterList = {
    async list(limit) {
      return (await guard.read(() => listDead.all(limit))).map((r) => ({
        ...r,
        lastError: r.lastError ?? "",
        createdAt: new Date(r.createdAt),
        deadAt: new Date(r.deadAt),
      }));
    },
    async retry(id, now) {
      return guard.write(() => revive(id, now.toISOString()));
    },
  };

  return { outbox, inbox, deadLetters };
}
