import type { SqlRunner } from "./sql-runner.js";

/**
 * Linked accounts (/lienket) are one learner. Decision: links are resolved when data is *read*, never by rewriting
 * what was written. Every row (profile, quiz attempt, question, xAPI statement) keeps the opaque id it was written
 * under — xAPI evidence is append-only and keeps its original actor — and every per-learner read goes through the
 * group below: the canonical id plus all ids linked to it. Links are kept one level deep (linkLearner flattens), so
 * the group is two indexed lookups, the same on SQLite and PostgreSQL.
 */
export async function canonicalOf(db: SqlRunner, learnerId: string): Promise<string> {
  const known = recentGroup(db, learnerId);
  if (known) return known[0]!;
  const [row] = await db.all("SELECT canonical_id FROM learning_links WHERE alias_id = ?", [learnerId]);
  return row ? String(row.canonical_id) : learnerId;
}

/** [canonical, ...aliases] for any id of the learner (canonical first). */
export async function learnerGroup(db: SqlRunner, learnerId: string): Promise<string[]> {
  const known = recentGroup(db, learnerId);
  if (known) return known;
  // One round trip instead of two (it runs several times per turn): the links of the id's canonical learner. No row
  // means no link at all — an alias always has its own row — so the id is its own canonical.
  const rows = await db.all(
    `SELECT alias_id, canonical_id FROM learning_links
     WHERE canonical_id = COALESCE((SELECT canonical_id FROM learning_links WHERE alias_id = ?), ?) ORDER BY alias_id`,
    [learnerId, learnerId],
  );
  const canonical = rows[0] ? String(rows[0].canonical_id) : learnerId;
  const group = [canonical, ...rows.map((r) => String(r.alias_id)).filter((a) => a !== canonical)];
  const memo = memos.get(db);
  if (memo) {
    if (memo.size >= GROUP_MEMO_LIMIT) memo.clear();
    memo.set(learnerId, { group, at: performance.now() });
  }
  return group.slice();
}

/**
 * One turn reads the learner's group three or four times (profile, mentor messages, the learner id itself); links
 * change only on /lienket. So a store's runner remembers each group for a second: a link made through this process
 * clears the memo at once (forgetGroups), one made by another instance on the same database shows within the second.
 * Transaction runners are never registered, so reads inside a transaction always go to the database.
 */
const memos = new WeakMap<SqlRunner, Map<string, { group: string[]; at: number }>>();
const GROUP_TTL_MS = 1_000;
const GROUP_MEMO_LIMIT = 10_000;

/** Starts remembering groups read through `db` (createLearningStore does, for its own runner). */
export function rememberGroups(db: SqlRunner): void {
  if (!memos.has(db)) memos.set(db, new Map());
}

/** Forgets every remembered group of `db`: called after a link is written. */
export function forgetGroups(db: SqlRunner): void {
  memos.get(db)?.clear();
}

function recentGroup(db: SqlRunner, learnerId: string): string[] | undefined {
  const hit = memos.get(db)?.get(learnerId);
  return hit && performance.now() - hit.at < GROUP_TTL_MS ? hit.group.slice() : undefined;
}

/** alias → canonical for every link (reports fold a linked pair into one learner). */
export async function allLinks(db: SqlRunner): Promise<Map<string, string>> {
  const rows = await db.all("SELECT alias_id, canonical_id FROM learning_links");
  return new Map(rows.map((r) => [String(r.alias_id), String(r.canonical_id)]));
}

/** "?, ?, ?" for an IN list. */
export const placeholders = (n: number): string => Array.from({ length: n }, () => "?").join(", ");
