import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { checkLessonText } from "../../../src/curriculum/index.js";
import { fileHash, importLessonFiles } from "../../../src/publishing/import-files.js";
import { createSqliteLessonVersionStore, openSqlite } from "../../../src/storage/sqlite/index.js";
import { lessonText } from "../../fixtures/lesson-text.js";

const clock = () => new Date("2026-11-23T08:00:00Z");
const options = { author: "kb:import", note: "import", clock };
const dirs: string[] = [];

function knowledgeDir(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(join(tmpdir(), "troly-import-files-"));
  dirs.push(dir);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, ".."), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}
function memoryStore() {
  return createSqliteLessonVersionStore(openSqlite(":memory:"));
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const main = lessonText();
const other = lessonText({ id: "vneid-bai-khac" });

describe("importLessonFiles", () => {
  it("adds new lessons with the file hash, and links between files in the same import resolve", async () => {
    const store = memoryStore();
    const reports = await importLessonFiles(store, knowledgeDir({ "vneid/vneid-cai-dat.md": main, "vneid/vneid-bai-khac.md": other }), options);
    expect(reports.map((r) => [r.file, r.outcome, r.version])).toEqual([
      ["vneid/vneid-bai-khac.md", "added", 1],
      ["vneid/vneid-cai-dat.md", "added", 1],
    ]);
    expect(await store.get("vneid-cai-dat")).toMatchObject({ liveVersion: 1, seedHash: fileHash(Buffer.from(main)) });
    expect(await store.version("vneid-cai-dat", 1)).toMatchObject({ author: "kb:import", note: "import", at: clock().toISOString() });
  });

  it("publishes a changed file as the next version and keeps an editor's draft", async () => {
    const store = memoryStore();
    await importLessonFiles(store, knowledgeDir({ "vneid/vneid-cai-dat.md": main, "vneid/vneid-bai-khac.md": other }), options);
    await store.saveDraft({ lessonId: "vneid-cai-dat", markdown: "nháp", author: "an", at: clock().toISOString(), baseVersion: 1 });
    const changed = main.replace("Bài này hướng dẫn", "Bài này chỉ cách");
    const reports = await importLessonFiles(store, knowledgeDir({ "vneid/vneid-cai-dat.md": changed, "vneid/vneid-bai-khac.md": other }), options);
    expect(reports.map((r) => r.outcome)).toEqual(["unchanged", "changed"]);
    expect(await store.get("vneid-cai-dat")).toMatchObject({ liveVersion: 2, draft: { markdown: "nháp", baseVersion: 1 } });
  });

  it("refuses invalid, duplicate and non-UTF-8 files without touching the store", async () => {
    const store = memoryStore();
    await importLessonFiles(store, knowledgeDir({ "vneid/vneid-cai-dat.md": main, "vneid/vneid-bai-khac.md": other }), options);
    const generation = await store.generation();
    const dir = knowledgeDir({
      "vneid/vneid-cai-dat.md": main.replace("title: Cài đặt ứng dụng đúng cách\n", ""),
      "vneid/vneid-bai-khac.md": Buffer.concat([Buffer.from(other.replace("Bài này", "Bài mới này")), Buffer.from([0xff, 0xfe])]),
      "vneid/zz-trung-id.md": lessonText({ id: "vneid-moi" }),
      "vneid/vneid-moi.md": lessonText({ id: "vneid-moi" }),
    });
    const reports = await importLessonFiles(store, dir, options);
    expect(reports.map((r) => [r.file, r.outcome])).toEqual([
      ["vneid/vneid-bai-khac.md", "rejected"],
      ["vneid/vneid-cai-dat.md", "rejected"],
      ["vneid/vneid-moi.md", "added"],
      ["vneid/zz-trung-id.md", "rejected"],
    ]);
    const [notUtf8, noTitle, , duplicate] = reports;
    expect(notUtf8?.problems[0]?.messageVi).toMatch(/UTF-8/);
    expect(noTitle?.problems[0]).toMatchObject({ line: 1, messageVi: expect.stringMatching(/^Thiếu trường title \(tiêu đề bài\)/) });
    // With the default checks a second file of one id always has the wrong name; a lenient validator meets the id rule.
    expect(duplicate?.problems.map((p) => p.message)).toEqual(["file name must be vneid-moi.md"]);
    expect(await store.generation()).toBe(generation + 1);
    expect((await store.versions("vneid-cai-dat")).length).toBe(1);
    expect((await store.versions("vneid-bai-khac")).length).toBe(1);
  });

  it("refuses a second file with an id already imported, whatever the validator allows", async () => {
    const store = memoryStore();
    const dir = knowledgeDir({ "vneid/vneid-cai-dat.md": main, "vneid/zz-ban-sao.md": main });
    const lenient = (markdown: string, file: string) => ({ ...checkLessonText(markdown, file, { knownIds: new Set(["vneid-bai-khac"]), today: clock() }), problems: [] });
    const reports = await importLessonFiles(store, dir, { ...options, validate: lenient });
    expect(reports.map((r) => r.outcome)).toEqual(["added", "rejected"]);
    expect(reports[1]?.problems[0]?.messageVi).toMatch(/đã được bài vneid\/vneid-cai-dat\.md dùng/);
  });

  it("never brings back a retired lesson from a file", async () => {
    const store = memoryStore();
    const dir = knowledgeDir({ "vneid/vneid-cai-dat.md": main, "vneid/vneid-bai-khac.md": other });
    await importLessonFiles(store, dir, options);
    await store.retire("vneid-bai-khac", clock().toISOString());
    const reports = await importLessonFiles(store, dir, options);
    expect(reports.find((r) => r.lessonId === "vneid-bai-khac")).toMatchObject({ outcome: "rejected" });
    expect(reports.find((r) => r.lessonId === "vneid-bai-khac")?.problems[0]?.messageVi).toMatch(/ngừng dùng/);
    expect((await store.get("vneid-bai-khac"))?.retiredAt).toBeDefined();
  });
});
