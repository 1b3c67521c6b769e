-- Mentors who can act, and people to reach at the commune (issue 12). Same text in sqlite/ and postgres/ except
-- the id column type.
-- The name a mentee chose for their mentor to see (optional), and their choice to receive no mentor messages.
ALTER TABLE mentees ADD COLUMN display_name TEXT;
ALTER TABLE mentees ADD COLUMN messages_off INTEGER NOT NULL DEFAULT 0;
-- Encouragements a mentor sent through the bot: delivered with the mentee's next reply (the bot keeps no platform
-- ids, so it cannot write first). Preset texts only, never free text.
CREATE TABLE mentor_messages (
  id BIGSERIAL PRIMARY KEY,
  code TEXT NOT NULL,
  mentee_id TEXT NOT NULL,
  kind TEXT NOT NULL,
  created_at TEXT NOT NULL,
  delivered_at TEXT
);
CREATE INDEX mentor_messages_mentee ON mentor_messages (mentee_id, delivered_at);
-- "Gặp người thật": who to reach at a commune/ward or province (admins fill it in through /admin/contacts).
CREATE TABLE locality_contacts (
  unit_code TEXT PRIMARY KEY,
  desk_phone TEXT,
  desk_hours TEXT,
  desk_address TEXT,
  team_name TEXT,
  team_contact TEXT,
  updated_at TEXT NOT NULL
);
