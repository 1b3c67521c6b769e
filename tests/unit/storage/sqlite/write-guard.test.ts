import { mkdtempSync, rmSync, unlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { isAppError } from "../../../../src/shared/errors.js";
import { createWriteGuard, isBusyError } from "../../../../src/storage/sqlite/write-guard.js";

const busy = () => Object.assign(new Error("database is locked"), { code: "SQLITE_BUSY" });
const root = mkdtempSync(join(tmpdir(), "tls-guard-unit-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A clock moved only by the guard's own pauses: the deadline depends on attempts, never on machine speed. */
function fakeTime() {
  const pauses: number[] = [];
  let now = 0;
  return { pauses, now: () => now, sleep: async (ms: number) => { pauses.push(ms); now += ms; } };
}

describe("SQLite write guard", () => {
  it("recognises SQLITE_BUSY and SQLITE_LOCKED in all their variants, nothing else", () => {
    for (const code of ["SQLITE_BUSY", "SQLITE_BUSY_SNAPSHOT", "SQLITE_LOCKED", "SQLITE_LOCKED_SHAREDCACHE"]) expect(isBusyError({ code })).toBe(true);
    for (const value of [{ code: "SQLITE_CONSTRAINT" }, new Error("x"), null, undefined, "SQLITE_BUSY"]) expect(isBusyError(value)).toBe(false);
  });

  it("retries a busy attempt after growing pauses and returns its result", async () => {
    const time = fakeTime();
    const guard = createWriteGuard(":memory:", time);
    let calls = 0;
    const out = await guard.write(() => {
      calls += 1;
      if (calls < 4) throw busy();
      return "done";
    });
    expect(out).toBe("done");
    expect(time.pauses).toEqual([5, 10, 20]);
  });

  it("does not retry other errors", async () => {
    const guard = createWriteGuard(":memory:", fakeTime());
    let calls = 0;
    await expect(guard.read(() => { calls += 1; throw new Error("constraint"); })).rejects.toThrow("constraint");
    expect(calls).toBe(1);
  });

  it("gives up at the deadline with unavailable:storage, never pausing past it", async () => {
    const time = fakeTime();
    const guard = createWriteGuard(":memory:", { ...time, deadlineMs: 300 });
    const error = await guard.write(() => { throw busy(); }).catch((e: unknown) => e);
    expect(isAppError(error) && error.code).toBe("unavailable:storage");
    expect((error as Error).message).toMatch(/locked by another/);
    expect(time.pauses.reduce((a, b) => a + b, 0)).toBe(300);
  });

  it("takes a shorter deadline per call (GET /ready's probe)", async () => {
    const time = fakeTime();
    const guard = createWriteGuard(":memory:", time);
    await expect(guard.write(() => { throw busy(); }, { deadlineMs: 50 })).rejects.toThrow(/waited 50 ms/);
    expect(time.pauses).toEqual([5, 10, 20, 15]);
  });

  it("refuses writes for good once the file is deleted, and never returns the result of a write made meanwhile", async () => {
    const file = join(root, "db.sqlite");
    writeFileSync(file, "x");
    const guard = createWriteGuard(file, fakeTime());
    expect(await guard.write(() => 1)).toBe(1);
    expect(guard.problem()).toBeUndefined();
    let wrote = false;
    const error = await guard.write(() => { unlinkSync(file); wrote = true; return 2; }).catch((e: unknown) => e);
    expect(wrote).toBe(true);
    expect(isAppError(error) && error.code).toBe("unavailable:storage");
    writeFileSync(file, "x"); // coming back later is another file: still refused
    expect(guard.problem()).toMatch(/deleted/);
    await expect(guard.write(() => 3)).rejects.toThrow(/restore/);
    expect(await guard.read(() => 4)).toBe(4); // reads still work (from the open handle)
  });
});
