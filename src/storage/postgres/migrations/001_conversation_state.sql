-- Per-learner conversation position (step mode, last topic). Keyed by the opaque learner id, never a phone/user id.
CREATE TABLE IF NOT EXISTS conversation_state (
  learner_id TEXT PRIMARY KEY,
  state JSONB NOT NULL,
  updated_at TIMESTAMPTZ NOT NULL
);
