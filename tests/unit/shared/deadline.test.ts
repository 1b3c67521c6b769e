import { afterEach, describe, expect, it, vi } from "vitest";
import { DeadlineError, withDeadline } from "../../../src/shared/deadline.js";

afterEach(() => vi.useRealTimers());

describe("withDeadline", () => {
  it("passes a result or an error through when the promise settles in time", async () => {
    await expect(withDeadline(Promise.resolve(7), 1000, "x")).resolves.toBe(7);
    await expect(withDeadline(Promise.reject(new Error("boom")), 1000, "x")).rejects.toThrow("boom");
  });

  it("cuts a promise that never settles", async () => {
    vi.useFakeTimers();
    const result = withDeadline(new Promise<never>(() => {}), 1500, "query embedding");
    const check = expect(result).rejects.toBeInstanceOf(DeadlineError);
    await vi.advanceTimersByTimeAsync(1500);
    await check;
    await expect(result).rejects.toThrow("query embedding took longer than 1500 ms");
  });
});
