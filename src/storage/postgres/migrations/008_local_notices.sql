-- Local notices (issue 13): short texts an admin or editor of a province or commune/ward publishes for the learners
-- of that locality. Same text in sqlite/ and postgres/ except the id column type. Instants are ISO-8601 UTC strings
-- (toISOString), so text order is time order in both databases.
CREATE TABLE local_notices (
  id BIGSERIAL PRIMARY KEY,
  province_code TEXT NOT NULL,
  -- NULL: the whole province.
  commune_code TEXT,
  kind TEXT NOT NULL,
  title TEXT NOT NULL,
  body TEXT NOT NULL,
  link TEXT,
  starts_at TEXT NOT NULL,
  -- Exclusive; "end now" sets it to the moment the admin pressed the button.
  ends_at TEXT NOT NULL,
  -- JSON array of topic keywords.
  topics TEXT NOT NULL,
  updated_by TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
-- Learners' turns ask "current notices of this province (and commune)".
CREATE INDEX local_notices_place ON local_notices (province_code, commune_code, ends_at);
