import { foldText } from "../../shared/fold.js";
import { PhraseIndex, PhraseSet } from "../../shared/phrase-set.js";
import { outOfScopeMatch } from "./cue-lists.js";
import hintsFile from "./scope-hints.json" with { type: "json" };
import lexicon from "./scope-lexicon.json" with { type: "json" };

/**
 * Is a message about what Trợ lý số teaches? Decided by meaning, in three explainable steps:
 *
 * 1. The category cue lists (cue-lists.ts, out-of-scope-cues.json): a subject asked about in a way we never answer
 *    ("thuốc" + "mấy viên", "chính sách" + "bạn nghĩ sao"), unless the message is really about something we teach
 *    (a lottery-prize scam, booking a doctor online); or a cue ("thời tiết", "xổ số") in a message that names
 *    nothing we teach.
 * 2. The topic lexicons (scope-lexicon.json): the message speaks of a subject outside our teaching (weather, a land
 *    dispute, a disease, a football match…) and names nothing we teach — no phone, app, account, online service,
 *    payment, scam or safety word (an "anchor"). A message that mixes both ("xem thời tiết trên điện thoại", "kết quả
 *    xổ số trên mạng có lừa không") goes on to retrieval, which answers it when a lesson covers it.
 * 3. `unanchoredVerdict`: a message that names nothing we teach and that no lesson matches firmly (confidence below
 *    UNANCHORED_MIN_CONFIDENCE, calibration.ts) is about something else, whatever its subject — the lexicons cannot
 *    list every subject (travel, farming, a neighbour's pig). A firm match keeps it: a question about a paper
 *    procedure may name no app, yet a lesson answers it.
 */

export type ScopeReason = "cue" | "topic" | "unanchored";

export interface ScopeVerdict {
  /** politics, medical-advice, lottery, weather, legal-dispute, homework, finance-tips, celebrity, recipe, sports, other… */
  category: string;
  reason: ScopeReason;
}

interface LexiconCategory {
  name: string;
  terms: string[];
  accented?: string[];
}

const ANCHORS = new PhraseSet(lexicon.anchors.map(foldText));
const ANCHORS_ACCENTED = new PhraseSet(lexicon.anchorsAccented.map(accentedForm));
const CATEGORY_NAMES = (lexicon.categories as LexiconCategory[]).map((c) => c.name);
/** Each category's terms, tagged with its position: one walk of a message finds every category it speaks of. */
const CATEGORY_TERMS = new PhraseIndex((lexicon.categories as LexiconCategory[]).flatMap((c, i) => c.terms.map((t) => [foldText(t), i] as const)));
const CATEGORY_ACCENTED = new PhraseIndex(
  (lexicon.categories as LexiconCategory[]).flatMap((c, i) => (c.accented ?? []).map((t) => [accentedForm(t), i] as const)),
);

/** Lower-case NFC with letters and digits only, words single-spaced: the written form, diacritics kept. */
function accentedForm(text: string): string {
  return text
    .normalize("NFC")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/**
 * The forms of a message to match: as typed, and as the search normaliser reads it (abbreviations expanded). The
 * written form (diacritics kept) is used only for a message typed with diacritics: without them "ho" may be "họ".
 */
function formsOf(texts: readonly string[]) {
  const uniq = [...new Set(texts.filter(Boolean))];
  // The first text is the message as typed: the normaliser adds diacritics of its own ("ko" → "không").
  const typedWithDiacritics = uniq.length > 0 && accentedForm(uniq[0] ?? "") !== foldText(uniq[0] ?? "");
  return { folded: uniq.map(foldText), accented: typedWithDiacritics ? uniq.map(accentedForm) : [] };
}

/** True when the message names something we teach (a phone, app, account, online service, payment, scam…). */
export function hasDomainAnchor(...texts: string[]): boolean {
  const { folded, accented } = formsOf(texts);
  return folded.some((f) => ANCHORS.foundIn(f)) || accented.some((w) => ANCHORS_ACCENTED.foundIn(w));
}

/** The out-of-scope subject a message speaks of, by the topic lexicons alone (anchors not considered). */
export function topicCategory(...texts: string[]): string | undefined {
  const { folded, accented } = formsOf(texts);
  const found = new Set<number>();
  for (const f of folded) for (const i of CATEGORY_TERMS.tagsIn(f)) found.add(i);
  for (const f of accented) for (const i of CATEGORY_ACCENTED.tagsIn(f)) found.add(i);
  // The first category in the lexicon's order, as before.
  return CATEGORY_NAMES.find((_, i) => found.has(i));
}

/**
 * Why a message is out of scope, or undefined when it may be about what we teach. `texts` are forms of the same
 * message (as typed, normalised); a cue or a topic in any of them counts, and an anchor in any of them keeps it.
 */
export function scopeVerdict(...texts: string[]): ScopeVerdict | undefined {
  return verdictOf(texts, hasDomainAnchor(...texts));
}

/**
 * Step 3, for a message steps 1–2 let through: out of scope ("other") when it has no anchor and the best lesson
 * section matches it below `minConfidence`. `topConfidence` runs retrieval; it is called only for unanchored
 * messages, so questions about what we teach never pay for it.
 */
export async function unanchoredVerdict(
  texts: readonly string[],
  topConfidence: () => Promise<number>,
  minConfidence: number,
): Promise<ScopeVerdict | undefined> {
  return unanchoredOf(hasDomainAnchor(...texts), topConfidence, minConfidence);
}

/**
 * All three steps with the anchors looked up once (the answer path's entry). Without `topConfidence` (a message that
 * may lean on an open topic, a correction) step 3 is skipped.
 */
export async function scopeOf(
  texts: readonly string[],
  topConfidence: (() => Promise<number>) | undefined,
  minConfidence: number,
): Promise<ScopeVerdict | undefined> {
  const anchored = hasDomainAnchor(...texts);
  return verdictOf(texts, anchored) ?? (topConfidence ? unanchoredOf(anchored, topConfidence, minConfidence) : undefined);
}

function verdictOf(texts: readonly string[], anchored: boolean): ScopeVerdict | undefined {
  for (const t of texts) {
    const match = t ? outOfScopeMatch(t) : undefined;
    // A cue alone names a subject; with something we teach beside it, retrieval decides.
    if (match && !(match.cueOnly && anchored)) return { category: match.category, reason: "cue" };
  }
  if (anchored) return undefined;
  const category = topicCategory(...texts);
  return category ? { category, reason: "topic" } : undefined;
}

async function unanchoredOf(anchored: boolean, topConfidence: () => Promise<number>, minConfidence: number): Promise<ScopeVerdict | undefined> {
  if (anchored) return undefined;
  return (await topConfidence()) < minConfidence ? { category: "other", reason: "unanchored" } : undefined;
}

const HINTS: Record<string, string> = hintsFile.hints;

/** The category's line for the refusal (where to go instead), if it has one. */
export function scopeHint(category: string): string | undefined {
  return HINTS[category];
}

/**
 * The refusal text with the category's line placed under its first paragraph ("Xin lỗi, câu hỏi này nằm ngoài…"),
 * so the citizen reads why and where to go before the general list. Without a line, the text is unchanged.
 */
export function withScopeHint(refusal: string, category: string): string {
  const hint = scopeHint(category);
  if (!hint) return refusal;
  const at = refusal.indexOf("\n\n");
  return at < 0 ? `${refusal}\n\n${hint}` : `${refusal.slice(0, at)}\n\n${hint}${refusal.slice(at)}`;
}
