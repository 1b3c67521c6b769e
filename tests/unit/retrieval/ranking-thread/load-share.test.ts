import { describe, expect, it } from "vitest";
import { nextSharing } from "../../../../src/retrieval/ranking-thread/load-share.js";

describe("nextSharing", () => {
  it("starts sharing only when the ranking thread is saturated and the main thread has room", () => {
    expect(nextSharing(false, 0.98, 0.6)).toBe(true);
    // The usual case with the real knowledge base: the main thread is the busy one.
    expect(nextSharing(false, 0.65, 0.99)).toBe(false);
    expect(nextSharing(false, 0.98, 0.97)).toBe(false);
    expect(nextSharing(false, 0.5, 0.2)).toBe(false);
  });

  it("keeps sharing while the thread stays busy (the main thread is then busy too), and stops once it keeps up", () => {
    expect(nextSharing(true, 0.99, 0.99)).toBe(true);
    expect(nextSharing(true, 0.8, 0.99)).toBe(true);
    expect(nextSharing(true, 0.6, 0.99)).toBe(false);
  });
});
