/**
 * A small circuit breaker for optional remote endpoints (embeddings, LLM). A citizen is waiting for every answer, so
 * once an endpoint has failed `failureThreshold` times in a row we stop calling it for `cooldownMs` and use the
 * built-in fallback at once, instead of paying the timeout on every question. After the cool-down one probe call is
 * let through (half-open): success closes the circuit, failure opens it for another cool-down.
 *
 * The clock is injected so tests can move time without sleeping.
 */
export type BreakerState = "closed" | "open" | "half-open";

export interface CircuitBreakerOptions {
  /** Consecutive failures that open the circuit (≥ 1). */
  failureThreshold: number;
  /** How long the circuit stays open before one probe is allowed. */
  cooldownMs: number;
  /** Milliseconds clock; Date.now by default. */
  now?: () => number;
  /** Told about every state change, e.g. to log once per opening rather than once per call. */
  onStateChange?: (change: { from: BreakerState; to: BreakerState; failures: number; lastError?: unknown }) => void;
}

/** Thrown by `run` when the circuit refuses the call; callers treat it like any other failure and fall back. */
export class CircuitOpenError extends Error {
  constructor(readonly retryAt: number) {
    super("circuit open: the endpoint failed repeatedly and is skipped until its cool-down ends");
    this.name = "CircuitOpenError";
  }
}

export class CircuitBreaker {
  private failures = 0;
  private opened = false;
  private openedAt = 0;
  /** Start time of the half-open probe in flight, if any: only one probe at a time. */
  private probeStartedAt: number | undefined;
  private lastError: unknown;
  private readonly now: () => number;

  constructor(private readonly options: CircuitBreakerOptions) {
    if (!(options.failureThreshold >= 1)) throw new Error("failureThreshold must be at least 1");
    this.now = options.now ?? Date.now;
  }

  /** "open" during the cool-down, "half-open" once it has passed (until a probe succeeds or fails). */
  get state(): BreakerState {
    if (!this.opened) return "closed";
    return this.now() - this.openedAt >= this.options.cooldownMs ? "half-open" : "open";
  }

  /** Consecutive failures so far (reset by a success). */
  get consecutiveFailures(): number {
    return this.failures;
  }

  /**
   * Whether a call may go out now. In half-open state only one caller gets `true` (the probe); the others fall back
   * until it settles. A probe that never settles is forgotten after another cool-down, so the breaker cannot stick.
   */
  tryAcquire(): boolean {
    const state = this.state;
    if (state === "closed") return true;
    if (state === "open") return false;
    const now = this.now();
    if (this.probeStartedAt !== undefined && now - this.probeStartedAt < this.options.cooldownMs) return false;
    if (this.probeStartedAt === undefined) this.change("half-open");
    this.probeStartedAt = now;
    return true;
  }

  recordSuccess(): void {
    const from = this.state;
    this.failures = 0;
    this.opened = false;
    this.probeStartedAt = undefined;
    this.lastError = undefined;
    if (from !== "closed") this.change("closed", from);
  }

  recordFailure(error?: unknown): void {
    this.failures += 1;
    this.lastError = error;
    const from = this.state;
    // A late failure of a call that started before the circuit opened changes nothing: it is already open.
    if (from === "open") return;
    if (from === "half-open" || this.failures >= this.options.failureThreshold) {
      this.opened = true;
      this.openedAt = this.now();
      this.probeStartedAt = undefined;
      this.change("open", from);
    }
  }

  /** Runs `call` through the breaker: throws CircuitOpenError without calling when the circuit refuses. */
  async run<T>(call: () => Promise<T>): Promise<T> {
    if (!this.tryAcquire()) throw new CircuitOpenError(this.openedAt + this.options.cooldownMs);
    try {
      const result = await call();
      this.recordSuccess();
      return result;
    } catch (error) {
      this.recordFailure(error);
      throw error;
    }
  }

  private change(to: BreakerState, from: BreakerState = this.opened ? "open" : "closed"): void {
    this.options.onStateChange?.({ from, to, failures: this.failures, lastError: this.lastError });
  }
}
