import { z } from "zod";
import abbreviationsData from "../../knowledge/lexicon/abbreviations.json" with { type: "json" };
import synonymsData from "../../knowledge/lexicon/synonyms.json" with { type: "json" };
import { basicClean } from "./clean.js";

/**
 * The language data behind normalisation and query expansion. It lives in knowledge/lexicon/*.json (data, reviewed
 * like lessons); the bundled copy is imported statically so `normalizeText` stays a pure function with no file I/O
 * (the core uses it). A deployment with its own knowledge dir may load a different lexicon with `parseLexicon`.
 */
export interface Lexicon {
  /** Normalised phrase (1..n space-separated tokens) → its normalised tokens once expanded. */
  abbreviations: ReadonlyMap<string, readonly string[]>;
  /** Longest phrase length (tokens) among the abbreviation keys. */
  maxPhraseTokens: number;
  /** Groups of normalised phrases that mean the same thing. */
  synonyms: ReadonlyArray<readonly string[]>;
}

const abbreviationsSchema = z.object({ entries: z.record(z.string().min(1), z.string().min(1)) });
const synonymsSchema = z.object({ groups: z.array(z.array(z.string().min(1)).min(2)) });

/** Validates the two lexicon JSON documents; throws an English error naming the bad file for operators. */
export function parseLexicon(abbreviations: unknown, synonyms: unknown): Lexicon {
  const a = abbreviationsSchema.safeParse(abbreviations);
  if (!a.success) throw new Error(`knowledge/lexicon/abbreviations.json is invalid: ${a.error.issues[0]?.message ?? "bad shape"}`);
  const s = synonymsSchema.safeParse(synonyms);
  if (!s.success) throw new Error(`knowledge/lexicon/synonyms.json is invalid: ${s.error.issues[0]?.message ?? "bad shape"}`);
  const map = new Map<string, string[]>();
  let maxPhraseTokens = 1;
  for (const [key, value] of Object.entries(a.data.entries)) {
    // Keys and values go through the same cleaning as user text so that they match what normalizeText sees.
    const k = basicClean(key).join(" ");
    const v = basicClean(value);
    if (!k || v.length === 0) continue;
    map.set(k, v);
    maxPhraseTokens = Math.max(maxPhraseTokens, k.split(" ").length);
  }
  const groups = s.data.groups
    .map((g) => [...new Set(g.map((m) => basicClean(m).join(" ")).filter(Boolean))])
    .filter((g) => g.length >= 2);
  return { abbreviations: map, maxPhraseTokens, synonyms: groups };
}

/** The lexicon bundled in knowledge/lexicon/. */
export const defaultLexicon: Lexicon = parseLexicon(abbreviationsData, synonymsData);
