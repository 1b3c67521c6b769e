-- Curated answers (issue 13): the editable draft on the row, every published version in curated_answer_version.
-- alternatives is a JSON array of strings. Served = status 'published' and published_version set.
CREATE TABLE IF NOT EXISTS curated_answer (
  id BIGSERIAL PRIMARY KEY,
  status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published', 'retired')),
  question TEXT NOT NULL,
  alternatives JSONB NOT NULL DEFAULT '[]',
  answer TEXT NOT NULL DEFAULT '',
  source_title TEXT NOT NULL DEFAULT '',
  source_url TEXT NOT NULL DEFAULT '',
  published_version INTEGER,
  hits INTEGER NOT NULL DEFAULT 0,
  created_at TIMESTAMPTZ NOT NULL,
  updated_at TIMESTAMPTZ NOT NULL
);
CREATE TABLE IF NOT EXISTS curated_answer_version (
  curated_id BIGINT NOT NULL REFERENCES curated_answer (id),
  version INTEGER NOT NULL,
  question TEXT NOT NULL,
  alternatives JSONB NOT NULL,
  answer TEXT NOT NULL,
  source_title TEXT NOT NULL,
  source_url TEXT NOT NULL,
  published_at TIMESTAMPTZ NOT NULL,
  published_by TEXT NOT NULL,
  PRIMARY KEY (curated_id, version)
);
-- 👍/👎 on answers: the redacted question and the answer given, counted; no learner id by design.
CREATE TABLE IF NOT EXISTS answer_feedback (
  text TEXT NOT NULL,
  answer_ref TEXT NOT NULL,
  vote TEXT NOT NULL CHECK (vote IN ('up', 'down')),
  count INTEGER NOT NULL DEFAULT 1,
  first_at TIMESTAMPTZ NOT NULL,
  last_at TIMESTAMPTZ NOT NULL,
  PRIMARY KEY (text, answer_ref, vote)
);
CREATE INDEX IF NOT EXISTS answer_feedback_last_at ON answer_feedback (last_at);
-- What the knowledge team decided about an inbox question (out of scope, needs a new section, curated answer).
CREATE TABLE IF NOT EXISTS inbox_decision (
  text TEXT PRIMARY KEY,
  decision TEXT NOT NULL CHECK (decision IN ('out_of_scope', 'needs_section', 'curated')),
  note TEXT,
  curated_id BIGINT,
  decided_by TEXT NOT NULL,
  decided_at TIMESTAMPTZ NOT NULL
);
