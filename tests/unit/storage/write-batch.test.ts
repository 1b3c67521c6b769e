import { describe, expect, it } from "vitest";
import { batchWrites } from "../../../src/storage/write-batch.js";

describe("batchWrites (group commit, issue 14)", () => {
  it("runs the calls of one event-loop turn as one batch and gives each caller its own result", async () => {
    const batches: number[][] = [];
    const double = batchWrites(async (items: number[]) => {
      batches.push(items);
      return items.map((n) => n * 2);
    });
    const first = await Promise.all([double(1), double(2), double(3)]);
    const later = await double(4);
    expect(first).toEqual([2, 4, 6]);
    expect(later).toBe(8);
    expect(batches).toEqual([[1, 2, 3], [4]]);
  });

  it("caps a batch and still runs every call", async () => {
    const batches: number[][] = [];
    const echo = batchWrites(async (items: number[]) => (batches.push(items), items), 2);
    expect(await Promise.all([1, 2, 3, 4, 5].map((n) => echo(n)))).toEqual([1, 2, 3, 4, 5]);
    expect(batches).toEqual([[1, 2], [3, 4], [5]]);
  });

  it("retries a failed batch call by call, so only the bad call fails", async () => {
    const write = batchWrites(async (items: string[]) => {
      if (items.includes("bad")) throw new Error("constraint failed");
      return items.map((s) => s.toUpperCase());
    });
    const results = await Promise.allSettled([write("a"), write("bad"), write("c")]);
    expect(results.map((r) => (r.status === "fulfilled" ? r.value : (r.reason as Error).message))).toEqual(["A", "constraint failed", "C"]);
  });
});
