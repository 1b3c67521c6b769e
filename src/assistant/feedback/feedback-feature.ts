import { redact } from "../../shared/redact.js";
import type { Logger } from "../../shared/logger.js";
import { silentLogger } from "../../shared/logger.js";
import { clarifyOptions, renderClarify, writeClarify } from "../answering/clarify.js";
import { readTopic } from "../answering/topic-state.js";
import type { Feature, Turn } from "../feature.js";
import type { Retriever } from "../ports.js";
import { channelHasButtons, type Button, type Reply } from "../types.js";
import type { FeedbackLog } from "./ports.js";
import { FEEDBACK_TEXT } from "./texts.js";

/** Button payloads: `fb:up:<ref>` / `fb:down:<ref>`, ref naming the answer they were shown under (≤ 64 bytes). */
export const FEEDBACK_ACTIONS = { up: "fb:up:", down: "fb:down:" } as const;

/** The last answer shown, under `state.feedback`, so a 👎 can name the question and the answer it is about. */
interface PendingFeedback {
  ref: string;
  /** The question, redacted before it is kept anywhere. */
  q: string;
  /** The section id ("lesson#section") or "curated:<id>" that answered it. */
  a: string;
  at: string;
}

/** A vote on an answer older than this only gets a thank-you: the learner has moved on. */
const PENDING_TTL_MS = 24 * 60 * 60 * 1000;

export interface FeedbackDeps {
  log: FeedbackLog;
  /** Finds the other readings offered after a 👎 (needs `get` to answer a picked one, as the QA feature does). */
  retriever?: Retriever;
  logger?: Logger;
}

/**
 * "Was this what you meant?" on every answer: 👍 and 👎 buttons (only 👎 where buttons become a typed menu, to keep
 * Zalo's list short), and the reply to a vote. A 👎 stores the redacted question and the answer given for the
 * unanswered inbox, thanks the learner, and offers the other sections the question might have meant. Group chats get
 * no buttons: replies there stay short. The answer's own text never changes, only its buttons.
 */
export function createFeedbackFeature(deps: FeedbackDeps): Feature {
  const logger = deps.logger ?? silentLogger;

  async function vote(turn: Turn, kind: "up" | "down", ref: string): Promise<Reply> {
    const pending = turn.state.feedback as PendingFeedback | undefined;
    const fresh = pending && pending.ref === ref && turn.now.getTime() - Date.parse(pending.at) <= PENDING_TTL_MS;
    if (!fresh) return info(FEEDBACK_TEXT.stale);
    // One vote per answer: a second tap on the same buttons only gets a thank-you.
    delete turn.state.feedback;
    await deps.log.record({ text: pending.q, answerRef: pending.a, vote: kind }).catch((err: unknown) => logger.error({ err }, "feedback log failed"));
    if (kind === "up") return info(FEEDBACK_TEXT.thanksUp);
    const others = await otherReadings(pending.q, pending.a);
    if (others.length === 0) return info(`${FEEDBACK_TEXT.thanksDown}\n\n${FEEDBACK_TEXT.askDifferently}`);
    writeClarify(turn.state, others, turn.now);
    const choices = renderClarify(FEEDBACK_TEXT.otherReadings, others, 1);
    return { ...choices, text: `${FEEDBACK_TEXT.thanksDown}\n\n${choices.text}` };
  }

  async function otherReadings(question: string, shown: string) {
    if (!deps.retriever?.get || !question) return [];
    try {
      const hits = await deps.retriever.search(question, 6);
      return clarifyOptions(hits.filter((h) => h.chunk.id !== shown), 0, () => 1);
    } catch (err) {
      logger.warn({ err }, "other readings unavailable after feedback");
      return [];
    }
  }

  return {
    name: "feedback",
    async handle(turn) {
      const action = turn.message.action;
      if (!action?.startsWith("fb:")) return undefined;
      if (action.startsWith(FEEDBACK_ACTIONS.up)) return vote(turn, "up", action.slice(FEEDBACK_ACTIONS.up.length));
      if (action.startsWith(FEEDBACK_ACTIONS.down)) return vote(turn, "down", action.slice(FEEDBACK_ACTIONS.down.length));
      return info(FEEDBACK_TEXT.stale);
    },
    async decorate(turn, reply) {
      if (reply.kind !== "answer" || turn.message.isGroup) return reply;
      const answerRef = answerRefOf(turn, reply);
      const question = turn.text || reply.sources[0]?.section || "";
      if (!answerRef || !question) return reply;
      const ref = turn.now.getTime().toString(36);
      const pending: PendingFeedback = { ref, q: redact(question).slice(0, 500), a: answerRef, at: turn.now.toISOString() };
      turn.state.feedback = pending;
      const buttons: Button[] = channelHasButtons(turn.message.channel)
        ? [{ label: FEEDBACK_TEXT.helpful, action: `${FEEDBACK_ACTIONS.up}${ref}` }, { label: FEEDBACK_TEXT.notHelpful, action: `${FEEDBACK_ACTIONS.down}${ref}` }]
        : [{ label: FEEDBACK_TEXT.notHelpful, action: `${FEEDBACK_ACTIONS.down}${ref}` }];
      return { ...reply, buttons: [...(reply.buttons ?? []), ...buttons] };
    },
  };
}

/**
 * Which answer was given: a curated answer's source id, else the section the QA feature answered with this turn
 * (its topic, written now), else the first cited lesson and section.
 */
function answerRefOf(turn: Turn, reply: Reply): string | undefined {
  const first = reply.sources[0];
  if (first?.id.startsWith("curated:")) return first.id;
  const topic = readTopic(turn.state, turn.now);
  if (topic && topic.at === turn.now.toISOString()) return topic.chunkId;
  return first ? `${first.id}#${first.section}` : undefined;
}

function info(text: string): Reply {
  return { kind: "info", text, sources: [], confidence: 1 };
}
