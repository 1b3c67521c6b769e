import type { SqlRunner } from "./sql-runner.js";

/**
 * Linked accounts (/lienket) are one learner. Decision: links are resolved when data is *read*, never by rewriting
 * what was written. Every row (profile, quiz attempt, question, xAPI statement) keeps the opaque id it was written
 * under — xAPI evidence is append-only and keeps its original actor — and every per-learner read goes through the
 * group below: the canonical id plus all ids linked to it. Links are kept one level deep (linkLearner flattens), so
 * the group is two indexed lookups, the same on SQLite and PostgreSQL.
 */
export async function canonicalOf(db: SqlRunner, learnerId: string): Promise<string> {
  const [row] = await db.all("SELECT canonical_id FROM learning_links WHERE alias_id = ?", [learnerId]);
  return row ? String(row.canonical_id) : learnerId;
}

/** [canonical, ...aliases] for any id of the learner (canonical first). */
export async function learnerGroup(db: SqlRunner, learnerId: string): Promise<string[]> {
  // One round trip instead of two (it runs several times per turn): the links of the id's canonical learner. No row
  // means no link at all — an alias always has its own row — so the id is its own canonical.
  const rows = await db.all(
    `SELECT alias_id, canonical_id FROM learning_links
     WHERE canonical_id = COALESCE((SELECT canonical_id FROM learning_links WHERE alias_id = ?), ?) ORDER BY alias_id`,
    [learnerId, learnerId],
  );
  const canonical = rows[0] ? String(rows[0].canonical_id) : learnerId;
  return [canonical, ...rows.map((r) => String(r.alias_id)).filter((a) => a !== canonical)];
}

/** alias → canonical for every link (reports fold a linked pair into one learner). */
export async function allLinks(db: SqlRunner): Promise<Map<string, string>> {
  const rows = await db.all("SELECT alias_id, canonical_id FROM learning_links");
  return new Map(rows.map((r) => [String(r.alias_id), String(r.canonical_id)]));
}

/** "?, ?, ?" for an IN list. */
export const placeholders = (n: number): string => Array.from({ length: n }, () => "?").join(", ");
