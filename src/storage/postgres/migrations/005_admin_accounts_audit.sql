-- Named admin accounts, their sessions and personal API tokens, and the audit log (issue 13).
-- Passwords: scrypt strings with their parameters; sessions and tokens: only the SHA-256 of the secret is stored.
CREATE TABLE IF NOT EXISTS admin_account (
  id BIGSERIAL PRIMARY KEY,
  username TEXT NOT NULL UNIQUE,
  role TEXT NOT NULL CHECK (role IN ('admin', 'reviewer', 'editor', 'viewer')),
  province_code TEXT,
  commune_code TEXT,
  password_hash TEXT NOT NULL,
  disabled BOOLEAN NOT NULL DEFAULT FALSE,
  created_at TIMESTAMPTZ NOT NULL,
  updated_at TIMESTAMPTZ NOT NULL
);
CREATE TABLE IF NOT EXISTS admin_session (
  id_hash TEXT PRIMARY KEY,
  account_id BIGINT NOT NULL REFERENCES admin_account (id),
  csrf TEXT NOT NULL,
  created_at TIMESTAMPTZ NOT NULL,
  expires_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX IF NOT EXISTS admin_session_account ON admin_session (account_id);
CREATE INDEX IF NOT EXISTS admin_session_expires ON admin_session (expires_at);
CREATE TABLE IF NOT EXISTS admin_api_token (
  id BIGSERIAL PRIMARY KEY,
  account_id BIGINT NOT NULL REFERENCES admin_account (id),
  name TEXT NOT NULL,
  token_hash TEXT NOT NULL UNIQUE,
  created_at TIMESTAMPTZ NOT NULL,
  last_used_at TIMESTAMPTZ,
  revoked_at TIMESTAMPTZ
);
CREATE INDEX IF NOT EXISTS admin_api_token_account ON admin_api_token (account_id);
-- Append-only: who (actor id and name at the time), what (action, target), when, versions before/after.
CREATE TABLE IF NOT EXISTS admin_audit (
  id BIGSERIAL PRIMARY KEY,
  at TIMESTAMPTZ NOT NULL,
  actor_id TEXT NOT NULL,
  actor_name TEXT NOT NULL,
  action TEXT NOT NULL,
  target TEXT NOT NULL,
  before_text TEXT,
  after_text TEXT,
  detail TEXT
);
CREATE INDEX IF NOT EXISTS admin_audit_target ON admin_audit (target, id);
