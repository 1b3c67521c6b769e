import { readFileSync } from "node:fs";
import { abbreviate } from "./abbreviate.js";

/** The three ways every field question is asked (issue 9): as written, without diacritics, abbreviated/typo form. */
export const PHRASINGS = ["accented", "plain", "abbrev"] as const;
export type Phrasing = (typeof PHRASINGS)[number];

/**
 * One real citizen's question (tests/eval/field/README.md). `must` is a list of groups of acceptable phrases: a reply
 * passes when every group has at least one phrase in it (compared after folding diacritics). Out-of-scope items have
 * no groups; they pass when the assistant refuses.
 */
export interface FieldItem {
  id: string;
  topic: string;
  source: string;
  accented: string;
  plain: string;
  abbrev: string;
  must: string[][];
  mustNot: string[];
  outOfScope: boolean;
  category?: string;
}

export const OUT_OF_SCOPE_TOPIC = "out_of_scope";

/** Diacritics removed, everything else (case, punctuation) kept: how a phone without a Vietnamese keyboard types. */
export function stripDiacritics(text: string): string {
  return text.normalize("NFC").replace(/đ/g, "d").replace(/Đ/g, "D").normalize("NFD").replace(/[\u0300-\u036f]/g, "").normalize("NFC");
}

function strings(value: unknown): string[] | undefined {
  return Array.isArray(value) && value.every((v) => typeof v === "string") ? (value as string[]) : undefined;
}

/** Validates raw JSON items; problems name the item so a broken line is easy to find. */
export function parseFieldItems(raw: unknown, origin: string): { items: FieldItem[]; problems: string[] } {
  const items: FieldItem[] = [];
  const problems: string[] = [];
  if (!Array.isArray(raw)) return { items, problems: [`${origin}: not a JSON array`] };
  raw.forEach((entry: Record<string, unknown>, i) => {
    const where = `${origin}[${i}]${typeof entry?.id === "string" ? ` (${entry.id})` : ""}`;
    const accented = typeof entry?.accented === "string" ? entry.accented.normalize("NFC").trim() : "";
    const must = Array.isArray(entry?.must) ? entry.must.map(strings) : undefined;
    const mustNot = entry?.mustNot === undefined ? [] : strings(entry.mustNot);
    const outOfScope = entry?.topic === OUT_OF_SCOPE_TOPIC;
    if (typeof entry?.id !== "string" || !entry.id) problems.push(`${where}: missing id`);
    else if (!accented) problems.push(`${where}: missing the accented question`);
    else if (typeof entry.topic !== "string" || !entry.topic) problems.push(`${where}: missing topic`);
    else if (!must || must.some((g) => !g || g.length === 0)) problems.push(`${where}: must is not a list of non-empty phrase groups`);
    else if (!outOfScope && must.length === 0) problems.push(`${where}: an in-scope item needs at least one must group`);
    else if (!mustNot) problems.push(`${where}: mustNot is not a list of phrases`);
    else {
      const abbrev = typeof entry.abbrev === "string" && entry.abbrev.trim() ? entry.abbrev.trim() : abbreviate(accented);
      items.push({
        id: entry.id,
        topic: entry.topic,
        source: typeof entry.source === "string" ? entry.source : "",
        accented,
        plain: typeof entry.plain === "string" && entry.plain.trim() ? entry.plain.trim() : stripDiacritics(accented),
        abbrev,
        must: must as string[][],
        mustNot,
        outOfScope,
        ...(typeof entry.category === "string" ? { category: entry.category } : {}),
      });
    }
  });
  return { items, problems };
}

export function loadFieldSet(file: string): { items: FieldItem[]; problems: string[] } {
  return parseFieldItems(JSON.parse(readFileSync(file, "utf8")), file);
}
