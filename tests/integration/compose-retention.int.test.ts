import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pino } from "pino";
import { afterAll, describe, expect, it } from "vitest";
import { composeApp } from "../../src/compose.js";
import { loadConfig } from "../../src/config.js";
import { openSqlite } from "../../src/storage/sqlite/database.js";
import { writeMiniKnowledge } from "./retrieval/mini-knowledge.js";

const root = mkdtempSync(join(tmpdir(), "troly-retention-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("question retention in the composed app", () => {
  it("redacts older rows and deletes questions older than QUESTION_RETENTION_DAYS once the app is started", async () => {
    const dataDir = join(root, "data");
    const knowledgeDir = join(root, "knowledge");
    writeMiniKnowledge(knowledgeDir);
    for (const folder of ["paths", "units"]) cpSync(resolve("knowledge", folder), join(knowledgeDir, folder), { recursive: true });
    const recent = new Date(Date.now() - 2 * 24 * 3600_000).toISOString();
    const old = new Date(Date.now() - 40 * 24 * 3600_000).toISOString();
    const seed = openSqlite(join(dataDir, "tro-ly-so.sqlite"));
    const addUnanswered = seed.prepare("INSERT INTO unanswered_question (text, reason, count, first_at, last_at) VALUES (?, 'out_of_scope', 1, ?, ?)");
    const addQuestion = seed.prepare("INSERT INTO learning_questions (learner_id, text, confidence, answered, asked_at) VALUES ('x', ?, 0.5, 1, ?)");
    addUnanswered.run("cũ", old, old);
    addUnanswered.run("mới sđt 0912 345 678", recent, recent); // stored as written before redaction existed
    addQuestion.run("cũ", old);
    addQuestion.run("mới cccd 001099012345", recent);
    seed.close();

    const app = await composeApp(
      loadConfig({ DATA_DIR: dataDir, KNOWLEDGE_DIR: knowledgeDir, LOG_LEVEL: "silent", QUESTION_RETENTION_DAYS: "30" }),
      pino({ level: "silent" }),
    );
    const db = openSqlite(join(dataDir, "tro-ly-so.sqlite"));
    const texts = () => ({
      unanswered: db.prepare("SELECT text FROM unanswered_question ORDER BY text").all().map((r) => (r as { text: string }).text),
      learning: db.prepare("SELECT text FROM learning_questions ORDER BY text").all().map((r) => (r as { text: string }).text),
    });
    try {
      // Scripts compose the app without starting it: nothing is deleted behind their back.
      expect(texts()).toEqual({ unanswered: ["cũ", "mới sđt 0912 345 678"], learning: ["cũ", "mới cccd 001099012345"] });
      await app.start();
      const until = Date.now() + 5000;
      const remaining = () => texts().learning.length + texts().unanswered.length;
      while ((remaining() > 2 || texts().learning[0] !== "mới cccd [số căn cước]") && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
      expect(texts()).toEqual({ unanswered: ["mới sđt [số điện thoại]"], learning: ["mới cccd [số căn cước]"] });
    } finally {
      await app.close();
      db.close();
    }
  });
});
