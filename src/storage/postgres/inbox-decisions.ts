import type { InboxDecision, InboxDecisions } from "../../admin/inbox.js";
import type { PgPool } from "./database.js";

/** InboxDecisions on PostgreSQL: one row per question text (a later decision replaces an earlier one). */
export function createPostgresInboxDecisions(pool: PgPool): InboxDecisions {
  return {
    async list() {
      const { rows } = await pool.query<{
        text: string;
        decision: InboxDecision["decision"];
        note: string | null;
        curated_id: string | null;
        decided_by: string;
        decided_at: Date;
      }>("SELECT * FROM inbox_decision ORDER BY decided_at DESC, text");
      return rows.map((r) => ({
        text: r.text,
        decision: r.decision,
        ...(r.note !== null ? { note: r.note } : {}),
        ...(r.curated_id !== null ? { curatedId: Number(r.curated_id) } : {}),
        decidedBy: r.decided_by,
        decidedAt: r.decided_at.toISOString(),
      }));
    },
    async deleteBefore(before) {
      return (await pool.query("DELETE FROM inbox_decision WHERE decided_at < $1", [before])).rowCount ?? 0;
    },
    async decide(texts, d) {
      if (texts.length === 0) return;
      await pool.query(
        `INSERT INTO inbox_decision (text, decision, note, curated_id, decided_by, decided_at)
         SELECT t, $2, $3, $4, $5, $6 FROM unnest($1::text[]) AS t
         ON CONFLICT (text) DO UPDATE SET decision = EXCLUDED.decision, note = EXCLUDED.note, curated_id = EXCLUDED.curated_id,
           decided_by = EXCLUDED.decided_by, decided_at = EXCLUDED.decided_at`,
        [[...texts], d.decision, d.note ?? null, d.curatedId ?? null, d.decidedBy, new Date(d.decidedAt)],
      );
    },
  };
}
