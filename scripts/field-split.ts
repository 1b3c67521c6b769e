/**
 * npm run field:split — writes the field set's halves from tests/eval/field/pool/*.json: validates every item, adds
 * the generated plain (no diacritics) phrasing and, where no hand-typed one exists, the rule-based abbreviated
 * phrasing, and puts each item in dev.json (tune on it) or test.json (sealed: only run to report) by halfOf(id, SEED)
 * — a random assignment fixed per item, so re-running after the pool grows never moves an item between halves.
 * Prints the SHA-256 of test.json for tests/eval/field/README.md. The same for tests/eval/dialogues/pool.json.
 */
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { parseFieldItems, splitHalves, type FieldItem } from "../src/evaluation/index.js";

const SEED = 20261129;
const fieldDir = resolve("tests/eval/field");
const dialogueDir = resolve("tests/eval/dialogues");

function writeHalves<T>(dir: string, dev: T[], test: T[]): string {
  const testText = `${JSON.stringify(test, null, 1)}\n`;
  writeFileSync(join(dir, "dev.json"), `${JSON.stringify(dev, null, 1)}\n`);
  writeFileSync(join(dir, "test.json"), testText);
  return createHash("sha256").update(testText).digest("hex");
}

const items: FieldItem[] = [];
const problems: string[] = [];
for (const file of readdirSync(join(fieldDir, "pool")).filter((f) => f.endsWith(".json")).sort()) {
  const parsed = parseFieldItems(JSON.parse(readFileSync(join(fieldDir, "pool", file), "utf8")), file);
  items.push(...parsed.items);
  problems.push(...parsed.problems);
}
for (const p of problems) console.log(`! skipped ${p}`);
const seen = new Set<string>();
const unique = items.filter((i) => !seen.has(i.id) && seen.add(i.id));
const { dev, test } = splitHalves(unique, SEED);
for (const topic of [...new Set(unique.map((i) => i.topic))].sort()) {
  const count = (list: FieldItem[]) => list.filter((i) => i.topic === topic).length;
  console.log(`${topic.padEnd(14)} dev ${String(count(dev)).padStart(3)}, test ${String(count(test)).padStart(3)}`);
}
const fieldHash = writeHalves(fieldDir, dev, test);
console.log(`field set: ${unique.length} items (dev ${dev.length}, test ${test.length}); test.json SHA-256 ${fieldHash}`);

if (existsSync(join(dialogueDir, "pool.json"))) {
  const pool = JSON.parse(readFileSync(join(dialogueDir, "pool.json"), "utf8")) as Array<{ id: string }>;
  const halves = splitHalves(pool, SEED);
  const dialogueHash = writeHalves(dialogueDir, halves.dev, halves.test);
  console.log(`dialogues: ${pool.length} (dev ${halves.dev.length}, test ${halves.test.length}); test.json SHA-256 ${dialogueHash}`);
}
