import { CircuitBreaker } from "../shared/circuit-breaker.js";
import { withDeadline } from "../shared/deadline.js";
import { silentLogger, type Logger } from "../shared/logger.js";

/** How an optional part is doing, as GET /health reports it. "off" = not configured. */
export type PartStatus = "ok" | "down" | "off";

export interface GuardOptions {
  /** Longest a citizen waits for the query vector before the lexical fallback is used. */
  timeoutMs: number;
  /** Consecutive failures that open the circuit. */
  failureThreshold: number;
  /** How long the endpoint is skipped once the circuit is open. */
  cooldownMs: number;
  now?: () => number;
  logger?: Logger;
}

/**
 * Query-time embeddings from a remote endpoint (EMBEDDINGS_URL), guarded: a hard deadline per question and a circuit
 * breaker. `vectorFor` never throws; `undefined` tells the retriever to rank with BM25 alone. It logs a warning once
 * per breaker opening (not once per question) and an info line when the endpoint is back.
 */
export class GuardedQueryEmbedder {
  readonly breaker: CircuitBreaker;
  /** Questions ranked without the endpoint since start-up (for the fault script and tests). */
  fallbacks = 0;
  private readonly log: Logger;

  constructor(
    private readonly embed: (query: string) => Promise<number[]>,
    private readonly options: GuardOptions,
  ) {
    this.log = options.logger ?? silentLogger;
    this.breaker = new CircuitBreaker({
      failureThreshold: options.failureThreshold,
      cooldownMs: options.cooldownMs,
      now: options.now,
      onStateChange: ({ from, to, failures, lastError }) => {
        if (to === "open" && from === "closed") {
          this.log.warn(
            { failures, err: errorText(lastError), retryInMs: options.cooldownMs },
            "embeddings endpoint failing: questions are ranked with the built-in BM25 ranking until it recovers",
          );
        } else if (to === "closed") {
          this.log.info({}, "embeddings endpoint recovered: hybrid ranking is back");
        } else {
          this.log.debug({ from, to }, "embeddings circuit breaker");
        }
      },
    });
  }

  /** The query's vector, or undefined when the endpoint failed, was too slow, or is being skipped. */
  async vectorFor(query: string): Promise<number[] | undefined> {
    if (!this.breaker.tryAcquire()) {
      this.fallbacks += 1;
      return undefined;
    }
    try {
      const vector = await withDeadline(this.embed(query), this.options.timeoutMs, "query embedding");
      this.breaker.recordSuccess();
      return vector;
    } catch (error) {
      this.breaker.recordFailure(error);
      this.fallbacks += 1;
      // Per-question detail stays at debug: the warning is logged once, when the circuit opens.
      this.log.debug({ err: errorText(error) }, "query embedding failed; ranking this question with BM25 alone");
      return undefined;
    }
  }

  /** "ok" while the circuit is closed, "down" while it is open or probing. */
  status(): PartStatus {
    return this.breaker.state === "closed" ? "ok" : "down";
  }
}

function errorText(error: unknown): string | undefined {
  return error instanceof Error ? error.message : error === undefined ? undefined : String(error);
}
