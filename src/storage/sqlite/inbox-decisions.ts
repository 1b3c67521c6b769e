import type { InboxDecision, InboxDecisions } from "../../admin/inbox.js";
import { guardOf, type SqliteDatabase } from "./database.js";

interface Row {
  text: string;
  decision: InboxDecision["decision"];
  note: string | null;
  curated_id: number | null;
  decided_by: string;
  decided_at: string;
}

/** InboxDecisions on SQLite: one row per question text (a later decision replaces an earlier one). */
export function createSqliteInboxDecisions(db: SqliteDatabase): InboxDecisions {
  const guard = guardOf(db);
  const all = db.prepare<[], Row>("SELECT * FROM inbox_decision ORDER BY decided_at DESC, text");
  const upsert = db.prepare<[string, string, string | null, number | null, string, string]>(
    `INSERT INTO inbox_decision (text, decision, note, curated_id, decided_by, decided_at) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (text) DO UPDATE SET decision = excluded.decision, note = excluded.note, curated_id = excluded.curated_id,
       decided_by = excluded.decided_by, decided_at = excluded.decided_at`,
  );
  const expire = db.prepare<[string]>("DELETE FROM inbox_decision WHERE decided_at < ?");
  const decideAll = db.transaction((texts: readonly string[], d: Omit<InboxDecision, "text">) => {
    for (const text of texts) upsert.run(text, d.decision, d.note ?? null, d.curatedId ?? null, d.decidedBy, d.decidedAt);
  });
  return {
    async list() {
      const rows = await guard.read(() => all.all());
      return rows.map((r) => ({
        text: r.text,
        decision: r.decision,
        ...(r.note !== null ? { note: r.note } : {}),
        ...(r.curated_id !== null ? { curatedId: r.curated_id } : {}),
        decidedBy: r.decided_by,
        decidedAt: r.decided_at,
      }));
    },
    async decide(texts, decision) {
      await guard.write(() => decideAll(texts, decision));
    },
    async deleteBefore(before) {
      return (await guard.write(() => expire.run(before.toISOString()))).changes;
    },
  };
}
