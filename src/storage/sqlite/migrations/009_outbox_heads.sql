-- Outbox heads (issue 14). Only the head of a chat's queue (its lowest pending id) is ever sent, which keeps per-chat
-- order. Finding the heads with a correlated MIN(id) per pending row cost a scan of the whole backlog on every
-- `due` and `nextDueAt` call, so the sender slowed down exactly when it had most to do. The head is now a flag the
-- adapter keeps on the row (set on append to an empty queue, moved on when the head is sent or dead-lettered,
-- recomputed when a dead letter is put back), and a partial index holds the heads alone in due order: `due` reads
-- `limit` index entries and `nextDueAt` one, whatever the backlog. Same text in sqlite/ and postgres/ except the type.
ALTER TABLE channel_outbox ADD COLUMN is_head INTEGER NOT NULL DEFAULT 0;
UPDATE channel_outbox SET is_head = 1
WHERE id IN (SELECT MIN(id) FROM channel_outbox WHERE state = 'pending' GROUP BY channel, chat_id);
CREATE INDEX channel_outbox_due ON channel_outbox (channel, next_attempt_at, id) WHERE is_head = 1;
