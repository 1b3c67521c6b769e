import type { ContactStore, LocalityContact, MenteeRecord, MentorRecord, MentorStore, OutboxStore } from "../../assistant/learning/ports.js";
import type { XapiStatement } from "../../assistant/learning/xapi-types.js";
import { canonicalOf, learnerGroup, placeholders } from "./learner-groups.js";
import type { SqlRunner } from "./sql-runner.js";
import { num, optional } from "./sql-runner.js";

export function outboxQueries(db: SqlRunner): OutboxStore {
  return {
    async dueOutbox(now, limit) {
      const rows = await db.all(
        `SELECT o.id, o.statement_id, o.attempts, s.body FROM xapi_outbox o JOIN xapi_statements s ON s.id = o.statement_id
         WHERE o.sent_at IS NULL AND o.next_attempt_at <= ? ORDER BY o.id LIMIT ?`,
        [now, limit],
      );
      return rows.map((r) => ({
        id: num(r.id),
        statementId: String(r.statement_id),
        statement: JSON.parse(String(r.body)) as XapiStatement,
        attempts: num(r.attempts),
      }));
    },
    async markSent(ids, at) {
      if (!ids.length) return;
      await db.run(`UPDATE xapi_outbox SET sent_at = ?, last_error = NULL WHERE id IN (${placeholders(ids.length)})`, [at, ...ids]);
    },
    async markRetry(ids, nextAt, error) {
      if (!ids.length) return;
      await db.run(
        `UPDATE xapi_outbox SET attempts = attempts + 1, next_attempt_at = ?, last_error = ? WHERE id IN (${placeholders(ids.length)})`,
        [nextAt, error.slice(0, 500), ...ids],
      );
    },
    async outboxCounts() {
      const [row] = await db.all(
        "SELECT SUM(CASE WHEN sent_at IS NULL THEN 1 ELSE 0 END) AS pending, SUM(CASE WHEN sent_at IS NULL THEN 0 ELSE 1 END) AS sent FROM xapi_outbox",
      );
      return { pending: num(row?.pending), sent: num(row?.sent) };
    },
  };
}

const mentorFromRow = (r: Record<string, unknown>): MentorRecord => ({
  code: String(r.code),
  label: String(r.label),
  learnerId: optional(r.learner_id),
  createdAt: String(r.created_at),
  claimedAt: optional(r.claimed_at),
});

export function mentorQueries(db: SqlRunner): MentorStore {
  return {
    async createMentorCode(code, label, at) {
      await db.run("INSERT INTO mentor_codes (code, label, created_at) VALUES (?, ?, ?)", [code, label, at]);
    },
    async claimMentorCode(code, learnerId, at) {
      return db.tx(async (t) => {
        const [row] = await t.all("SELECT learner_id FROM mentor_codes WHERE code = ?", [code]);
        if (!row) return false;
        const ids = await learnerGroup(t, learnerId);
        if (row.learner_id) return ids.includes(String(row.learner_id));
        const [other] = await t.all(`SELECT code FROM mentor_codes WHERE learner_id IN (${placeholders(ids.length)})`, ids);
        if (other) return false;
        await t.run("UPDATE mentor_codes SET learner_id = ?, claimed_at = ? WHERE code = ? AND learner_id IS NULL", [learnerId, at, code]);
        return true;
      });
    },
    async mentorByCode(code) {
      const [row] = await db.all("SELECT * FROM mentor_codes WHERE code = ?", [code]);
      return row ? mentorFromRow(row) : undefined;
    },
    async mentorOf(learnerId) {
      const ids = await learnerGroup(db, learnerId);
      const [row] = await db.all(`SELECT * FROM mentor_codes WHERE learner_id IN (${placeholders(ids.length)}) ORDER BY claimed_at, code LIMIT 1`, ids);
      return row ? mentorFromRow(row) : undefined;
    },
    async addMentee(code, menteeId, at) {
      return db.tx(async (t) => {
        // A linked learner has one mentor, whichever of their accounts joined.
        const ids = await learnerGroup(t, menteeId);
        const [already] = await t.all(`SELECT code FROM mentees WHERE mentee_id IN (${placeholders(ids.length)})`, ids);
        if (already) return false;
        return (await t.run("INSERT INTO mentees (mentee_id, code, joined_at) VALUES (?, ?, ?) ON CONFLICT (mentee_id) DO NOTHING", [menteeId, code, at])) > 0;
      });
    },
    async mentees(code) {
      const rows = await db.all(
        "SELECT mentee_id, joined_at, display_name, messages_off FROM mentees WHERE code = ? ORDER BY joined_at, mentee_id",
        [code],
      );
      // Canonical ids, one entry per learner (two linked accounts that both joined count once).
      const seen = new Set<string>();
      const out: MenteeRecord[] = [];
      for (const r of rows) {
        const id = await canonicalOf(db, String(r.mentee_id));
        if (seen.has(id)) continue;
        seen.add(id);
        out.push({ learnerId: id, joinedAt: String(r.joined_at), displayName: optional(r.display_name), messagesOff: num(r.messages_off) === 1 });
      }
      return out;
    },
    async setMenteeName(menteeId, name) {
      const ids = await learnerGroup(db, menteeId);
      await db.run(`UPDATE mentees SET display_name = ? WHERE mentee_id IN (${placeholders(ids.length)})`, [name ?? null, ...ids]);
    },
    async setMenteeMessagesOff(menteeId, off) {
      const ids = await learnerGroup(db, menteeId);
      await db.run(`UPDATE mentees SET messages_off = ? WHERE mentee_id IN (${placeholders(ids.length)})`, [off ? 1 : 0, ...ids]);
    },
    async queueMentorMessage(code, menteeId, kind, at, since) {
      return db.tx(async (t) => {
        const ids = await learnerGroup(t, menteeId);
        const inIds = `mentee_id IN (${placeholders(ids.length)})`;
        const [row] = await t.all(`SELECT messages_off FROM mentees WHERE code = ? AND ${inIds}`, [code, ...ids]);
        if (!row || num(row.messages_off) === 1) return false;
        const [recent] = await t.all(`SELECT id FROM mentor_messages WHERE ${inIds} AND created_at > ? LIMIT 1`, [...ids, since]);
        if (recent) return false;
        await t.run("INSERT INTO mentor_messages (code, mentee_id, kind, created_at) VALUES (?, ?, ?, ?)", [code, menteeId, kind, at]);
        return true;
      });
    },
    async takeMentorMessages(menteeId, at) {
      // Runs on every turn: a plain read first, the write transaction only when something waits.
      const group = await learnerGroup(db, menteeId);
      const [waiting] = await db.all(
        `SELECT id FROM mentor_messages WHERE mentee_id IN (${placeholders(group.length)}) AND delivered_at IS NULL LIMIT 1`,
        group,
      );
      if (!waiting) return [];
      return db.tx(async (t) => {
        const ids = await learnerGroup(t, menteeId);
        const inIds = `mentee_id IN (${placeholders(ids.length)})`;
        const rows = await t.all(`SELECT id, code, kind, created_at FROM mentor_messages WHERE ${inIds} AND delivered_at IS NULL ORDER BY id`, ids);
        if (!rows.length) return [];
        const msgIds = rows.map((r) => num(r.id));
        await t.run(`UPDATE mentor_messages SET delivered_at = ? WHERE id IN (${placeholders(msgIds.length)})`, [at, ...msgIds]);
        return rows.map((r) => ({ code: String(r.code), kind: String(r.kind), createdAt: String(r.created_at) }));
      });
    },
    async lastActivity(learnerId) {
      const ids = await learnerGroup(db, learnerId);
      const [row] = await db.all(
        `SELECT timestamp, lesson_id FROM xapi_statements WHERE learner_id IN (${placeholders(ids.length)}) ORDER BY timestamp DESC, seq DESC LIMIT 1`,
        ids,
      );
      return row ? { at: String(row.timestamp), lessonId: String(row.lesson_id) } : undefined;
    },
    async listMentors() {
      return (await db.all("SELECT * FROM mentor_codes ORDER BY created_at, code")).map(mentorFromRow);
    },
  };
}

const contactFromRow = (r: Record<string, unknown>): LocalityContact => ({
  unitCode: String(r.unit_code),
  deskPhone: optional(r.desk_phone),
  deskHours: optional(r.desk_hours),
  deskAddress: optional(r.desk_address),
  teamName: optional(r.team_name),
  teamContact: optional(r.team_contact),
  updatedAt: String(r.updated_at),
});

export function contactQueries(db: SqlRunner): ContactStore {
  return {
    async saveLocalityContact(c) {
      await db.run(
        `INSERT INTO locality_contacts (unit_code, desk_phone, desk_hours, desk_address, team_name, team_contact, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (unit_code) DO UPDATE SET desk_phone = excluded.desk_phone, desk_hours = excluded.desk_hours,
           desk_address = excluded.desk_address, team_name = excluded.team_name, team_contact = excluded.team_contact,
           updated_at = excluded.updated_at`,
        [c.unitCode, c.deskPhone ?? null, c.deskHours ?? null, c.deskAddress ?? null, c.teamName ?? null, c.teamContact ?? null, c.updatedAt],
      );
    },
    async deleteLocalityContact(unitCode) {
      return (await db.run("DELETE FROM locality_contacts WHERE unit_code = ?", [unitCode])) > 0;
    },
    async getLocalityContact(unitCode) {
      const [row] = await db.all("SELECT * FROM locality_contacts WHERE unit_code = ?", [unitCode]);
      return row ? contactFromRow(row) : undefined;
    },
    async listLocalityContacts() {
      return (await db.all("SELECT * FROM locality_contacts ORDER BY unit_code")).map(contactFromRow);
    },
  };
}
