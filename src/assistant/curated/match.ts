import { foldText } from "../../shared/fold.js";

/**
 * How a citizen's question is compared with curated questions: folded syllables (so "doi mat khau" finds "đổi mật
 * khẩu") without the ways of asking that carry no subject ("làm sao", "như thế nào", "cho tôi hỏi"), as a set.
 * Two questions match when their sets are nearly the same (Jaccard). The words removed are only unambiguous once
 * folded: "thế" is kept alone because it folds like "thẻ" (card).
 */
const FILLER_PHRASES = [
  "nhu the nao", "lam the nao", "the nao", "lam sao", "ra sao", "duoc khong", "co duoc khong", "la gi", "cho toi hoi",
  "cho minh hoi", "cho em hoi", "xin hoi", "huong dan", "chi giup", "chi cho", "giup toi", "giup minh", "giup em",
].sort((a, b) => b.length - a.length);
const FILLER_WORDS = new Set(["cach", "toi", "minh", "em", "oi", "a", "nhe", "nha", "vay", "gi", "muon", "hoi", "giup", "voi", "ha", "nao", "sao", "ah", "ak", "u", "k"]);

/** The content syllables of a question, folded. */
export function contentTokens(text: string): Set<string> {
  let folded = ` ${foldText(text)} `;
  for (const phrase of FILLER_PHRASES) folded = folded.split(` ${phrase} `).join(" ");
  return new Set(folded.split(" ").filter((t) => t && !FILLER_WORDS.has(t)));
}

function sharedCount(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let shared = 0;
  for (const t of a) if (b.has(t)) shared += 1;
  return shared;
}

export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  const shared = sharedCount(a, b);
  return shared / (a.size + b.size - shared);
}

/**
 * High on purpose: a curated answer replaces retrieval, so a question about another app or another task must never
 * get it. "đổi mật khẩu Facebook" against "đổi mật khẩu Zalo" scores 0.6 and does not match.
 */
export const CURATED_MATCH_THRESHOLD = 0.75;

/** Score of a question against one curated question's token sets (its question and alternatives): the best one. */
export function curatedScore(question: ReadonlySet<string>, phrasings: ReadonlyArray<ReadonlySet<string>>): number {
  let best = 0;
  for (const p of phrasings) {
    const s = jaccard(question, p);
    // One shared syllable is never enough unless the two are the same single-subject question ("VNeID là gì").
    if (s > best && (sharedCount(question, p) >= 2 || s === 1)) best = s;
  }
  return best;
}

export interface MatchEntry<T> {
  item: T;
  phrasings: ReadonlyArray<ReadonlySet<string>>;
}

/** The best entry at or above the threshold; ties go to the first (entries come ordered by id). */
export function bestMatch<T>(question: string, entries: ReadonlyArray<MatchEntry<T>>, threshold = CURATED_MATCH_THRESHOLD): { item: T; score: number } | undefined {
  const tokens = contentTokens(question);
  if (tokens.size === 0) return undefined;
  let found: { item: T; score: number } | undefined;
  for (const e of entries) {
    const score = curatedScore(tokens, e.phrasings);
    if (score >= threshold && score > (found?.score ?? 0)) found = { item: e.item, score };
  }
  return found;
}
