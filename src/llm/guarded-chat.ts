import type { ChatModel } from "../assistant/index.js";
import { CircuitBreaker } from "../shared/circuit-breaker.js";
import { withDeadline } from "../shared/deadline.js";
import { silentLogger, type Logger } from "../shared/logger.js";

export interface GuardedChatOptions {
  /** Longest a citizen waits for the re-worded answer. */
  timeoutMs: number;
  failureThreshold: number;
  cooldownMs: number;
  now?: () => number;
  logger?: Logger;
}

export interface GuardedChat {
  model: ChatModel;
  breaker: CircuitBreaker;
  /** "ok" while the circuit is closed, "down" while it is open or probing. */
  status(): "ok" | "down";
  /** Answers that fell back to the extractive text because of the endpoint (for the fault script and tests). */
  fallbacks(): number;
}

/**
 * The optional LLM behind a deadline and a circuit breaker. On failure, timeout or an open circuit the model
 * declines with an empty text: the QA feature then keeps the extractive answer (llm-phrase.ts treats "" as "nothing
 * better") without a warning per question — this guard warns once per breaker opening and says when the endpoint is
 * back. Individual failures are logged at debug.
 */
export function guardChatModel(inner: ChatModel, options: GuardedChatOptions): GuardedChat {
  const log = options.logger ?? silentLogger;
  let fallbacks = 0;
  const breaker = new CircuitBreaker({
    failureThreshold: options.failureThreshold,
    cooldownMs: options.cooldownMs,
    now: options.now,
    onStateChange: ({ from, to, failures, lastError }) => {
      if (to === "open" && from === "closed") {
        log.warn(
          { failures, err: lastError instanceof Error ? lastError.message : lastError, retryInMs: options.cooldownMs },
          "LLM endpoint failing: answers use the extractive text until it recovers",
        );
      } else if (to === "closed") {
        log.info({}, "LLM endpoint recovered: answers are re-worded again");
      } else {
        log.debug({ from, to }, "LLM circuit breaker");
      }
    },
  });
  const model: ChatModel = {
    async complete(system, user, call) {
      if (!breaker.tryAcquire()) {
        fallbacks += 1;
        return "";
      }
      try {
        const timeoutMs = Math.min(options.timeoutMs, call?.timeoutMs ?? Infinity);
        const text = await withDeadline(inner.complete(system, user), timeoutMs, "LLM completion");
        breaker.recordSuccess();
        return text;
      } catch (error) {
        breaker.recordFailure(error);
        fallbacks += 1;
        log.debug({ err: error instanceof Error ? error.message : error }, "LLM completion failed; using the extractive answer");
        return "";
      }
    },
  };
  return { model, breaker, status: () => (breaker.state === "closed" ? "ok" : "down"), fallbacks: () => fallbacks };
}
