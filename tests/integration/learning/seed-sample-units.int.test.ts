import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { parseUnitsCsv } from "../../../src/assistant/learning/index.js";
import { openLearningStore } from "../../../src/storage/learning/open-learning-store.js";
import { seedSampleUnits } from "../../../src/storage/learning/seed-sample-units.js";

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

async function freshStore() {
  const dir = mkdtempSync(join(tmpdir(), "tls-units-"));
  dirs.push(dir);
  return openLearningStore({ driver: "sqlite", file: join(dir, "db.sqlite") });
}

describe("seedSampleUnits (real SQLite file, bundled knowledge/units)", () => {
  it("loads the bundled sample into an empty database, once", async () => {
    const store = await freshStore();
    try {
      const seeded = await seedSampleUnits(store, resolve("knowledge"));
      expect(seeded).toBeGreaterThan(0);
      const provinces = await store.listUnits("province");
      expect(provinces.map((p) => p.name)).toContain("Thành phố Hà Nội");
      expect(await store.listUnits("commune", provinces[0]?.code)).not.toEqual([]);
      expect(await seedSampleUnits(store, resolve("knowledge"))).toBe(0);
    } finally {
      await store.close();
    }
  });

  it("seeds nothing when the official list was imported first", async () => {
    const store = await freshStore();
    try {
      const { units } = parseUnitsCsv("level,code,name,parent_code\nprovince,92,Thành phố Cần Thơ,\n");
      await store.importUnits(units);
      expect(await seedSampleUnits(store, resolve("knowledge"))).toBe(0);
      expect((await store.listUnits("province")).map((p) => p.code)).toEqual(["92"]);
    } finally {
      await store.close();
    }
  });
});
