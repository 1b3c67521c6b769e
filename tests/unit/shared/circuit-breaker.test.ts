import { describe, expect, it } from "vitest";
import { CircuitBreaker, CircuitOpenError, type BreakerState } from "../../../src/shared/circuit-breaker.js";

/** A breaker on a hand-moved clock: no sleeping, no dependence on machine speed. */
function setup(failureThreshold = 3, cooldownMs = 1000) {
  let now = 0;
  const changes: Array<`${BreakerState}>${BreakerState}`> = [];
  const breaker = new CircuitBreaker({
    failureThreshold,
    cooldownMs,
    now: () => now,
    onStateChange: ({ from, to }) => changes.push(`${from}>${to}`),
  });
  return { breaker, changes, advance: (ms: number) => (now += ms) };
}

const fail = () => Promise.reject(new Error("endpoint down"));
const succeed = () => Promise.resolve("ok");

describe("CircuitBreaker", () => {
  it("stays closed below the threshold and a success resets the count", async () => {
    const { breaker, changes } = setup(3);
    await expect(breaker.run(fail)).rejects.toThrow("endpoint down");
    await expect(breaker.run(fail)).rejects.toThrow("endpoint down");
    expect(breaker.consecutiveFailures).toBe(2);
    await breaker.run(succeed);
    expect(breaker.consecutiveFailures).toBe(0);
    await expect(breaker.run(fail)).rejects.toThrow();
    await expect(breaker.run(fail)).rejects.toThrow();
    expect(breaker.state).toBe("closed");
    expect(changes).toEqual([]);
  });

  it("opens after N consecutive failures and then refuses without calling", async () => {
    const { breaker, changes } = setup(3);
    for (let i = 0; i < 3; i++) await expect(breaker.run(fail)).rejects.toThrow("endpoint down");
    expect(breaker.state).toBe("open");
    let called = false;
    await expect(breaker.run(async () => (called = true))).rejects.toBeInstanceOf(CircuitOpenError);
    expect(called).toBe(false);
    expect(breaker.tryAcquire()).toBe(false);
    expect(changes).toEqual(["closed>open"]);
  });

  it("half-opens after the cool-down, lets one probe through, and closes when it succeeds", async () => {
    const { breaker, changes, advance } = setup(2, 1000);
    for (let i = 0; i < 2; i++) await expect(breaker.run(fail)).rejects.toThrow();
    advance(999);
    expect(breaker.state).toBe("open");
    advance(1);
    expect(breaker.state).toBe("half-open");
    expect(breaker.tryAcquire()).toBe(true); // the probe
    expect(breaker.tryAcquire()).toBe(false); // others keep falling back while it is in flight
    breaker.recordSuccess();
    expect(breaker.state).toBe("closed");
    expect(breaker.tryAcquire()).toBe(true);
    expect(changes).toEqual(["closed>open", "open>half-open", "half-open>closed"]);
  });

  it("re-opens for a new cool-down when the probe fails", async () => {
    const { breaker, changes, advance } = setup(1, 1000);
    await expect(breaker.run(fail)).rejects.toThrow();
    advance(1000);
    await expect(breaker.run(fail)).rejects.toThrow("endpoint down");
    expect(breaker.state).toBe("open");
    advance(500);
    expect(breaker.state).toBe("open");
    advance(500);
    expect(breaker.state).toBe("half-open");
    await breaker.run(succeed);
    expect(changes).toEqual(["closed>open", "open>half-open", "half-open>open", "open>half-open", "half-open>closed"]);
  });

  it("forgets a probe that never settles after another cool-down, so it cannot stick half-open", async () => {
    const { breaker, advance } = setup(1, 1000);
    breaker.recordFailure(new Error("x"));
    advance(1000);
    expect(breaker.tryAcquire()).toBe(true); // probe hangs forever
    advance(999);
    expect(breaker.tryAcquire()).toBe(false);
    advance(1);
    expect(breaker.tryAcquire()).toBe(true);
  });

  it("ignores a late failure of a call that started before the circuit opened", async () => {
    const { breaker, changes } = setup(1, 1000);
    breaker.recordFailure(new Error("first"));
    breaker.recordFailure(new Error("late"));
    expect(breaker.state).toBe("open");
    expect(changes).toEqual(["closed>open"]);
  });

  it("rejects a threshold below 1", () => {
    expect(() => new CircuitBreaker({ failureThreshold: 0, cooldownMs: 1 })).toThrow(/at least 1/);
  });
});
