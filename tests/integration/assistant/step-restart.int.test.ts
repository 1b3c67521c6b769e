import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createSqliteConversationStore, openSqlite } from "../../../src/storage/sqlite/index.js";
import { buildTestAssistant } from "../../fakes/test-assistant.js";

const dir = mkdtempSync(join(tmpdir(), "troly-steps-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("step-by-step position in the real SQLite file", () => {
  it("survives closing and reopening the database (a restart)", async () => {
    const file = join(dir, "tro-ly-so.sqlite");
    const first = openSqlite(file);
    const before = buildTestAssistant({ threshold: 0.5, conversations: createSqliteConversationStore(first) });
    // The answer offers the steps (the step state waits before step 1); "Làm từng bước" then walks them.
    expect((await before.say("tải ứng dụng VNeID ở đâu", "ba-lan")).stepIndex).toBeUndefined();
    expect((await before.tap("s:next", "ba-lan")).stepIndex).toBe(0);
    expect((await before.tap("s:next", "ba-lan")).stepIndex).toBe(1);
    first.close();

    const second = openSqlite(file);
    const after = buildTestAssistant({ threshold: 0.5, conversations: createSqliteConversationStore(second) });
    const reply = await after.say("tiep", "ba-lan");
    expect(reply.kind).toBe("step");
    expect(reply.stepIndex).toBe(2);
    expect(reply.text).toContain("Đây là bước cuối cùng.");
    second.close();
  });
});
