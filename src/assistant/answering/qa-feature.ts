import type { Logger } from "../../shared/logger.js";
import { silentLogger } from "../../shared/logger.js";
import { foldText } from "../../shared/fold.js";
import { memoizeText } from "../../shared/text-memo.js";
import type { Feature, Turn } from "../feature.js";
import type { ChatModel, Chunk, QuestionObserver, RetrievalHit, Retriever, UnansweredLog } from "../ports.js";
import { STEP_ACTIONS, UI } from "../ui-text.js";
import { writeStepState } from "../steps/step-state.js";
import type { Templates } from "../templates.js";
import { channelHasButtons, type Reply, type SourceRef } from "../types.js";
import { CONFIDENCE_THRESHOLD, UNANCHORED_MIN_CONFIDENCE } from "./calibration.js";
import { chooseHit, type Candidate } from "./choose-hit.js";
import { clarifyOptions, pickedOption, renderClarify, writeClarify } from "./clarify.js";
import { missingSubjects, subjectsIn } from "./subjects.js";
import { composeAnswer, sourceOf } from "./compose-answer.js";
import { isEmergency } from "./emergency.js";
import { createFocusedComposer } from "./focused-answer.js";
import { questionTypes } from "./question-type.js";
import type { ConfidenceScorer } from "./confidence.js";
import { phraseWithModel } from "./llm-phrase.js";
import { scopeOf, withScopeHint } from "./scope.js";
import { isSafeAnswer } from "./safety-guard.js";
import { readTopic, writeTopic } from "./topic-state.js";

export interface QaDeps {
  retriever: Retriever;
  scorer: ConfidenceScorer;
  templates: Templates;
  unanswered: UnansweredLog;
  /** The retrieval side's normaliser (NFC, lower-case, abbreviations expanded); a light fold when absent. */
  normalize?: (text: string) => string;
  observer?: QuestionObserver;
  chatModel?: ChatModel;
  /** Time budget of one answer (ANSWER_BUDGET_MS); the chat model gets what retrieval left of it. */
  answerBudgetMs?: number;
  threshold?: number;
  /**
   * Between this confidence and `threshold` the assistant offers up to three sections to choose from instead of
   * refusing (see clarify.ts); below it, the question is treated as outside the knowledge base. Needs
   * `retriever.get`. Unset: no choices, refuse below `threshold`.
   */
  clarifyFloor?: number;
  topK?: number;
  /**
   * Every section of the knowledge base (the retriever's chunks): word weights for choosing answer sentences, and the
   * act-now sections for emergencies. Absent: answers use the best section's sentences with uniform weights.
   */
  sections?: readonly Chunk[];
  logger?: Logger;
}

/** Characters of answer text before the source line: a phone screen, not a page. */
const ANSWER_BUDGET = 600;
/** How long a citizen waits for an answer at most, endpoints included (issue 11: every outage answered within 3 s). */
const DEFAULT_ANSWER_BUDGET_MS = 2_500;
/** Below this, asking the LLM to re-word the answer is not worth starting. */
const MIN_LLM_TIME_MS = 300;

/** Emergencies show every act-now step, plus the part of the best section that fits. */
const EMERGENCY_BUDGET = 900;

export interface QaFeature extends Feature {
  /** Answers `question` for this turn (used by `/hoi <question>`). */
  ask(turn: Turn, question: string): Promise<Reply>;
  /** Answers one known section, as if its heading had been asked (a picked choice, "what next"). */
  answerSection(turn: Turn, chunk: Chunk): Promise<Reply>;
}

/** Question answering over the knowledge base: extractive, sourced, refusing when unsure or out of scope. */
export function createQaFeature(deps: QaDeps): QaFeature {
  const logger = deps.logger ?? silentLogger;
  // One turn normalises the same question five or six times (scope check, scoring, composing); the normaliser is a
  // pure function of the text, so recent results are remembered.
  const normalize = memoizeText(deps.normalize ?? ((t: string) => t.normalize("NFC").toLowerCase()), { limit: 256, maxLength: 8192 });
  const threshold = deps.threshold ?? CONFIDENCE_THRESHOLD;
  const chooseDeps = { retriever: deps.retriever, scorer: deps.scorer, normalize, threshold, topK: deps.topK ?? 5 };
  const composer = createFocusedComposer(deps.sections ?? []);
  const actNowSections = (deps.sections ?? []).filter((c) => c.actNow);

  /**
   * The act-now section that fits the emergency best (several lessons have one: money sent, app installed, a fake
   * police call…): the first among the sections retrieved for the question, else the one covering most of it.
   */
  function actNowFor(question: string, ranked: readonly Chunk[]): Chunk | undefined {
    const retrieved = ranked.find((c) => c.actNow);
    if (retrieved) return retrieved;
    const scored = normalize(question);
    let best: Chunk | undefined;
    let bestScore = -1;
    for (const c of actNowSections) {
      const s = deps.scorer.score(scored, c);
      if (s > bestScore) [best, bestScore] = [c, s];
    }
    return best;
  }

  /** Only the normalised text goes to the log: no learner id, no channel, nothing that points back to a person. */
  /** When each turn's question reached QA, for the answer's time budget. */
  const startedAt = new WeakMap<Turn, number>();

  async function logUnanswered(question: string, reason: "out_of_scope" | "low_confidence"): Promise<void> {
    const key = normalize(question).replace(/\s+/g, " ").trim() || foldText(question);
    await deps.unanswered.record(key, reason).catch((err: unknown) => logger.error({ err }, "unanswered log failed"));
  }

  async function refuse(turn: Turn, question: string, reason: "out_of_scope" | "low_confidence", confidence: number): Promise<Reply> {
    await logUnanswered(question, reason);
    await observe(turn, question, undefined, confidence, false);
    const text = reason === "out_of_scope" ? deps.templates.refusal : deps.templates["low-confidence"];
    return { kind: "refusal", text, sources: [], confidence };
  }

  async function observe(turn: Turn, text: string, lessonId: string | undefined, confidence: number, answered: boolean) {
    if (!deps.observer) return;
    try {
      await deps.observer.questionAsked({ learnerId: turn.learnerId, text, lessonId, confidence, answered, at: turn.now, turn });
    } catch (err) {
      logger.warn({ err }, "question observer failed; answer unaffected");
    }
  }

  async function ask(turn: Turn, text: string): Promise<Reply> {
    startedAt.set(turn, performance.now());
    let question = text;
    writeClarify(turn.state, undefined, turn.now);
    // Out of scope by meaning (scope.ts): a category cue, an outside subject with nothing we teach in it, or nothing we
    // teach and no firm lesson match. A message while a topic is open may lean on it ("ở đâu?", or the next part of a
    // scam story: "họ bảo phải giữ bí mật, không được nói với con cháu"), and a correction carries its own question:
    // those skip the last step, so they get the topic's reading or "not sure", never "out of scope".
    const forms = [question, normalize(question)];
    const leansOnTopic = correctionOf(question) !== undefined || readTopic(turn.state, turn.now) !== undefined;
    const scope = await scopeOf(
      forms,
      leansOnTopic ? undefined : async () => (await chooseHit(chooseDeps, question, undefined))?.confidence ?? 0,
      UNANCHORED_MIN_CONFIDENCE,
    );
    if (scope) {
      const refusal = await refuse(turn, question, "out_of_scope", 0);
      return { ...refusal, text: withScopeHint(refusal.text, scope.category) };
    }
    // "Không phải, ý tôi là …": a correction is a new question, and the section just shown is not its answer.
    const corrected = correctionOf(question);
    const shownBefore = corrected !== undefined ? readTopic(turn.state, turn.now)?.chunkId : undefined;
    if (corrected !== undefined) question = corrected;
    const found = await chooseHit(chooseDeps, question, corrected !== undefined ? undefined : readTopic(turn.state, turn.now));
    const candidate = found && shownBefore ? withoutSection(found, shownBefore) : found;
    // A section about another app or service than the one asked about is not the answer (subjects.ts): prefer the
    // best hit that covers every app or service the question names; a long story naming several ("Zalo", "ngân
    // hàng", "Facebook") may settle for one that covers some of them, never for one that covers none.
    const missing = (h: RetrievalHit) => missingSubjects(question, h.chunk).length;
    const asked = subjectsIn(question).length;
    const ranked = candidate ? [candidate.hit, ...candidate.alternatives.filter((h) => h.chunk.id !== candidate.hit.chunk.id)] : [];
    const best = ranked.find((h) => missing(h) === 0) ?? ranked.find((h) => asked === 0 || missing(h) < asked);
    // A lower hit has no candidate confidence: the retriever's own when it gives one, else the core's (ports.ts).
    const ownConfidence = (h: RetrievalHit) => (typeof h.confidence === "number" ? h.confidence : deps.scorer.score(normalize(question), h.chunk));
    const confidence = Math.round((best === candidate?.hit ? candidate?.confidence ?? 0 : best ? ownConfidence(best) : 0) * 1000) / 1000;
    const related = ranked.filter((h) => h !== best && missing(h) < Math.max(asked, 1));
    // Above the floor the question is about what we teach: answer with the best reading. Below the sure level, also
    // offer the other readings as one-tap choices — an elderly learner is better served by an answer plus "or did you
    // mean…" than by a menu alone. Without a floor (tests, minimal set-ups) the threshold alone decides.
    const floor = deps.clarifyFloor ?? threshold;
    if (best && confidence >= floor) {
      const reply = await answerWith(turn, question, best.chunk, confidence, related.map((h) => h.chunk));
      if (confidence >= threshold || reply.kind !== "answer") return reply;
      // Answered, but unsure: the knowledge team still sees the question (README: refused *or unsure*).
      await logUnanswered(question, "low_confidence");
      return withOtherReadings(turn, reply, best.chunk, related);
    }
    return refuse(turn, question, "low_confidence", confidence);
  }

  /** Adds up to two sections of other lessons as "Hay bạn muốn hỏi…" choices under an answer that is not sure. */
  function withOtherReadings(turn: Turn, reply: Reply, shown: Chunk, hits: RetrievalHit[]): Reply {
    const others = clarifyOptions(hits.filter((h) => h.chunk.lessonId !== shown.lessonId), 0, () => 1).slice(0, 2);
    if (others.length === 0) return reply;
    writeClarify(turn.state, others, turn.now);
    const choices = renderClarify(UI.otherReadings, others, reply.confidence);
    return {
      ...reply,
      text: `${reply.text}\n\n${choices.text}`,
      buttons: [...(reply.buttons ?? []), ...(choices.buttons ?? [])],
    };
  }

  async function answerWith(turn: Turn, question: string, chunk: Chunk, confidence: number, related: Chunk[] = []): Promise<Reply> {
    const full = composeAnswer(chunk);
    const pinned = isEmergency(question) ? actNowFor(question, [chunk, ...related]) : undefined;
    const focused = composer.compose(normalize(question), [chunk, ...related], questionTypes(question), {
      budget: pinned ? EMERGENCY_BUDGET : ANSWER_BUDGET,
      ...(pinned ? { pinned } : {}),
    });
    const used = focused.used.length > 0 ? focused.used : [chunk];
    const sources = dedupeSources(used.map(sourceOf));
    if (!isSafeAnswer(full.fullText) || !isSafeAnswer(focused.text)) {
      // The knowledge base itself must never trip this; if it does, the section needs fixing, not the citizen.
      logger.error({ chunkId: chunk.id }, "safety guard rejected a knowledge-base section");
      return { kind: "refusal", text: deps.templates["safety-refusal"], sources: [], confidence };
    }
    writeTopic(turn.state, {
      chunkId: chunk.id,
      lessonId: chunk.lessonId,
      lessonTitle: chunk.lessonTitle,
      section: chunk.section,
      at: turn.now.toISOString(),
    });
    await observe(turn, question, chunk.lessonId, confidence, true);

    // A procedure can then be followed one step at a time: the step state waits before step 1 (index -1).
    const offerSteps = full.steps.length > 1 && !turn.message.isGroup;
    // The pieces only: "Xem tất cả" rebuilds the whole text from them (fullTextOf), so the saved state stays small.
    const { fullText: _whole, ...pieces } = full;
    writeStepState(turn.state, offerSteps ? { lessonId: chunk.lessonId, chunkId: chunk.id, index: -1, confidence, ...pieces } : undefined);
    // The LLM gets what is left of the answer's time budget after retrieval (a slow embeddings call included), and is
    // skipped when too little is left: a citizen never waits for both endpoints' timeouts in a row.
    const left = (deps.answerBudgetMs ?? DEFAULT_ANSWER_BUDGET_MS) - (performance.now() - (startedAt.get(turn) ?? performance.now()));
    const phrased = deps.chatModel && !pinned && left >= MIN_LLM_TIME_MS
      ? await phraseWithModel(deps.chatModel, deps.templates["grounded-system"], question, full, logger, left)
      : undefined;
    const hasButtons = channelHasButtons(turn.message.channel);
    const text = [phrased ?? (focused.text || full.fullText), UI.sourcesLine(sources), offerSteps ? UI.stepOffer(hasButtons) : ""]
      .filter(Boolean)
      .join("\n\n");
    return {
      kind: "answer",
      text,
      ...(full.steps.length > 0 ? { steps: full.steps } : {}),
      ...(offerSteps ? { buttons: [{ label: UI.startSteps, action: STEP_ACTIONS.next }, { label: UI.showAll, action: STEP_ACTIONS.all }] } : {}),
      sources,
      confidence,
    };
  }

  function answerSection(turn: Turn, chunk: Chunk): Promise<Reply> {
    return answerWith(turn, chunk.section, chunk, 1);
  }

  return {
    name: "qa",
    ask,
    answerSection,
    async handle(turn) {
      const picked = pickedOption(turn.state, turn.message.action, turn.text, turn.now);
      if (picked) {
        writeClarify(turn.state, undefined, turn.now);
        const chunk = picked.chunkId ? deps.retriever.get?.(picked.chunkId) : undefined;
        if (!chunk) return { kind: "info", text: UI.choiceExpired, sources: [], confidence: 1 };
        // The learner confirmed this section themselves: nothing is guessed any more.
        return answerSection(turn, chunk);
      }
      // A bare number or punctuation is a menu pick for something no longer on screen, not a question: "2" would
      // otherwise match "mức 2". Leave it to the router's help reply.
      if (turn.message.action || !/\p{L}/u.test(turn.text)) return undefined;
      return ask(turn, turn.text);
    },
  };
}

/** One citation per lesson section, in the order used. */
function dedupeSources(sources: SourceRef[]): SourceRef[] {
  const seen = new Set<string>();
  return sources.filter((s) => !seen.has(`${s.id}#${s.section}`) && seen.add(`${s.id}#${s.section}`));
}

/** The question inside a correction ("không phải, ý tôi là đăng ký mức 2" → "đăng ký mức 2"), if it is one. */
const CORRECTION = /^(?:không|ko|k|hông)\s+phải(?:\s+(?:vậy|thế|cái\s+đó|cái\s+này))?\s*[,.!:;-]?\s*(?:(?:ý\s+)?(?:tôi|mình|em|bác|tui)\s+(?:muốn\s+)?(?:hỏi|nói|cần|là)(?:\s+(?:là|về))?|ý\s+(?:tôi\s+)?là|mà\s+là)?\s*[,:]?\s*/iu;

export function correctionOf(text: string): string | undefined {
  const m = CORRECTION.exec(text.normalize("NFC").trim());
  if (!m) return undefined;
  const rest = text.normalize("NFC").trim().slice(m[0].length).trim();
  return rest.split(/\s+/).length >= 2 ? rest : undefined;
}

/** The same candidate with one section taken out (the one the learner just said was wrong). */
function withoutSection(candidate: Candidate, chunkId: string): Candidate | undefined {
  const alternatives = candidate.alternatives.filter((h) => h.chunk.id !== chunkId);
  if (candidate.hit.chunk.id !== chunkId) return { ...candidate, alternatives };
  const [next, ...rest] = alternatives;
  return next ? { hit: next, confidence: next.confidence ?? candidate.confidence, followUp: false, alternatives: [next, ...rest] } : undefined;
}
