import { describe, expect, it } from "vitest";
import { createLoginLimiter } from "../../../src/admin/login-limiter.js";

describe("login limiter", () => {
  it("blocks a key after max failures inside the window and frees it when they age out", () => {
    let now = 0;
    const limiter = createLoginLimiter({ max: 3, windowMs: 1000, now: () => now });
    for (let i = 0; i < 3; i++) {
      expect(limiter.blocked(["ip:a"])).toBe(false);
      limiter.fail(["ip:a", "user:x"]);
      now += 100;
    }
    expect(limiter.blocked(["ip:a"])).toBe(true);
    expect(limiter.blocked(["ip:b", "user:x"])).toBe(true);
    expect(limiter.blocked(["ip:b", "user:y"])).toBe(false);
    now = 1000; // the first failure (t=0) has left the window
    expect(limiter.blocked(["ip:a"])).toBe(false);
    limiter.clear("user:x");
    expect(limiter.blocked(["user:x"])).toBe(false);
  });

  it("keeps memory bounded", () => {
    const limiter = createLoginLimiter({ max: 3, windowMs: 1000, now: () => 0, maxKeys: 10 });
    for (let i = 0; i < 100; i++) limiter.fail([`user:${i}`]);
    expect(limiter.blocked(["user:0"])).toBe(false);
    limiter.fail(["user:99"]);
    limiter.fail(["user:99"]);
    expect(limiter.blocked(["user:99"])).toBe(true);
  });
});
