import type { ConversationState } from "./ports.js";
import type { IncomingMessage, Reply } from "./types.js";

/** One user turn as features see it. */
export interface Turn {
  message: IncomingMessage;
  /** Opaque learner id (keyed hash of channel + platform user id, or the linked learner). */
  learnerId: string;
  /** The user's text: NFC, trimmed (may be ""). */
  text: string;
  now: Date;
  /**
   * This learner's conversation state, loaded before the features run and saved once after the reply is built.
   * Features own their own keys (e.g. `state.steps`, `state.quiz`) and mutate them in place.
   */
  state: ConversationState;
}

/**
 * A conversational feature (question answering, step mode, lessons, quizzes, onboarding...). The dialogue router
 * offers each turn to its features in order; the first that returns a Reply wins.
 */
export interface Feature {
  readonly name: string;
  handle(turn: Turn): Promise<Reply | undefined>;
  /**
   * Optional: sees every turn's chosen reply (whoever answered) and may add to it — e.g. a mentor's message waiting
   * for this learner. Called in feature order after the reply is chosen.
   */
  decorate?(turn: Turn, reply: Reply): Promise<Reply>;
}
