import type { Reply } from "./types.js";

/**
 * Fairness limits the router applies to every channel (issue 11 item 3), so one person's flood never delays anyone
 * else: a text cap, a per-learner rate, and a bound on the turns one learner may have waiting.
 */
export interface TurnLimits {
  /** Longest text a turn may carry (characters after clean-up); longer gets a short "write it shorter" reply. */
  maxTextLength: number;
  /** At most `max` turns per `windowMs` per learner (all channels of a linked learner together). */
  perLearner: { max: number; windowMs: number };
  /** Turns one learner may have running or waiting; more are answered "too fast" at once instead of queueing. */
  maxQueuedTurns: number;
}

export const DEFAULT_TURN_LIMITS: TurnLimits = {
  maxTextLength: 1000,
  perLearner: { max: 60, windowMs: 60_000 },
  maxQueuedTurns: 5,
};

export const TOO_FAST_TEXT = "Bạn gửi nhanh quá, đợi một chút rồi gửi tiếp nhé.";
export const tooLongText = (max: number) =>
  `Tin nhắn của bạn dài quá ${max.toLocaleString("vi-VN")} ký tự. Bạn viết ngắn lại, mỗi lần hỏi một việc giúp tôi nhé.`;

/** The polite "too fast" reply; `throttled` lets the web API answer HTTP 429 while chat apps send it as text. */
export function throttledReply(): Reply {
  return { kind: "info", text: TOO_FAST_TEXT, sources: [], confidence: 1, throttled: true };
}
