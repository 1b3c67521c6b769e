import { foldText } from "../../shared/fold.js";
import type { Chunk, ConversationState, RetrievalHit } from "../ports.js";
import type { Reply } from "../types.js";
import { shortLabel } from "../ui-text.js";

/**
 * "Which one did you mean?" Between the out-of-scope floor and the answer threshold the question is about something
 * the knowledge base covers, but the top section is not sure enough to answer (npm run eval: hit@3 is far above
 * hit@1). Guessing would be wrong about one time in four, refusing throws the right answer away; offering the best
 * sections of up to three different lessons lets the learner pick, one tap or one typed digit.
 */

export const CLARIFY_ACTION_PREFIX = "c:";
const MAX_OPTIONS = 3;
/** A pending choice is forgotten after this long (same window as the follow-up topic). */
const TTL_MS = 30 * 60 * 1000;

interface ClarifyState {
  chunkIds: string[];
  at: string;
}

/** Best section of each of up to three lessons whose confidence clears the floor, best first. */
export function clarifyOptions(
  hits: readonly RetrievalHit[],
  floor: number,
  confidenceOf: (hit: RetrievalHit) => number,
): Chunk[] {
  const options: Chunk[] = [];
  for (const hit of hits) {
    if (confidenceOf(hit) < floor) continue;
    if (options.some((c) => c.lessonId === hit.chunk.lessonId)) continue;
    options.push(hit.chunk);
    if (options.length === MAX_OPTIONS) break;
  }
  return options;
}

export function renderClarify(intro: string, options: readonly Chunk[], confidence: number): Reply {
  const lines = options.map((c, i) => `${i + 1}. ${c.section} (${c.lessonTitle})`);
  return {
    kind: "info",
    text: `${intro}\n\n${lines.join("\n")}`,
    buttons: options.map((c, i) => ({ label: `${i + 1}. ${shortLabel(c.section)}`, action: `${CLARIFY_ACTION_PREFIX}${i}` })),
    sources: [],
    confidence,
  };
}

export function writeClarify(state: ConversationState, options: readonly Chunk[] | undefined, now: Date): void {
  if (options && options.length > 0) state.clarify = { chunkIds: options.map((c) => c.id), at: now.toISOString() };
  else delete state.clarify;
}

/**
 * The chunk id the learner picked: a `c:N` button, or a typed "1"–"3" ("số 2", "câu 3") while a choice is pending.
 * `expired` is true when a button was tapped but the choice is gone (too old, or another question came since).
 */
export function pickedOption(
  state: ConversationState,
  action: string | undefined,
  text: string,
  now: Date,
): { chunkId?: string; expired: boolean } | undefined {
  const pending = state.clarify as ClarifyState | undefined;
  const fresh = pending && now.getTime() - Date.parse(pending.at) <= TTL_MS ? pending : undefined;
  let index: number | undefined;
  if (action?.startsWith(CLARIFY_ACTION_PREFIX)) index = Number(action.slice(CLARIFY_ACTION_PREFIX.length));
  else if (fresh) {
    const typed = /^(?:so |cau |chon )?([1-9])$/.exec(foldText(text));
    if (typed) index = Number(typed[1]) - 1;
  }
  if (index === undefined) return undefined;
  const chunkId = fresh?.chunkIds[index];
  return chunkId ? { chunkId, expired: false } : { expired: true };
}
