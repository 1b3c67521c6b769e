import type { Logger } from "../../shared/logger.js";
import { silentLogger } from "../../shared/logger.js";
import { writeClarify } from "../answering/clarify.js";
import { isSafeAnswer } from "../answering/safety-guard.js";
import type { Feature, Turn } from "../feature.js";
import type { QuestionObserver } from "../ports.js";
import { writeStepState } from "../steps/step-state.js";
import type { Reply, SourceRef } from "../types.js";
import { UI } from "../ui-text.js";
import type { CuratedCatalog } from "./catalog.js";
import type { CuratedStore, PublishedCurated } from "./ports.js";
import { CURATED_TEXT } from "./texts.js";

export interface CuratedDeps {
  catalog: CuratedCatalog;
  store: Pick<CuratedStore, "recordHit">;
  /** The retrieval side's normaliser (abbreviations expanded: "ko" → "không"); the matcher folds what it returns. */
  normalize?: (text: string) => string;
  observer?: QuestionObserver;
  logger?: Logger;
}

/** Source ids of curated answers: "curated:<id>", so feedback and reports tell them from lesson sections. */
export const CURATED_SOURCE_PREFIX = "curated:";

export interface CuratedFeature extends Feature {
  /** The curated answer to `question`, if one matches (for `/hoi <question>`, which goes straight to answering). */
  ask(turn: Turn, question: string): Promise<Reply | undefined>;
}

/**
 * Answers a question with a published curated answer when one matches closely (match.ts); otherwise passes the turn
 * on to retrieval. Placed just before the QA feature.
 */
export function createCuratedFeature(deps: CuratedDeps): CuratedFeature {
  const logger = deps.logger ?? silentLogger;
  const normalize = deps.normalize ?? ((t: string) => t);

  async function answer(turn: Turn, question: string, item: PublishedCurated, score: number): Promise<Reply | undefined> {
    // Reviewed by people, but still held to the rule every answer follows (never "read out your OTP").
    if (!isSafeAnswer(item.answer)) {
      logger.error({ curatedId: item.id }, "safety guard rejected a curated answer; falling back to retrieval");
      return undefined;
    }
    // A new question closes any choice or procedure still open from the last one, as an answer from the QA feature does.
    writeClarify(turn.state, undefined, turn.now);
    writeStepState(turn.state, undefined);
    await deps.store.recordHit(item.id).catch((err: unknown) => logger.warn({ err }, "curated hit count failed"));
    if (deps.observer) {
      await deps.observer
        .questionAsked({ learnerId: turn.learnerId, text: question, confidence: score, answered: true, at: turn.now })
        .catch((err: unknown) => logger.warn({ err }, "question observer failed; answer unaffected"));
    }
    const source: SourceRef = {
      id: `${CURATED_SOURCE_PREFIX}${item.id}`,
      title: item.sourceTitle,
      section: CURATED_TEXT.sourceSection,
      url: item.sourceUrl,
      updated: item.publishedAt.slice(0, 10),
    };
    return {
      kind: "answer",
      text: [item.answer.trim(), UI.sourcesLine([source])].join("\n\n"),
      sources: [source],
      confidence: Math.round(score * 1000) / 1000,
    };
  }

  async function ask(turn: Turn, question: string): Promise<Reply | undefined> {
    let found;
    try {
      found = await deps.catalog.match(normalize(question));
    } catch (err) {
      // Curated answers are a shortcut: when they cannot be read, retrieval still answers.
      logger.error({ err }, "curated answers unavailable; answering from the knowledge base");
      return undefined;
    }
    return found ? answer(turn, question, found.item, found.score) : undefined;
  }

  return {
    name: "curated",
    ask,
    async handle(turn) {
      if (turn.message.action || !/\p{L}/u.test(turn.text)) return undefined;
      return ask(turn, turn.text);
    },
  };
}
