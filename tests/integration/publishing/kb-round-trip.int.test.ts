import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listLessonFiles } from "../../../src/curriculum/index.js";
import { exportLessonFiles } from "../../../src/publishing/export-files.js";
import { fileHash, importLessonFiles } from "../../../src/publishing/import-files.js";
import type { LessonVersionStore } from "../../../src/publishing/ports.js";
import { createSqliteLessonVersionStore, openSqlite, type SqliteDatabase } from "../../../src/storage/sqlite/index.js";

const KNOWLEDGE = "knowledge";
// Validation compares dates with today, as kb:check does: the real knowledge/ is dated by the real calendar.
const clock = () => new Date();

/** Every file under `dir`, relative, sorted: the exported tree must hold exactly the lesson files, nothing more. */
function tree(dir: string): string[] {
  return readdirSync(dir)
    .flatMap((name) => (statSync(join(dir, name)).isDirectory() ? tree(join(dir, name)).map((f) => `${name}/${f}`) : [name]))
    .sort();
}

describe("knowledge/ → database → kb:export → kb:import (SQLite file)", () => {
  let work: string;
  let db: SqliteDatabase;
  let store: LessonVersionStore;
  const lessonFiles = listLessonFiles(KNOWLEDGE).map((p) => relative(KNOWLEDGE, p));

  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), "troly-kb-round-trip-"));
    db = openSqlite(join(work, "tro-ly-so.sqlite"));
    store = createSqliteLessonVersionStore(db);
  });
  afterAll(() => {
    db?.close();
    rmSync(work, { recursive: true, force: true });
  });

  it("seeds every knowledge/ file as version 1 with its file hash", async () => {
    const reports = await importLessonFiles(store, KNOWLEDGE, { author: "knowledge/", note: "seed", clock });
    expect(reports.filter((r) => r.outcome !== "added").map((r) => [r.file, r.problems.map((p) => p.message)])).toEqual([]);
    expect(reports.map((r) => r.file)).toEqual(lessonFiles);
    expect(reports.every((r) => r.version === 1)).toBe(true);
    const first = reports[0]!;
    expect((await store.get(first.lessonId!))?.seedHash).toBe(fileHash(readFileSync(join(KNOWLEDGE, first.file))));
    expect(await store.generation()).toBe(lessonFiles.length);
  });

  it("exports every lesson byte for byte, and nothing else", async () => {
    const out = join(work, "export");
    const { written, retired } = await exportLessonFiles(store, out);
    expect(retired).toEqual([]);
    expect(written.map((w) => w.file).sort()).toEqual([...lessonFiles].sort());
    expect(tree(out)).toEqual([...lessonFiles].sort());
    for (const file of lessonFiles) {
      expect(readFileSync(join(out, file)).equals(readFileSync(join(KNOWLEDGE, file))), file).toBe(true);
    }
  });

  it("imports the export back with 0 changed and no new version", async () => {
    const before = await store.generation();
    const reports = await importLessonFiles(store, join(work, "export"), { author: "kb:import", note: "import", clock });
    expect(reports.filter((r) => r.outcome !== "unchanged").map((r) => r.file)).toEqual([]);
    expect(await store.generation()).toBe(before);
  });

  it("publishes a changed file, refuses an invalid one without touching it, and keeps retired lessons out", async () => {
    const dir = join(work, "edited");
    await exportLessonFiles(store, dir);
    const [changedFile, brokenFile, retiredFile] = lessonFiles;
    const changedPath = join(dir, changedFile!);
    writeFileSync(changedPath, readFileSync(changedPath, "utf8").replace(/\n## /, "\nMột câu mới.\n\n## "));
    const brokenPath = join(dir, brokenFile!);
    writeFileSync(brokenPath, readFileSync(brokenPath, "utf8").replace(/\nupdated: \S+/, "\nupdated: 20/11/2026"));
    const retiredId = retiredFile!.split("/")[1]!.replace(/\.md$/, "");
    await store.retire(retiredId, clock().toISOString());
    const brokenId = brokenFile!.split("/")[1]!.replace(/\.md$/, "");
    const brokenBefore = await store.get(brokenId);

    const reports = await importLessonFiles(store, dir, { author: "kb:import", note: "import", clock });
    const byFile = new Map(reports.map((r) => [r.file, r]));
    expect(byFile.get(changedFile!)).toMatchObject({ outcome: "changed", version: 2 });
    const broken = byFile.get(brokenFile!)!;
    expect(broken.outcome).toBe("rejected");
    expect(broken.problems[0]?.messageVi).toMatch(/^Ngày phải viết dạng YYYY-MM-DD/);
    expect(broken.problems[0]?.line).toBeGreaterThan(1);
    expect(await store.get(brokenId)).toEqual(brokenBefore);
    expect(byFile.get(retiredFile!)?.outcome).toBe("rejected");
    expect((await store.get(retiredId))?.retiredAt).toBeDefined();
    const latest = (await store.versions((byFile.get(changedFile!)!).lessonId!))[0]!;
    expect(latest).toMatchObject({ version: 2, author: "kb:import", note: "import" });

    const { retired } = await exportLessonFiles(store, join(work, "export-2"));
    expect(retired).toEqual([retiredId]);
    expect(tree(join(work, "export-2"))).not.toContain(retiredFile);
  });
});
