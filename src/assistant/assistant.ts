import type { Logger } from "../shared/logger.js";
import { silentLogger } from "../shared/logger.js";
import { isAppError } from "../shared/errors.js";
import { cleanAction, cleanInput } from "./dialogue/clean-text.js";
import { needsPersonalDataNotice, withPersonalDataNotice } from "./dialogue/personal-data-notice.js";
import { createKeyedQueue } from "../shared/keyed-queue.js";
import { createRateWindow } from "../shared/rate-window.js";
import type { Feature, Turn } from "./feature.js";
import type { ConversationState, ConversationStore } from "./ports.js";
import { fixedReply } from "./templates.js";
import { DEFAULT_TURN_LIMITS, throttledReply, tooLongText, type TurnLimits } from "./turn-limits.js";
import type { Assistant, IncomingMessage, Reply } from "./types.js";

export const STORAGE_BUSY_TEXT =
  "Xin lỗi, hệ thống đang bận nên tôi chưa ghi nhận được tin nhắn vừa rồi. Bạn vui lòng gửi lại sau khoảng một phút nhé.";

/** Button payload prefix: the rest is handled as if the learner had typed it (≤ 64 bytes in all). */
export const SAY_ACTION = "say:";

export interface AssistantDeps {
  /**
   * Offered each turn in order; the first that returns a Reply wins. A function is read once per turn: the app
   * rebuilds the knowledge-bound features when a publish swaps the knowledge in (issue 13), and a turn keeps the
   * set it started with.
   */
  features: Feature[] | (() => readonly Feature[]);
  conversations: ConversationStore;
  /** Opaque learner id for a message (see learner-id.ts); async so linked accounts can be looked up. */
  learnerIdFor: (message: IncomingMessage) => string | Promise<string>;
  /** Fixed texts used by the router itself. */
  templates: { help: string; error: string };
  clock?: () => Date;
  logger?: Logger;
  /** Text cap, per-learner rate and queue bound (config.limits); DEFAULT_TURN_LIMITS when absent. */
  limits?: TurnLimits;
}

/**
 * The dialogue router: one turn in, one Reply out. It never throws to a channel — a citizen must always get an
 * answer, so any failure becomes the polite error template and is logged for operators.
 */
export function createAssistant(deps: AssistantDeps): Assistant {
  const clock = deps.clock ?? (() => new Date());
  const logger = deps.logger ?? silentLogger;
  const limits = deps.limits ?? DEFAULT_TURN_LIMITS;
  const perLearner = createKeyedQueue({ maxPending: limits.maxQueuedTurns });
  const rate = createRateWindow({ ...limits.perLearner, now: () => clock().getTime() });

  async function handle(message: IncomingMessage): Promise<Reply> {
    // Channels pass strings, but a hostile payload may slip something else through: anything else counts as absent.
    const rawAction = typeof message.action === "string" ? message.action : undefined;
    // A "say:<text>" button (the greeting's common starts) is the same as typing <text>.
    const said = rawAction?.startsWith(SAY_ACTION) ? rawAction.slice(SAY_ACTION.length) : undefined;
    const text = cleanInput(said ?? (typeof message.text === "string" ? message.text : undefined));
    const action = said !== undefined ? undefined : cleanAction(rawAction);
    let learnerId: string | undefined;
    try {
      learnerId = await deps.learnerIdFor(message);
      // Fairness first, before any work: every turn counts towards the learner's rate, whatever it carries.
      if (!rate.hit(learnerId)) return throttledReply();
      if (!text && !action) return fixedReply("help", deps.templates.help);
      if (text.length > limits.maxTextLength) return fixedReply("info", tooLongText(limits.maxTextLength));
      const id = learnerId;
      // A learner with maxQueuedTurns turns already waiting is told to slow down now, not answered minutes later.
      const turn = perLearner.tryRun(id, () => turnFor(id, message, text, action));
      return turn ? await turn : throttledReply();
    } catch (error) {
      logger.error({ err: error, channel: message.channel, learnerId }, "assistant turn failed");
      // The database is locked or gone (issue 11.5): say that this message was not recorded, so a quiz answer is sent
      // again later rather than believed saved.
      if (isAppError(error) && error.code === "unavailable:storage") return fixedReply("error", STORAGE_BUSY_TEXT, 0);
      return fixedReply("error", deps.templates.error, 0);
    }
  }

  /** One turn with the learner's state loaded before and saved after; never runs twice at once for a learner. */
  async function turnFor(learnerId: string, message: IncomingMessage, text: string, action: string | undefined): Promise<Reply> {
    const loaded = await deps.conversations.get(learnerId);
    // One serialisation serves both as the "changed?" baseline and as the private copy features may change (state
    // is JSON only, ports.ts); a structuredClone plus a second stringify cost twice as much on every turn.
    const before = loaded ? JSON.stringify(loaded) : "{}";
    const state = (loaded ? JSON.parse(before) : {}) as ConversationState;
    const turn: Turn = { message: { ...message, text, action }, learnerId, text, now: clock(), state };
    const features = typeof deps.features === "function" ? deps.features() : deps.features;
    let reply = (await firstReply(features, turn)) ?? fixedReply("help", deps.templates.help);
    for (const feature of features) if (feature.decorate) reply = await feature.decorate(turn, reply);
    // Save once, and only when a feature changed something: most turns are plain questions. The text compared is the
    // text saved.
    const after = JSON.stringify(state);
    if (after !== before) await deps.conversations.set(learnerId, state, after);
    // Whatever answered, someone who just typed a CCCD number, password, OTP or account number is warned first.
    return needsPersonalDataNotice(text) ? withPersonalDataNotice(reply) : reply;
  }

  async function firstReply(features: readonly Feature[], turn: Turn): Promise<Reply | undefined> {
    for (const feature of features) {
      const reply = await feature.handle(turn);
      if (reply) return reply;
    }
    return undefined;
  }

  return { handle };
}
