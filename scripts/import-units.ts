/**
 * npm run units:import -- file.csv
 * Loads administrative units (level,code,name,parent_code) into the learning store: each row is validated, bad rows
 * are reported with their line number, and the good rows are imported.
 */
import { readFileSync } from "node:fs";
import { parseUnitsCsv } from "../src/assistant/learning/index.js";
import { loadConfig } from "../src/config.js";
import { openLearningStore } from "../src/storage/learning/open-learning-store.js";

const file = process.argv.slice(2).find((a) => !a.startsWith("-"));
if (!file) {
  console.error("usage: npm run units:import -- <file.csv>   (columns: level,code,name,parent_code)");
  process.exit(2);
}
const config = loadConfig(process.env);
const store = await openLearningStore(config.storage);
try {
  const known = [
    ...(await store.listUnits("province")),
    ...(await store.listUnits("commune")),
  ];
  const { units, problems } = parseUnitsCsv(readFileSync(file, "utf8"), known);
  for (const p of problems) console.error(`${file}:${p.line}: ${p.message}`);
  console.log(`units:import: ${units.length} valid rows, ${problems.length} bad rows; importing…`);
  const written = await store.importUnits(units);
  const count = (l: string) => units.filter((u) => u.level === l).length;
  console.log(
    `units:import: done — ${written} written (${count("province")} provinces, ${count("commune")} communes/wards, ${count("neighbourhood")} neighbourhoods), ${problems.length} skipped`,
  );
  process.exitCode = problems.length ? 1 : 0;
} finally {
  await store.close();
}
