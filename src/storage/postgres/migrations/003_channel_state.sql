-- Channel lookups that must survive a restart.
-- Telegram quiz polls: poll_answer updates carry only the (opaque) poll id, so the answer action is kept here.
-- Rows older than 7 days are deleted on write (see telegram-poll-actions.ts).
CREATE TABLE IF NOT EXISTS telegram_poll_action (
  poll_id TEXT PRIMARY KEY,
  chat_id TEXT NOT NULL,
  answer_action_prefix TEXT NOT NULL,
  created_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX IF NOT EXISTS telegram_poll_action_created ON telegram_poll_action (created_at);
-- Zalo chats already told they talk to an automated bot. Keyed by the SHA-256 (hex) of the Zalo id, never the id itself.
CREATE TABLE IF NOT EXISTS zalo_greeted (
  chat_hash TEXT PRIMARY KEY,
  greeted_at TIMESTAMPTZ NOT NULL
);
