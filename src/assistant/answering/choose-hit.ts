import type { RetrievalHit, Retriever } from "../ports.js";
import { asksForAlternative, looksLikeFollowUp } from "./cue-lists.js";
import type { ConfidenceScorer } from "./confidence.js";
import type { TopicState } from "./topic-state.js";

export interface Candidate {
  hit: RetrievalHit;
  confidence: number;
  /** True when the question was read in the context of the previous topic. */
  followUp: boolean;
  /** The hits of the question read on its own, best first: the choices offered when the answer is not sure enough. */
  alternatives: RetrievalHit[];
}

export interface ChooseDeps {
  retriever: Retriever;
  scorer: ConfidenceScorer;
  /** Expands abbreviations before scoring ("dt ko dc" → "điện thoại không được"); identity when absent. */
  normalize: (text: string) => string;
  threshold: number;
  topK: number;
}

const MAX_FOLLOW_UP_WORDS = 8;

/**
 * Retrieves for a question and, when it is short and a last topic is known, also for the question combined with
 * that topic. The contextual reading wins when the question looks like a follow-up and scores at least as well, or
 * when only it clears the threshold — so a short but complete new question ("mã OTP là gì") stays a new question.
 */
export async function chooseHit(deps: ChooseDeps, text: string, topic: TopicState | undefined): Promise<Candidate | undefined> {
  const direct = await best(deps, text, text);
  const words = text.split(/\s+/).filter(Boolean).length;
  if (!topic || words > MAX_FOLLOW_UP_WORDS) return direct;
  const cue = looksLikeFollowUp(text);
  if (!cue && direct && direct.confidence >= deps.threshold) return direct;

  const combined = `${text} ${topic.section} ${topic.lessonTitle}`;
  const hits = await deps.retriever.search(combined, deps.topK);
  let pick = hits[0];
  if (asksForAlternative(text)) {
    // "Còn cách khác không?": another section than the one just shown, preferably from the same lesson.
    const others = hits.filter((h) => h.chunk.id !== topic.chunkId);
    pick = others.find((h) => h.chunk.lessonId === topic.lessonId) ?? others[0];
  }
  if (!pick) return direct;
  const contextual: Candidate = {
    hit: pick,
    confidence: confidenceOf(deps, combined, pick),
    followUp: true,
    alternatives: direct?.alternatives ?? [],
  };
  const directConfidence = direct?.confidence ?? 0;
  if (cue && contextual.confidence >= directConfidence) return contextual;
  // "Có mất phí không?" right after an answer continues that lesson: a section of the same lesson wins over a
  // stronger match elsewhere that only shares the cue words.
  if (cue && pick.chunk.lessonId === topic.lessonId) return contextual;
  // Without a follow-up cue the question itself must point at the topic's section too; otherwise any short reply
  // ("ok", "cảm ơn") would be answered with the previous topic again. (Lexical share: the retriever's confidence
  // for the bare question would be about its own top hit, not this section.)
  const ownShare = deps.scorer.score(deps.normalize(text), pick.chunk);
  if (directConfidence < deps.threshold && contextual.confidence >= deps.threshold && ownShare >= deps.threshold / 2) {
    return contextual;
  }
  return direct;
}

async function best(deps: ChooseDeps, query: string, scored: string): Promise<Candidate | undefined> {
  const hits = await deps.retriever.search(query, deps.topK);
  const top = hits[0];
  if (!top) return undefined;
  return { hit: top, confidence: confidenceOf(deps, scored, top), followUp: false, alternatives: hits };
}

/** The retriever's own calibrated confidence when it has one, else the core's coverage score. */
function confidenceOf(deps: ChooseDeps, query: string, hit: RetrievalHit): number {
  return typeof hit.confidence === "number" ? hit.confidence : deps.scorer.score(deps.normalize(query), hit.chunk);
}
