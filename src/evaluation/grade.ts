import { containsPhrase, foldText } from "../shared/fold.js";
import type { FieldItem } from "./field-set.js";

/** What the grader looks at in a reply: the first reply's text and kind, nothing else. */
export interface GradedReply {
  kind: string;
  text: string;
}

export interface Grade {
  pass: boolean;
  /** Must groups with no phrase in the reply (in-scope items). */
  missing: string[][];
  /** Phrases the reply must never contain but does. */
  mustNotHits: string[];
  refused: boolean;
}

/** A reply declines to answer: the polite out-of-scope refusal or the "not sure" reply. */
export function isRefusal(reply: GradedReply): boolean {
  return reply.kind === "refusal";
}

/** True when every group has at least one phrase in `text` (compared folded, on syllable boundaries). */
export function missingGroups(text: string, groups: string[][]): string[][] {
  const folded = foldText(text);
  return groups.filter((group) => !group.some((phrase) => containsPhrase(folded, foldText(phrase))));
}

export function mustNotHits(text: string, phrases: string[]): string[] {
  const folded = foldText(text);
  return phrases.filter((phrase) => containsPhrase(folded, foldText(phrase)));
}

/**
 * Grades the first reply to a field question. In scope: passes when every must group is present and no must-not
 * phrase is; a refusal fails. Out of scope: passes only when the assistant refuses.
 */
export function gradeReply(item: FieldItem, reply: GradedReply): Grade {
  const refused = isRefusal(reply);
  const hits = mustNotHits(reply.text, item.mustNot);
  if (item.outOfScope) return { pass: refused && hits.length === 0, missing: [], mustNotHits: hits, refused };
  const missing = refused ? item.must : missingGroups(reply.text, item.must);
  return { pass: !refused && missing.length === 0 && hits.length === 0, missing, mustNotHits: hits, refused };
}
