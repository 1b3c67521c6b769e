-- Durable chat delivery (issue 11, items 6 and 7).
-- Outgoing Telegram/Zalo messages, written before they are sent. Per (channel, chat_id) the rows form a queue in id
-- order; a row is deleted once the platform confirmed it, or kept as state 'dead' (a dead letter the admin can see and
-- retry) when its retry budget ran out. AUTOINCREMENT: ids never go back, so the order holds across deletions.
CREATE TABLE IF NOT EXISTS channel_outbox (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  channel TEXT NOT NULL,
  chat_id TEXT NOT NULL,
  payload TEXT NOT NULL,
  state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'dead')),
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at TEXT NOT NULL,
  created_at TEXT NOT NULL,
  last_error TEXT,
  dead_at TEXT
);
CREATE INDEX IF NOT EXISTS channel_outbox_queue ON channel_outbox (channel, state, chat_id, id);
CREATE INDEX IF NOT EXISTS channel_outbox_dead ON channel_outbox (state, dead_at);
-- Incoming webhook/polling updates, stored before the platform gets its 200 and keyed by the platform's id (Telegram
-- update_id; Zalo message_id or a hash of the event). done_at NULL = not fully processed (replayed at start-up).
-- The payload is emptied once processed; rows are deleted after the inbox TTL.
CREATE TABLE IF NOT EXISTS channel_inbox (
  channel TEXT NOT NULL,
  update_key TEXT NOT NULL,
  payload TEXT NOT NULL,
  received_at TEXT NOT NULL,
  done_at TEXT,
  PRIMARY KEY (channel, update_key)
);
CREATE INDEX IF NOT EXISTS channel_inbox_received ON channel_inbox (received_at);
CREATE INDEX IF NOT EXISTS channel_inbox_open ON channel_inbox (channel, done_at);
