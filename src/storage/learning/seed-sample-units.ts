import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parseUnitsCsv, type LearningStore } from "../../assistant/learning/index.js";

/**
 * First start on an empty database: loads knowledge/units/sample-units.csv so that onboarding can offer places out
 * of the box (the embedded default must work with no set-up). The sample is illustrative; a real deployment imports
 * the official list with `npm run units:import` *before* its first start, and then nothing is seeded here because the
 * units table is no longer empty. Returns how many units were seeded (0 when the table already had units).
 */
export async function seedSampleUnits(store: LearningStore, knowledgeDir: string): Promise<number> {
  if ((await store.listUnits("province")).length > 0) return 0;
  const file = join(knowledgeDir, "units", "sample-units.csv");
  if (!existsSync(file)) return 0;
  const { units, problems } = parseUnitsCsv(readFileSync(file, "utf8"));
  if (problems.length > 0) {
    throw new Error(`${file}: ${problems.map((p) => `line ${p.line}: ${p.message}`).join("; ")}`);
  }
  return store.importUnits(units);
}
