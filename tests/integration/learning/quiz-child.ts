/**
 * A real assistant process for the crash test: learning features on a real SQLite file, one JSON message per stdin
 * line, one JSON reply per stdout line. The test SIGKILLs it mid-quiz and starts it again on the same file.
 */
import { createInterface } from "node:readline";
import { createAssistant } from "../../../src/assistant/assistant.js";
import { createLearning } from "../../../src/assistant/learning/index.js";
import type { ConversationState } from "../../../src/assistant/ports.js";
import { openSqlite } from "../../../src/storage/sqlite/database.js";
import { createSqliteLearningStore } from "../../../src/storage/sqlite/learning-store.js";
import { LESSONS, PATHS } from "../../fixtures/learning/lessons.js";

const db = openSqlite(process.argv[2] as string);
const store = createSqliteLearningStore(db);
const learning = createLearning({
  store, lessons: LESSONS, corePaths: PATHS, homePage: "https://troly.so", quiz: { passPercent: 80, maxAttempts: 0 },
  learnerIdSecret: "test-secret-test-secret-test-secret",
});
const states = new Map<string, ConversationState>(); // conversation state may be lost in a crash; the quiz may not
const assistant = createAssistant({
  features: learning.features,
  conversations: { get: async (id) => states.get(id), set: async (id, s) => void states.set(id, s) },
  learnerIdFor: learning.learnerIdFor,
  templates: { help: "help", error: "error" },
});
for await (const line of createInterface({ input: process.stdin })) {
  if (!line.trim()) continue;
  const reply = await assistant.handle(JSON.parse(line));
  process.stdout.write(`${JSON.stringify(reply)}\n`);
}
