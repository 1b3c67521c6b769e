-- Named admin accounts, their sessions and personal API tokens, and the audit log (issue 13).
-- Passwords: scrypt strings with their parameters; sessions and tokens: only the SHA-256 of the secret is stored.
CREATE TABLE IF NOT EXISTS admin_account (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  username TEXT NOT NULL UNIQUE,
  role TEXT NOT NULL CHECK (role IN ('admin', 'reviewer', 'editor', 'viewer')),
  province_code TEXT,
  commune_code TEXT,
  password_hash TEXT NOT NULL,
  disabled INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS admin_session (
  id_hash TEXT PRIMARY KEY,
  account_id INTEGER NOT NULL REFERENCES admin_account (id),
  csrf TEXT NOT NULL,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS admin_session_account ON admin_session (account_id);
CREATE INDEX IF NOT EXISTS admin_session_expires ON admin_session (expires_at);
CREATE TABLE IF NOT EXISTS admin_api_token (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  account_id INTEGER NOT NULL REFERENCES admin_account (id),
  name TEXT NOT NULL,
  token_hash TEXT NOT NULL UNIQUE,
  created_at TEXT NOT NULL,
  last_used_at TEXT,
  revoked_at TEXT
);
CREATE INDEX IF NOT EXISTS admin_api_token_account ON admin_api_token (account_id);
-- Append-only: who (actor id and name at the time), what (action, target), when, versions before/after.
CREATE TABLE IF NOT EXISTS admin_audit (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  at TEXT NOT NULL,
  actor_id TEXT NOT NULL,
  actor_name TEXT NOT NULL,
  action TEXT NOT NULL,
  target TEXT NOT NULL,
  before_text TEXT,
  after_text TEXT,
  detail TEXT
);
CREATE INDEX IF NOT EXISTS admin_audit_target ON admin_audit (target, id);
