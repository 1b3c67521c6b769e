import type { AdminUnit, LearnerProfile, LearnerStore } from "../../assistant/learning/ports.js";
import { canonicalOf, forgetGroups, learnerGroup, placeholders } from "./learner-groups.js";
import { redact } from "../../shared/redact.js";
import type { SqlRunner } from "./sql-runner.js";
import { num, optional } from "./sql-runner.js";

type Row = Record<string, unknown>;

export function profileFromRow(r: Row): LearnerProfile {
  return {
    learnerId: String(r.learner_id),
    consentAt: String(r.consent_at),
    provinceCode: optional(r.province_code),
    communeCode: optional(r.commune_code),
    neighbourhoodCode: optional(r.neighbourhood_code),
    targetGroup: optional(r.target_group) as LearnerProfile["targetGroup"],
    ageBand: optional(r.age_band) as LearnerProfile["ageBand"],
    updatedAt: String(r.updated_at),
  };
}

/**
 * One profile for a linked learner: the most recently updated profile of the group (canonical wins a tie), reported
 * under the canonical id so a later save lands on the canonical row.
 */
export function pickProfile(rows: LearnerProfile[], canonical: string): LearnerProfile | undefined {
  const sorted = [...rows].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt) || Number(b.learnerId === canonical) - Number(a.learnerId === canonical));
  const best = sorted[0];
  return best ? { ...best, learnerId: canonical } : undefined;
}

const unitFromRow = (r: Row): AdminUnit => ({
  code: String(r.code),
  name: String(r.name),
  level: r.level as AdminUnit["level"],
  parentCode: optional(r.parent_code),
});

/** Profiles, administrative units, account links and asked questions. */
export function learnerQueries(db: SqlRunner): LearnerStore {
  return {
    async getProfile(learnerId) {
      const ids = await learnerGroup(db, learnerId);
      const rows = await db.all(`SELECT * FROM learning_profiles WHERE learner_id IN (${placeholders(ids.length)})`, ids);
      return pickProfile(rows.map(profileFromRow), ids[0]!);
    },
    async saveProfile(p) {
      await db.run(
        `INSERT INTO learning_profiles (learner_id, consent_at, province_code, commune_code, neighbourhood_code, target_group, age_band, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (learner_id) DO UPDATE SET consent_at = excluded.consent_at, province_code = excluded.province_code,
           commune_code = excluded.commune_code, neighbourhood_code = excluded.neighbourhood_code,
           target_group = excluded.target_group, age_band = excluded.age_band, updated_at = excluded.updated_at`,
        [p.learnerId, p.consentAt, p.provinceCode, p.communeCode, p.neighbourhoodCode, p.targetGroup, p.ageBand, p.updatedAt],
      );
    },
    async deleteProfile(learnerId) {
      // Withdrawal is by the person: it removes the profile, questions and conversation state of every linked
      // account. conversation_state belongs to the core stores but lives in the same database (SQLite file or
      // PostgreSQL), so one transaction removes it all.
      await db.tx(async (t) => {
        const ids = await learnerGroup(t, learnerId);
        const inIds = `learner_id IN (${placeholders(ids.length)})`;
        await t.run(`DELETE FROM learning_profiles WHERE ${inIds}`, ids);
        await t.run(`DELETE FROM learning_questions WHERE ${inIds}`, ids);
        await t.run(`DELETE FROM conversation_state WHERE ${inIds}`, ids);
        // The name shown to a mentor and undelivered mentor messages go with the profile.
        await t.run(`UPDATE mentees SET display_name = NULL WHERE mentee_id IN (${placeholders(ids.length)})`, ids);
        await t.run(`DELETE FROM mentor_messages WHERE mentee_id IN (${placeholders(ids.length)})`, ids);
      });
    },
    async listUnits(level, parentCode) {
      const rows = parentCode
        ? await db.all("SELECT * FROM learning_units WHERE level = ? AND parent_code = ? ORDER BY name", [level, parentCode])
        : await db.all("SELECT * FROM learning_units WHERE level = ? ORDER BY name", [level]);
      return rows.map(unitFromRow);
    },
    async getUnit(code) {
      const [row] = await db.all("SELECT * FROM learning_units WHERE code = ?", [code]);
      return row ? unitFromRow(row) : undefined;
    },
    async importUnits(units) {
      return db.tx(async (t) => {
        let n = 0;
        for (const u of units) {
          n += await t.run(
            `INSERT INTO learning_units (code, name, level, parent_code) VALUES (?, ?, ?, ?)
             ON CONFLICT (code) DO UPDATE SET name = excluded.name, level = excluded.level, parent_code = excluded.parent_code`,
            [u.code, u.name, u.level, u.parentCode],
          );
        }
        return n;
      });
    },
    async createLinkCode(code, learnerId, expiresAt, now) {
      await db.tx(async (t) => {
        // One live code per learner: a new code replaces the older one; expired codes of anyone are dropped.
        await t.run("DELETE FROM learning_link_codes WHERE learner_id = ? OR expires_at <= ?", [learnerId, now]);
        await t.run(
          `INSERT INTO learning_link_codes (code, learner_id, expires_at) VALUES (?, ?, ?)
           ON CONFLICT (code) DO UPDATE SET learner_id = excluded.learner_id, expires_at = excluded.expires_at`,
          [code, learnerId, expiresAt],
        );
      });
    },
    async redeemLinkCode(code, now) {
      return db.tx(async (t) => {
        const [row] = await t.all("SELECT learner_id, expires_at FROM learning_link_codes WHERE code = ?", [code]);
        if (!row) return undefined;
        await t.run("DELETE FROM learning_link_codes WHERE code = ?", [code]);
        return String(row.expires_at) > now ? String(row.learner_id) : undefined;
      });
    },
    async countLinkFailures(learnerId, since) {
      const [row] = await db.all("SELECT COUNT(*) AS n FROM learning_link_failures WHERE learner_id = ? AND failed_at > ?", [learnerId, since]);
      return num(row?.n);
    },
    async recordLinkFailure(learnerId, at, pruneBefore) {
      await db.tx(async (t) => {
        await t.run("DELETE FROM learning_link_failures WHERE learner_id = ? AND failed_at <= ?", [learnerId, pruneBefore]);
        await t.run("INSERT INTO learning_link_failures (learner_id, failed_at) VALUES (?, ?)", [learnerId, at]);
      });
    },
    async linkLearner(aliasId, canonicalId, at) {
      forgetGroups(db);
      await db.tx(async (t) => {
        // Keep links one level deep: link to the target's own canonical, and move the alias's aliases along.
        const target = await canonicalOf(t, canonicalId);
        if (target === aliasId) return; // already one learner
        await t.run("UPDATE learning_links SET canonical_id = ? WHERE canonical_id = ?", [target, aliasId]);
        await t.run(
          `INSERT INTO learning_links (alias_id, canonical_id, linked_at) VALUES (?, ?, ?)
           ON CONFLICT (alias_id) DO UPDATE SET canonical_id = excluded.canonical_id, linked_at = excluded.linked_at`,
          [aliasId, target, at],
        );
      });
      // Again after the commit: a turn that read the group meanwhile must not keep the old one for its second.
      forgetGroups(db);
    },
    async canonicalLearner(aliasId) {
      // From the group (links are one level deep): the first id is the canonical one, the alias's own id when unlinked.
      const [canonical] = await learnerGroup(db, aliasId);
      return canonical !== undefined && canonical !== aliasId ? canonical : undefined;
    },
    async recordQuestion(e) {
      // The observer redacts already; redacting again is idempotent and protects every other caller.
      await db.run(
        "INSERT INTO learning_questions (learner_id, text, lesson_id, confidence, answered, asked_at) VALUES (?, ?, ?, ?, ?, ?)",
        [e.learnerId, redact(e.text), e.lessonId, e.confidence, e.answered ? 1 : 0, e.at],
      );
    },
    async redactStoredQuestions() {
      let changed = 0;
      // Keyset pages, so a large table never sits in memory and chat turns get through between pages.
      for (let after = 0; ; ) {
        const rows = await db.all("SELECT id, text FROM learning_questions WHERE id > ? ORDER BY id LIMIT 500", [after]);
        if (!rows.length) return changed;
        for (const r of rows) {
          const redacted = redact(String(r.text));
          if (redacted !== r.text) changed += await db.run("UPDATE learning_questions SET text = ? WHERE id = ?", [redacted, num(r.id)]);
        }
        after = num(rows.at(-1)?.id);
        await new Promise((resolve) => setImmediate(resolve));
      }
    },
    async deleteQuestionsBefore(before) {
      return db.run("DELETE FROM learning_questions WHERE asked_at < ?", [before]);
    },
    async askedLessons(learnerId, limit) {
      const ids = await learnerGroup(db, learnerId);
      const rows = await db.all(
        `SELECT lesson_id, MAX(asked_at) AS last_at FROM learning_questions
         WHERE learner_id IN (${placeholders(ids.length)}) AND lesson_id IS NOT NULL GROUP BY lesson_id ORDER BY last_at DESC, lesson_id LIMIT ?`,
        [...ids, limit],
      );
      return rows.map((r) => String(r.lesson_id));
    },
  };
}
