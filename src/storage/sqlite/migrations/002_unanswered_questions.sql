-- Questions refused or answered with low confidence: normalised text and counts only, no learner id by design.
CREATE TABLE IF NOT EXISTS unanswered_question (
  text TEXT NOT NULL,
  reason TEXT NOT NULL CHECK (reason IN ('out_of_scope', 'low_confidence')),
  count INTEGER NOT NULL DEFAULT 1,
  first_at TEXT NOT NULL,
  last_at TEXT NOT NULL,
  PRIMARY KEY (text, reason)
);
CREATE INDEX IF NOT EXISTS unanswered_question_count ON unanswered_question (count DESC, last_at DESC);
