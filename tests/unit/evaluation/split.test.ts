import { describe, expect, it } from "vitest";
import { halfOf, splitHalves } from "../../../src/evaluation/split.js";

describe("dev / test split", () => {
  it("puts an item by the low bit of the first byte of SHA-256(\"seed:id\")", () => {
    // sha256("7:vneid-001") = 9b…, sha256("7:vneid-002") = 4a…, sha256("8:vneid-001") = bc…, sha256("42:oos-003") = 05…
    expect(halfOf("vneid-001", 7)).toBe("test");
    expect(halfOf("vneid-002", 7)).toBe("dev");
    expect(halfOf("vneid-001", 8)).toBe("dev");
    expect(halfOf("oos-003", 42)).toBe("test");
  });

  it("never moves an existing item when items are added, removed or reordered", () => {
    const ids = Array.from({ length: 200 }, (_, i) => ({ id: `item-${i}` }));
    const before = splitHalves(ids, 7);
    const grown = splitHalves([{ id: "new-1" }, ...ids.slice().reverse(), { id: "new-2" }], 7);
    expect(new Set(grown.test.map((x) => x.id))).toEqual(new Set([...before.test.map((x) => x.id), ...["new-1", "new-2"].filter((id) => halfOf(id, 7) === "test")]));
    const shrunk = splitHalves(ids.slice(50), 7);
    expect(shrunk.dev.every((x) => before.dev.includes(ids[Number(x.id.slice(5))]!))).toBe(true);
  });

  it("is a partition, roughly half and half, and a different seed gives a different split", () => {
    const ids = Array.from({ length: 400 }, (_, i) => ({ id: `q${i}` }));
    const { dev, test } = splitHalves(ids, 7);
    expect(dev.length + test.length).toBe(400);
    expect(new Set([...dev, ...test]).size).toBe(400);
    expect(dev.length).toBeGreaterThan(160);
    expect(dev.length).toBeLessThan(240);
    const other = splitHalves(ids, 8);
    expect(other.dev.map((x) => x.id)).not.toEqual(dev.map((x) => x.id));
    // Order within a half is the input order.
    expect(dev.map((x) => Number(x.id.slice(1)))).toEqual([...dev.map((x) => Number(x.id.slice(1)))].sort((a, b) => a - b));
  });
});
