import { containsPhrase, foldText } from "../dialogue/fold.js";
import followUps from "./follow-up-cues.json" with { type: "json" };
import outOfScope from "./out-of-scope-cues.json" with { type: "json" };

/** Cue lists are data (JSON next to this file), folded once at load so matching is diacritic-insensitive. */
const OUT_OF_SCOPE = outOfScope.categories.map((c) => ({ name: c.name, cues: c.cues.map(foldText) }));
const FOLLOW_UP = followUps.cues.map(foldText);

/** The out-of-scope category a question falls into, if any (weather, lottery, politics, medical/legal advice...). */
export function outOfScopeCategory(text: string): string | undefined {
  const folded = foldText(text);
  return OUT_OF_SCOPE.find((c) => c.cues.some((cue) => containsPhrase(folded, cue)))?.name;
}

/** True for short questions that lean on the previous answer ("còn cách khác không?", "ở đâu?"). */
export function looksLikeFollowUp(text: string): boolean {
  const folded = foldText(text);
  const words = folded.split(" ").filter(Boolean).length;
  return words <= 6 && FOLLOW_UP.some((cue) => containsPhrase(folded, cue));
}

/** "còn cách khác không?" asks for a different section than the one just shown. */
export function asksForAlternative(text: string): boolean {
  const folded = foldText(text);
  return ["cach khac", "con cach nao", "cach nao khac", "con gi nua"].some((c) => containsPhrase(folded, c));
}
