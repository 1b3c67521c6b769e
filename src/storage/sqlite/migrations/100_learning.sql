-- Learning, quizzes and evidence (issue 6). Timestamps are ISO 8601 UTC text (sortable, identical to PostgreSQL's copy).
CREATE TABLE learning_profiles (
  learner_id TEXT PRIMARY KEY,
  consent_at TEXT NOT NULL,
  province_code TEXT,
  commune_code TEXT,
  neighbourhood_code TEXT,
  target_group TEXT,
  age_band TEXT,
  updated_at TEXT NOT NULL
);
CREATE TABLE learning_units (
  code TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  level TEXT NOT NULL CHECK (level IN ('province', 'commune', 'neighbourhood')),
  parent_code TEXT
);
CREATE INDEX learning_units_parent ON learning_units (level, parent_code);
CREATE TABLE learning_link_codes (code TEXT PRIMARY KEY, learner_id TEXT NOT NULL, expires_at TEXT NOT NULL);
CREATE TABLE learning_links (alias_id TEXT PRIMARY KEY, canonical_id TEXT NOT NULL, linked_at TEXT NOT NULL);
CREATE TABLE learning_questions (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  learner_id TEXT NOT NULL,
  text TEXT NOT NULL,
  lesson_id TEXT,
  confidence REAL NOT NULL,
  answered INTEGER NOT NULL,
  asked_at TEXT NOT NULL
);
CREATE INDEX learning_questions_learner ON learning_questions (learner_id, asked_at);
CREATE INDEX learning_questions_at ON learning_questions (asked_at);
CREATE TABLE quiz_attempts (
  id TEXT PRIMARY KEY,
  learner_id TEXT NOT NULL,
  lesson_id TEXT NOT NULL,
  attempt_no INTEGER NOT NULL,
  total INTEGER NOT NULL,
  current_index INTEGER NOT NULL,
  correct INTEGER NOT NULL,
  answers TEXT NOT NULL,
  status TEXT NOT NULL,
  started_at TEXT NOT NULL,
  question_shown_at TEXT NOT NULL,
  finished_at TEXT,
  platform TEXT NOT NULL,
  active INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX quiz_attempts_learner ON quiz_attempts (learner_id, lesson_id);
CREATE TABLE xapi_statements (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  learner_id TEXT NOT NULL,
  verb TEXT NOT NULL,
  activity_id TEXT NOT NULL,
  lesson_id TEXT NOT NULL,
  registration TEXT,
  timestamp TEXT NOT NULL,
  stored TEXT NOT NULL,
  body TEXT NOT NULL
);
CREATE INDEX xapi_statements_learner ON xapi_statements (learner_id, verb);
CREATE INDEX xapi_statements_time ON xapi_statements (timestamp);
-- Evidence is append-only.
CREATE TRIGGER xapi_statements_no_update BEFORE UPDATE ON xapi_statements
BEGIN SELECT RAISE(ABORT, 'xapi_statements is append-only'); END;
CREATE TRIGGER xapi_statements_no_delete BEFORE DELETE ON xapi_statements
BEGIN SELECT RAISE(ABORT, 'xapi_statements is append-only'); END;
CREATE TABLE xapi_outbox (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  statement_id TEXT NOT NULL UNIQUE,
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at TEXT NOT NULL,
  sent_at TEXT,
  last_error TEXT
);
CREATE INDEX xapi_outbox_due ON xapi_outbox (sent_at, next_attempt_at);
CREATE TABLE mentor_codes (
  code TEXT PRIMARY KEY,
  label TEXT NOT NULL,
  learner_id TEXT UNIQUE,
  created_at TEXT NOT NULL,
  claimed_at TEXT
);
CREATE TABLE mentees (mentee_id TEXT PRIMARY KEY, code TEXT NOT NULL, joined_at TEXT NOT NULL);
CREATE INDEX mentees_code ON mentees (code);
