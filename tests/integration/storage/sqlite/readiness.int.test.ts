import Database from "better-sqlite3";
import { mkdtempSync, rmSync, unlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openSqlite } from "../../../../src/storage/sqlite/index.js";
import { createSqliteReadinessProbe } from "../../../../src/storage/sqlite/readiness.js";

const root = mkdtempSync(join(tmpdir(), "tls-ready-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("SQLite readiness probe (GET /ready's database check)", () => {
  it("is ok on a writable file, not ok while another connection holds the write lock, and ok again after", async () => {
    const file = join(root, "ready.sqlite");
    const db = openSqlite(file);
    const probe = createSqliteReadinessProbe(db);
    expect(await probe()).toEqual({ ok: true });
    expect(await probe()).toEqual({ ok: true }); // repeatable: one row, overwritten

    const other = new Database(file);
    other.exec("BEGIN IMMEDIATE"); // like another process in the middle of a write
    const locked = await probe();
    expect(locked.ok).toBe(false);
    expect(locked.ok ? "" : locked.reason).toMatch(/locked|busy/i);
    // One short attempt: the connection's busy timeout stays short, so the probe never blocks the event loop long.
    expect(db.pragma("busy_timeout", { simple: true })).toBeLessThanOrEqual(50);
    other.exec("COMMIT");
    other.close();
    expect(await probe()).toEqual({ ok: true });
    db.close();
  });

  it("is not ok once the database file has been deleted under the running app", async () => {
    const file = join(root, "gone.sqlite");
    const db = openSqlite(file);
    const probe = createSqliteReadinessProbe(db);
    unlinkSync(file);
    const result = await probe();
    expect(result.ok).toBe(false);
    expect(result.ok ? "" : result.reason).toMatch(/deleted/);
    db.close();
  });

  it("is not ok (and does not throw) after the database was closed", async () => {
    const file = join(root, "closed.sqlite");
    const db = openSqlite(file);
    const probe = createSqliteReadinessProbe(db);
    db.close();
    expect((await probe()).ok).toBe(false);
  });
});
