import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { Lesson } from "../../../src/curriculum/index.js";
import { LiveKnowledge } from "../../../src/publishing/live-knowledge.js";
import { loadParsedLessons } from "../../../src/publishing/parsed-lessons-cache.js";
import type { LessonVersionStore } from "../../../src/publishing/ports.js";
import { createSqliteLessonVersionStore, openSqlite } from "../../../src/storage/sqlite/index.js";
import { lessonFile } from "../retrieval/mini-knowledge.js";

/** A restart reuses the lessons' parse (issue 14) only for the same lesson, version and Markdown, and the same parser. */
const root = mkdtempSync(join(tmpdir(), "tls-parsed-lessons-"));
const db = openSqlite(join(root, "db.sqlite"));
afterAll(() => {
  db.close();
  rmSync(root, { recursive: true, force: true });
});

const store: LessonVersionStore = createSqliteLessonVersionStore(db);
const cacheFile = join(root, "lessons-cache.json");
const markdown = (id: string, extra = "") =>
  lessonFile(id, "vneid", `Bài ${id}`, { "Tải ứng dụng ở đâu?": `Chỉ tải từ kho ứng dụng chính thức.${extra}`, "Quên mật khẩu": "Bấm Quên mật khẩu." });
const publish = (lessonId: string, text: string) =>
  store.publish({ lessonId, markdown: text, author: "test", at: "2026-11-29T00:00:00.000Z", note: "publish", clearDraft: true });
const liveKnowledge = (file?: string) =>
  new LiveKnowledge({
    store,
    clock: () => new Date("2026-11-29T03:00:00Z"),
    build: async (lessons: Lesson[], signature: string) => ({ lessons, version: signature }),
    ...(file ? { cacheFile: file } : {}),
  });
async function saved(): Promise<void> {
  for (let i = 0; i < 200 && !existsSync(cacheFile); i++) await new Promise((resolve) => setTimeout(resolve, 10));
}

describe("parsed lessons cache", () => {
  it("serves exactly the lessons a fresh parse gives, and reuses only unchanged lessons", async () => {
    await publish("vneid-a", markdown("vneid-a"));
    await publish("vneid-b", markdown("vneid-b"));
    const first = await liveKnowledge(cacheFile).load();
    await saved();
    const fresh = await liveKnowledge().load();
    const restarted = await liveKnowledge(cacheFile).load();
    expect(restarted.lessons).toEqual(fresh.lessons);
    expect(restarted.version).toBe(first.version);
    expect(loadParsedLessons(cacheFile, await store.liveMarkdown()).map((p) => p.lesson.id)).toEqual(["vneid-a", "vneid-b"]);

    await publish("vneid-a", markdown("vneid-a", " Mở CH Play."));
    expect(loadParsedLessons(cacheFile, await store.liveMarkdown()).map((p) => p.lesson.id)).toEqual(["vneid-b"]);
    const afterPublish = await liveKnowledge(cacheFile).load();
    expect(afterPublish.lessons.find((l) => l.id === "vneid-a")?.sections[0]?.body).toContain("Mở CH Play.");
    // That load parsed vneid-a again and saves the cache in the background: wait for it before the next test.
    for (let i = 0; i < 200 && loadParsedLessons(cacheFile, await store.liveMarkdown()).length < 2; i++) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    expect(loadParsedLessons(cacheFile, await store.liveMarkdown()).map((p) => p.lesson.id)).toEqual(["vneid-a", "vneid-b"]);
  });

  it("ignores a cache written by other parser code, and a damaged file", async () => {
    const live = await store.liveMarkdown();
    const data = JSON.parse(readFileSync(cacheFile, "utf8")) as { signature: string };
    writeFileSync(cacheFile, JSON.stringify({ ...data, signature: "another parser" }));
    expect(loadParsedLessons(cacheFile, live)).toEqual([]);
    writeFileSync(cacheFile, "{not json");
    expect(loadParsedLessons(cacheFile, live)).toEqual([]);
    expect(loadParsedLessons(join(root, "missing.json"), live)).toEqual([]);
  });
});
