import type { Chunk } from "../assistant/index.js";
import { PHRASINGS, type FieldItem, type Phrasing } from "./field-set.js";
import { missingGroups } from "./grade.js";
import type { NaiveBaseline } from "./naive-baseline.js";

export const RETRIEVAL_MODES = ["hybrid", "lexical", "vector"] as const;
export type RetrievalModeName = (typeof RETRIEVAL_MODES)[number];

/** The retriever's ranking for one mode (the script passes the real KnowledgeRetriever's searchDetailed). */
export type RankedSections = (query: string, k: number, mode: RetrievalModeName) => Promise<Chunk[]>;

/** Share of in-scope questions whose top-k sections (heading + text) hold every needed fact, per mode × phrasing. */
export type RetrievalTable = Record<RetrievalModeName | "naive", Record<Phrasing, { top1: number; top3: number }>>;

/**
 * Retrieval diagnostic beside the answer figures (issue 9: report hybrid, lexical-only and vector-only): does the
 * ranking put the facts within reach, before any sentence is chosen? The naive baseline ranks the same questions.
 */
export async function compareRetrievalModes(items: readonly FieldItem[], rank: RankedSections, baseline: NaiveBaseline): Promise<RetrievalTable> {
  const inScope = items.filter((i) => !i.outOfScope);
  const holds = (text: string, item: FieldItem) => missingGroups(text, item.must).length === 0;
  const text = (chunks: Chunk[]) => chunks.map((c) => `${c.section}\n${c.body}`).join("\n");
  const table = {} as RetrievalTable;
  for (const mode of [...RETRIEVAL_MODES, "naive"] as const) {
    table[mode] = {} as Record<Phrasing, { top1: number; top3: number }>;
    for (const phrasing of PHRASINGS) {
      let top1 = 0;
      let top3 = 0;
      for (const item of inScope) {
        const q = item[phrasing];
        const [one, three] =
          mode === "naive" ? [baseline.answer(q, 1), baseline.answer(q, 3)] : await rank(q, 3, mode).then((c) => [text(c.slice(0, 1)), text(c)]);
        if (holds(one ?? "", item)) top1++;
        if (holds(three ?? "", item)) top3++;
      }
      table[mode][phrasing] = { top1: top1 / Math.max(inScope.length, 1), top3: top3 / Math.max(inScope.length, 1) };
    }
  }
  return table;
}

export function formatRetrievalTable(table: RetrievalTable): string {
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`.padStart(7);
  const lines = [`${"ranking".padEnd(9)}${PHRASINGS.map((p) => `${p.padStart(9)} top1   top3`).join("   ")}`];
  for (const mode of [...RETRIEVAL_MODES, "naive"] as const) {
    lines.push(`${mode.padEnd(9)}${PHRASINGS.map((p) => `${" ".repeat(9)}${pct(table[mode][p].top1)}${pct(table[mode][p].top3)}`).join("   ")}`);
  }
  return lines.join("\n");
}
