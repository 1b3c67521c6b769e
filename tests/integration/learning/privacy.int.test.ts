import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  createAssistant,
  createConfidenceScorer,
  createQaFeature,
  type ConversationStore,
  type ExpiringLog,
  type UnansweredLog,
} from "../../../src/assistant/index.js";
import { PERSONAL_DATA_NOTICE } from "../../../src/assistant/dialogue/personal-data-notice.js";
import { createLearning, type LearningStore } from "../../../src/assistant/learning/index.js";
import { quizResultStatement } from "../../../src/assistant/learning/xapi.js";
import { normalizeText } from "../../../src/nlp/index.js";
import { createQuestionRetention } from "../../../src/storage/question-retention.js";
import { createPostgresConversationStore, createPostgresUnansweredLog, openPostgres } from "../../../src/storage/postgres/index.js";
import { createPostgresLearningStore } from "../../../src/storage/postgres/learning-store.js";
import { createSqliteConversationStore, createSqliteUnansweredLog, openSqlite } from "../../../src/storage/sqlite/index.js";
import { createSqliteLearningStore } from "../../../src/storage/sqlite/learning-store.js";
import { FakeRetriever } from "../../fakes/fake-retriever.js";
import { postgresSchemas } from "../../fakes/postgres-schemas.js";
import { LESSONS, PATHS } from "../../fixtures/learning/lessons.js";
import { testTemplates } from "../../fixtures/templates.js";

/** Every store of one database, as compose.ts opens them, plus raw row access for the checks. */
interface Db {
  conversations: ConversationStore;
  unanswered: UnansweredLog & ExpiringLog;
  learning: LearningStore;
  rows(sql: string): Promise<Array<Record<string, unknown>>>;
  exec(sql: string): Promise<void>;
  close(): Promise<void>;
}

const clock = { now: new Date("2026-11-29T03:00:00.000Z") };

const drivers: Array<{ name: string; skip?: string; open: () => Promise<Db> }> = [
  {
    name: "SQLite file",
    open: async () => {
      const db = openSqlite(join(mkdtempSync(join(tmpdir(), "privacy-")), "p.sqlite"));
      const learning = createSqliteLearningStore(db);
      return {
        conversations: createSqliteConversationStore(db),
        unanswered: createSqliteUnansweredLog(db, () => clock.now),
        learning,
        rows: async (sql) => db.prepare(sql).all() as Array<Record<string, unknown>>,
        exec: async (sql) => void db.exec(sql),
        close: async () => { await learning.close(); db.close(); },
      };
    },
  },
];
const pg = postgresSchemas("privacy_test");
drivers.push({
  name: "PostgreSQL",
  skip: pg.skipReason,
  open: async () => {
    const pool = await openPostgres(await pg.create());
    const learning = createPostgresLearningStore(pool);
    return {
      conversations: createPostgresConversationStore(pool),
      unanswered: createPostgresUnansweredLog(pool, () => clock.now),
      learning,
      rows: async (sql) => (await pool.query(sql)).rows as Array<Record<string, unknown>>,
      exec: async (sql) => void (await pool.query(sql)),
      close: async () => { await learning.close(); await pool.end(); },
    };
  },
});

/** The production order: learning features first, then QA (over an empty knowledge base: every question is logged). */
function assistantOver(db: Db) {
  const learning = createLearning({
    store: db.learning, lessons: LESSONS, corePaths: PATHS, homePage: "https://troly.so", quiz: { passPercent: 80, maxAttempts: 0 },
    learnerIdSecret: "secret-secret-secret-secret-secret", clock: () => clock.now,
  });
  const qa = createQaFeature({
    retriever: new FakeRetriever([]), scorer: createConfidenceScorer([]), templates: testTemplates, unanswered: db.unanswered,
    normalize: (t) => normalizeText(t), observer: learning.questionObserver,
  });
  const assistant = createAssistant({
    features: [...learning.features, qa], conversations: db.conversations, learnerIdFor: learning.learnerIdFor,
    templates: testTemplates, clock: () => clock.now,
  });
  const say = (m: { text?: string; action?: string }) => assistant.handle({ channel: "zalo", userId: "42", ...m });
  return { learning, say };
}

for (const driver of drivers) {
  describe.skipIf(Boolean(driver.skip))(`privacy of free text (${driver.name})`, () => {
    it("stores questions redacted, warns the sender, and Xoá hồ sơ removes questions and conversation state", async () => {
      const db = await driver.open();
      try {
        const { learning, say } = assistantOver(db);
        await say({ text: "/hoso" });
        await say({ action: "ob:yes" });
        const id = await learning.learnerIdFor({ channel: "zalo", userId: "42" });
        const reply = await say({ text: "tôi là Nguyễn Văn A, sđt 0912345678, số CCCD 001099012345, mật khẩu của tôi là Abc@123" });
        expect(reply.text.startsWith(PERSONAL_DATA_NOTICE)).toBe(true);
        const asked = await db.rows("SELECT text FROM learning_questions");
        expect(asked.map((r) => r.text)).toEqual([
          "tôi là [họ tên], sđt [số điện thoại], số cccd [số căn cước], mật khẩu của tôi là [mật khẩu]",
        ]);
        const logged = (await db.unanswered.top(10)).map((r) => r.text).join("\n");
        expect(logged).not.toMatch(/0912|001099012345|abc|nguyễn/);
        expect(logged).toContain("[số điện thoại]");
        // Evidence written for this learner stays after deletion (pseudonymous).
        await db.learning.appendStatements([
          quizResultStatement({ homePage: "https://troly.so", learnerId: id, platform: "zalo", at: clock.now.toISOString() }, LESSONS[0]!, {
            attemptId: "0b0f6c1e-2a2b-4c4d-8e8f-000000000099", correct: 3, total: 3, passed: true, startedAt: clock.now.toISOString(),
          }),
        ]);
        await say({ action: "ls:o:l-one" }); // leaves a lesson position in the conversation state
        expect(await db.conversations.get(id)).toBeDefined();

        await say({ text: "/hoso" });
        const deleted = await say({ action: "ob:del" });
        expect(deleted.text).toContain("Đã xoá hồ sơ");
        expect(await db.learning.getProfile(id)).toBeUndefined();
        expect(await db.rows("SELECT text FROM learning_questions")).toEqual([]);
        expect(await db.rows("SELECT learner_id FROM conversation_state")).toEqual([]);
        expect(await db.learning.queryStatements({ limit: 10, agentName: id })).toHaveLength(1);
      } finally {
        await db.close();
      }
    });

    it("redacts rows stored before redaction existed when the job starts, folding duplicates together", async () => {
      const db = await driver.open();
      try {
        // What today's code left behind: questions stored as written.
        await db.exec(`INSERT INTO unanswered_question (text, reason, count, first_at, last_at) VALUES
          ('số điện thoại 0912 345 678 bị khoá', 'low_confidence', 2, '2026-10-01T00:00:00.000Z', '2026-10-02T00:00:00.000Z'),
          ('số điện thoại 0987 654 321 bị khoá', 'low_confidence', 3, '2026-09-01T00:00:00.000Z', '2026-11-01T00:00:00.000Z'),
          ('giá vàng hôm nay', 'out_of_scope', 1, '2026-10-01T00:00:00.000Z', '2026-10-01T00:00:00.000Z')`);
        await db.exec(`INSERT INTO learning_questions (learner_id, text, confidence, answered, asked_at) VALUES
          ('x', 'tôi là nguyễn văn a, số cccd 001099012345', 0.1, 0, '2026-11-01T00:00:00.000Z'),
          ('x', 'vneid là gì', 0.9, 1, '2026-11-01T00:00:00.000Z')`);
        const retention = createQuestionRetention({
          days: 180,
          clock: () => clock.now,
          logs: [
            { name: "learning_questions", log: { deleteBefore: (b) => db.learning.deleteQuestionsBefore(b.toISOString()), redactStored: () => db.learning.redactStoredQuestions() } },
            { name: "unanswered_question", log: db.unanswered },
          ],
        });
        await retention.redactOld();
        const top = await db.unanswered.top(10);
        expect(top.map((r) => [r.text, r.count])).toEqual([["số điện thoại [số điện thoại] bị khoá", 5], ["giá vàng hôm nay", 1]]);
        expect(top[0]?.lastAt).toBe("2026-11-01T00:00:00.000Z");
        expect((await db.rows("SELECT text FROM learning_questions ORDER BY id")).map((r) => r.text)).toEqual([
          "tôi là [họ tên], số cccd [số căn cước]",
          "vneid là gì",
        ]);
        // Idempotent: a second start changes nothing.
        expect(await db.unanswered.redactStored?.()).toBe(0);
        expect(await db.learning.redactStoredQuestions()).toBe(0);
      } finally {
        await db.close();
      }
    });

    it("the retention job deletes question rows older than the period from both logs", async () => {
      const db = await driver.open();
      try {
        const at = (iso: string) => void (clock.now = new Date(iso));
        at("2026-04-01T00:00:00.000Z");
        await db.unanswered.record("giá vàng hôm nay", "out_of_scope");
        await db.learning.recordQuestion({ learnerId: "x", text: "xổ số", confidence: 0, answered: false, at: clock.now.toISOString() });
        at("2026-11-01T00:00:00.000Z");
        await db.unanswered.record("thời tiết", "out_of_scope");
        await db.learning.recordQuestion({ learnerId: "x", text: "vneid là gì", confidence: 0.9, answered: true, at: clock.now.toISOString() });
        at("2026-11-29T00:00:00.000Z");
        const retention = createQuestionRetention({
          days: 180,
          clock: () => clock.now,
          logs: [
            { name: "learning_questions", log: { deleteBefore: (b) => db.learning.deleteQuestionsBefore(b.toISOString()) } },
            { name: "unanswered_question", log: db.unanswered },
          ],
        });
        expect(await retention.runOnce()).toEqual({ learning_questions: 1, unanswered_question: 1 });
        expect((await db.unanswered.top(10)).map((r) => r.text)).toEqual(["thời tiết"]);
        expect((await db.rows("SELECT text FROM learning_questions")).map((r) => r.text)).toEqual(["vneid là gì"]);
      } finally {
        clock.now = new Date("2026-11-29T03:00:00.000Z");
        await db.close();
      }
    });
  });
}
