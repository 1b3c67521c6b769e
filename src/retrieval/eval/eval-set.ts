import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";

/** The three ways each dev question is written (tests/eval/README.md). */
export const PHRASINGS = ["accented", "plain", "abbrev"] as const;
export type Phrasing = (typeof PHRASINGS)[number];

const itemSchema = z.object({
  expect: z.string().min(1).nullable(),
  accented: z.string().min(1),
  plain: z.string().min(1),
  abbrev: z.string().min(1),
});

export type EvalItem = z.infer<typeof itemSchema> & { file: string };

/** Loads every tests/eval/questions/*.json; a malformed file or item is reported (English) and skipped. */
export function loadEvalSet(dir: string): { items: EvalItem[]; problems: string[] } {
  const items: EvalItem[] = [];
  const problems: string[] = [];
  for (const name of readdirSync(dir).filter((n) => n.endsWith(".json")).sort()) {
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(join(dir, name), "utf8"));
    } catch (error) {
      problems.push(`${name}: not valid JSON (${(error as Error).message})`);
      continue;
    }
    if (!Array.isArray(raw)) {
      problems.push(`${name}: must be a JSON array`);
      continue;
    }
    raw.forEach((entry, i) => {
      const parsed = itemSchema.safeParse(entry);
      if (parsed.success) items.push({ ...parsed.data, file: name });
      else problems.push(`${name}[${i}]: ${parsed.error.issues.map((x) => `${x.path.join(".")} ${x.message}`).join("; ")}`);
    });
  }
  return { items, problems };
}
