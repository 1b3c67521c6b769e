-- Knowledge publishing (issue 13): lessons live in the database. One row per lesson (pointers and the single draft),
-- an append-only history of whole Markdown files, and a generation counter other instances poll for changes.
CREATE TABLE IF NOT EXISTS kb_lesson (
  lesson_id TEXT PRIMARY KEY,
  live_version INTEGER,
  retired_at TEXT,
  seed_hash TEXT,
  draft_markdown TEXT,
  draft_author TEXT,
  draft_at TEXT,
  draft_base_version INTEGER,
  updated_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS kb_lesson_version (
  lesson_id TEXT NOT NULL REFERENCES kb_lesson (lesson_id),
  version INTEGER NOT NULL,
  markdown TEXT NOT NULL,
  author TEXT NOT NULL,
  at TEXT NOT NULL,
  note TEXT NOT NULL,
  PRIMARY KEY (lesson_id, version)
);
-- A single row (id = 1); starts at 0 so the first publish makes it 1.
CREATE TABLE IF NOT EXISTS kb_generation (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  value INTEGER NOT NULL
);
INSERT INTO kb_generation (id, value) VALUES (1, 0) ON CONFLICT (id) DO NOTHING;
