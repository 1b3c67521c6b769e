import { foldText } from "../../shared/fold.js";
import { PhraseIndex, PhraseSet } from "../../shared/phrase-set.js";
import followUps from "./follow-up-cues.json" with { type: "json" };
import outOfScope from "./out-of-scope-cues.json" with { type: "json" };

interface CategoryData {
  name: string;
  cues?: string[];
  subjects?: string[];
  asks?: string[];
  unless?: string[];
}

/** Cue lists are data (JSON next to this file), folded once at load so matching is diacritic-insensitive. */
const CATEGORIES = outOfScope.categories as CategoryData[];
const LISTS = ["cues", "subjects", "asks", "unless"] as const;
/** Every category's lists in one index, tagged "<category position> <list>": a message is walked once for all. */
const OUT_OF_SCOPE = new PhraseIndex(
  CATEGORIES.flatMap((c, i) => LISTS.flatMap((list) => (c[list] ?? []).map((p) => [foldText(p), `${i} ${list}`] as const))),
);
const FOLLOW_UP = followUps.cues.map(foldText);
const FOLLOW_UP_SET = new PhraseSet(FOLLOW_UP);
const ALTERNATIVE = new PhraseSet(["cach khac", "con cach nao", "cach nao khac", "con gi nua"]);

/**
 * The out-of-scope category a question falls into, if any (politics, another person's data, medical advice,
 * weather, lottery…): a cue alone, or a subject asked about in that way ("thuốc" + "mấy viên"), unless the question is
 * really about something we teach ("tin nhắn báo trúng xổ số có thật không" is a scam question).
 */
export function outOfScopeCategory(text: string): string | undefined {
  return outOfScopeMatch(text)?.category;
}

export interface OutOfScopeMatch {
  category: string;
  /**
   * True when only a cue matched ("thời tiết", "xổ số"), not a subject asked about in that way ("thuốc" + "mấy
   * viên"). A cue names a subject, not what is asked about it: scope.ts lets such a question through when it also
   * names something we teach ("xem thời tiết trên điện thoại").
   */
  cueOnly: boolean;
}

/** Like `outOfScopeCategory`, saying also whether a cue alone matched. */
export function outOfScopeMatch(text: string): OutOfScopeMatch | undefined {
  const found = OUT_OF_SCOPE.tagsIn(foldText(text));
  if (found.size === 0) return undefined;
  for (const [i, c] of CATEGORIES.entries()) {
    const has = (list: (typeof LISTS)[number]) => found.has(`${i} ${list}`);
    if (has("unless")) continue;
    if (has("subjects") && has("asks")) return { category: c.name, cueOnly: false };
    if (has("cues")) return { category: c.name, cueOnly: true };
  }
  return undefined;
}

/** Words that carry no topic of their own (particles, pronouns, politeness), folded. */
const FILLERS = new Set(followUps.fillers.map(foldText));

/** Longest cues first, so "như thế nào" is removed whole before "thế nào". */
const FOLLOW_UP_LONGEST_FIRST = [...FOLLOW_UP].sort((a, b) => b.length - a.length);

/** At most this many topic words may remain besides the cue ("đăng ký ở đâu" still leans on the last answer). */
const MAX_OWN_WORDS = 2;

/**
 * True for short questions that lean on the previous answer ("còn cách khác không?", "ở đâu?"). "làm sao" and
 * "thế nào" end most questions, so a cue alone is not enough: once cues and fillers are removed, the question must
 * have almost no topic words left ("quên mật khẩu vneid làm sao" is a new question, not a follow-up).
 */
export function looksLikeFollowUp(text: string): boolean {
  const folded = foldText(text);
  const words = folded.split(" ").filter(Boolean).length;
  if (words > 6 || !FOLLOW_UP_SET.foundIn(folded)) return false;
  let rest = ` ${folded} `;
  for (const cue of FOLLOW_UP_LONGEST_FIRST) rest = rest.split(` ${cue} `).join(" ");
  const own = rest.split(" ").filter((w) => w && !FILLERS.has(w));
  return own.length <= MAX_OWN_WORDS;
}

/** "còn cách khác không?" asks for a different section than the one just shown. */
export function asksForAlternative(text: string): boolean {
  const folded = foldText(text);
  return ALTERNATIVE.foundIn(folded);
}
