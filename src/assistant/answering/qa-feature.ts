import type { Logger } from "../../shared/logger.js";
import { silentLogger } from "../../shared/logger.js";
import { foldText } from "../../shared/fold.js";
import type { Feature, Turn } from "../feature.js";
import type { ChatModel, Chunk, QuestionObserver, RetrievalHit, Retriever, UnansweredLog } from "../ports.js";
import { UI } from "../ui-text.js";
import { renderStep, writeStepState } from "../steps/step-state.js";
import type { Templates } from "../templates.js";
import { channelHasButtons, type Reply } from "../types.js";
import { CONFIDENCE_THRESHOLD } from "./calibration.js";
import { chooseHit } from "./choose-hit.js";
import { clarifyOptions, pickedOption, renderClarify, writeClarify } from "./clarify.js";
import { missingSubjects } from "./subjects.js";
import { composeAnswer } from "./compose-answer.js";
import type { ConfidenceScorer } from "./confidence.js";
import { outOfScopeCategory } from "./cue-lists.js";
import { phraseWithModel } from "./llm-phrase.js";
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
  threshold?: number;
  /**
   * Between this confidence and `threshold` the assistant offers up to three sections to choose from instead of
   * refusing (see clarify.ts); below it, the question is treated as outside the knowledge base. Needs
   * `retriever.get`. Unset: no choices, refuse below `threshold`.
   */
  clarifyFloor?: number;
  topK?: number;
  logger?: Logger;
}

export interface QaFeature extends Feature {
  /** Answers `question` for this turn (used by `/hoi <question>`). */
  ask(turn: Turn, question: string): Promise<Reply>;
}

/** Question answering over the knowledge base: extractive, sourced, refusing when unsure or out of scope. */
export function createQaFeature(deps: QaDeps): QaFeature {
  const logger = deps.logger ?? silentLogger;
  const normalize = deps.normalize ?? ((t: string) => t.normalize("NFC").toLowerCase());
  const threshold = deps.threshold ?? CONFIDENCE_THRESHOLD;
  const chooseDeps = { retriever: deps.retriever, scorer: deps.scorer, normalize, threshold, topK: deps.topK ?? 5 };

  /** Only the normalised text goes to the log: no learner id, no channel, nothing that points back to a person. */
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
      await deps.observer.questionAsked({ learnerId: turn.learnerId, text, lessonId, confidence, answered, at: turn.now });
    } catch (err) {
      logger.warn({ err }, "question observer failed; answer unaffected");
    }
  }

  async function ask(turn: Turn, question: string): Promise<Reply> {
    writeClarify(turn.state, undefined, turn.now);
    if (outOfScopeCategory(normalize(question)) || outOfScopeCategory(question)) {
      return refuse(turn, question, "out_of_scope", 0);
    }
    const candidate = await chooseHit(chooseDeps, question, readTopic(turn.state, turn.now));
    const confidence = Math.round((candidate?.confidence ?? 0) * 1000) / 1000;
    // A section about another app or service than the one asked about is never answered directly (subjects.ts).
    const onSubject = candidate !== undefined && missingSubjects(question, candidate.hit.chunk).length === 0;
    if (candidate && onSubject && confidence >= threshold) return answerWith(turn, question, candidate.hit.chunk, confidence);
    const alternatives = (candidate?.alternatives ?? []).filter((h) => missingSubjects(question, h.chunk).length === 0);
    const choices = await offerChoices(turn, question, confidence, alternatives);
    return choices ?? refuse(turn, question, "low_confidence", confidence);
  }

  /** The "which one did you mean?" reply, when the question is in the clarify band and has 2+ candidate lessons. */
  async function offerChoices(turn: Turn, question: string, confidence: number, hits: RetrievalHit[]): Promise<Reply | undefined> {
    if (deps.clarifyFloor === undefined || !deps.retriever.get || confidence < deps.clarifyFloor) return undefined;
    const scored = normalize(question);
    const options = clarifyOptions(hits, deps.clarifyFloor, (h) => h.confidence ?? deps.scorer.score(scored, h.chunk));
    if (options.length < 2) return undefined;
    // Still a question the assistant could not answer by itself: the knowledge team sees it.
    await logUnanswered(question, "low_confidence");
    writeClarify(turn.state, options, turn.now);
    return renderClarify(deps.templates.clarify, options, confidence);
  }

  async function answerWith(turn: Turn, question: string, chunk: Chunk, confidence: number): Promise<Reply> {
    const answer = composeAnswer(chunk);
    if (!isSafeAnswer(answer.fullText)) {
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

    if (answer.steps.length > 1 && !turn.message.isGroup) {
      const steps = { lessonId: chunk.lessonId, chunkId: chunk.id, index: 0, confidence, ...answer };
      writeStepState(turn.state, steps);
      return renderStep(steps, true, channelHasButtons(turn.message.channel));
    }
    writeStepState(turn.state, undefined);
    const phrased = deps.chatModel
      ? await phraseWithModel(deps.chatModel, deps.templates["grounded-system"], question, answer, logger)
      : undefined;
    return {
      kind: "answer",
      text: phrased ?? answer.fullText,
      ...(answer.steps.length > 0 ? { steps: answer.steps } : {}),
      sources: [answer.source],
      confidence,
    };
  }

  return {
    name: "qa",
    ask,
    async handle(turn) {
      const picked = pickedOption(turn.state, turn.message.action, turn.text, turn.now);
      if (picked) {
        writeClarify(turn.state, undefined, turn.now);
        const chunk = picked.chunkId ? deps.retriever.get?.(picked.chunkId) : undefined;
        if (!chunk) return { kind: "info", text: UI.choiceExpired, sources: [], confidence: 1 };
        // The learner confirmed this section themselves: nothing is guessed any more.
        return answerWith(turn, chunk.section, chunk, 1);
      }
      // A bare number or punctuation is a menu pick for something no longer on screen, not a question: "2" would
      // otherwise match "mức 2". Leave it to the router's help reply.
      if (turn.message.action || !/\p{L}/u.test(turn.text)) return undefined;
      return ask(turn, turn.text);
    },
  };
}
