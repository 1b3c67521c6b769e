-- Account-linking hardening and LRS backfill (same text in sqlite/ and postgres/ except the id column type).
-- Wrong /lienket codes per platform account, kept (not in memory) so the guessing limit survives restarts and is
-- shared by every instance. Rows older than the window are pruned when a new failure is recorded.
CREATE TABLE learning_link_failures (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  learner_id TEXT NOT NULL,
  failed_at TEXT NOT NULL
);
CREATE INDEX learning_link_failures_learner ON learning_link_failures (learner_id, failed_at);
CREATE INDEX learning_link_codes_learner ON learning_link_codes (learner_id);
-- Reads resolve a learner to canonical + aliases, so the reverse lookup needs an index.
CREATE INDEX learning_links_canonical ON learning_links (canonical_id);
-- Links are kept one level deep (alias → canonical); flatten any chain an earlier version could have made.
UPDATE learning_links SET canonical_id = (SELECT l2.canonical_id FROM learning_links l2 WHERE l2.alias_id = learning_links.canonical_id)
WHERE canonical_id IN (SELECT alias_id FROM learning_links);
-- From now on every statement is queued at write time. Statements stored while no LRS was configured had no outbox
-- row; queue them once here (in stored order), so configuring LRS_ENDPOINT later forwards the whole history.
INSERT INTO xapi_outbox (statement_id, next_attempt_at)
SELECT s.id, s.stored FROM xapi_statements s
WHERE NOT EXISTS (SELECT 1 FROM xapi_outbox o WHERE o.statement_id = s.id)
ORDER BY s.seq;
