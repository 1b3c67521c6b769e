import type { Worker } from "node:worker_threads";
import { silentLogger, type Logger } from "../../shared/logger.js";
import type { Ranking, RetrievalMode } from "../hybrid-ranking.js";
import type { OffThreadRanking } from "../knowledge-retriever.js";
import { LoadShare } from "./load-share.js";
import type { FromRankingWorker, RankingPayload, ToRankingWorker } from "./messages.js";
import { startWorker } from "./start-worker.js";

/** Questions waiting in a saturated thread beyond which the main thread ranks (see LoadShare). */
const SHARED_WAITING = 4;

export interface RankingThreadOptions {
  logger?: Logger;
  /** Pause before a stopped thread is started again (it reloads the latest knowledge version). */
  restartAfterMs?: number;
  /** Requests waiting in the thread beyond which the main thread ranks the next ones itself, whatever the load. */
  maxWaiting?: number;
  /**
   * A request the thread has not answered for this long means it hangs (a bug, a runaway loop): it is stopped, the
   * waiting questions are ranked on the main thread, and it is started again. Far above any real ranking time.
   */
  stuckAfterMs?: number;
  /** Starts the worker; tests pass a misbehaving one. */
  spawnWorker?: () => Worker;
}

interface Waiting {
  resolve(ranking: Ranking): void;
  reject(error: Error): void;
  /** performance.now() when it was sent. */
  since: number;
}

/**
 * Ranks in a worker thread so that the main thread, which runs HTTP, storage and the dialogue, spends none of its
 * time on retrieval (about 40 % of an answer's CPU with the built-in embedder, issue 14): on a machine with two cores
 * answers are computed on both. The thread holds the knowledge version last given to `serve` and the main thread
 * keeps its own rankers, so nothing depends on the thread: while it loads a new version, after it stopped, or when
 * it is behind, the main thread ranks with the same code (hybrid-ranking.ts) and gets the same list.
 *
 * @example
 * const thread = new RankingThread({ logger });
 * const retriever = new KnowledgeRetriever(chunks, lexical, vector, undefined, thread.serve(version, () => payload));
 * thread.start(); // once the app is listening
 * await thread.close();
 */
export class RankingThread {
  private worker?: Worker;
  /** The version the thread has confirmed loading (requests for another one are ranked here). */
  private loadedVersion?: string;
  private latest?: { version: string; payload: () => RankingPayload };
  private started = false;
  private readonly waiting = new Map<number, Waiting>();
  private nextId = 1;
  private loads = 0;
  /** Rankings the thread returned, and requests it declined or lost (ranked on the main thread instead). */
  readonly counts = { ranked: 0, declined: 0 };
  private closed = false;
  private restartTimer?: NodeJS.Timeout;
  private readonly logger: Logger;
  private readonly restartAfterMs: number;
  private readonly maxWaiting: number;
  private share?: LoadShare;
  private watchdog?: NodeJS.Timeout;
  private readonly stuckAfterMs: number;
  private readonly spawnWorker: () => Worker;

  constructor(options: RankingThreadOptions = {}) {
    this.logger = options.logger ?? silentLogger;
    this.restartAfterMs = options.restartAfterMs ?? 1_000;
    this.maxWaiting = options.maxWaiting ?? 256;
    this.stuckAfterMs = options.stuckAfterMs ?? 10_000;
    this.spawnWorker = options.spawnWorker ?? startWorker;
  }

  /**
   * Sends these rankers to the thread; the result ranks with them there once they are loaded. Each call is its own
   * load (named `version#n`): the same knowledge version built again may carry a refitted embedder.
   */
  serve(version: string, payload: () => RankingPayload): OffThreadRanking {
    const load = `${version}#${this.loads++}`;
    this.latest = { version: load, payload };
    if (this.started && !this.closed) this.post({ type: "load", version: load, payload: payload() });
    return { rank: (query, k, mode) => this.rank(load, query, k, mode) };
  }

  /**
   * Starts the thread with the rankers given last. Called once the app is listening (compose.ts's starters): a
   * thread started beside the rest of start-up slowed it by a third, and the main thread ranks meanwhile anyway.
   * The payload is only built now, too.
   */
  start(): void {
    if (this.started || this.closed) return;
    this.started = true;
    this.loadLatest();
  }

  /** Sends the rankers given last (at start, and to a thread started again after it stopped). */
  private loadLatest(): void {
    if (this.latest) this.post({ type: "load", version: this.latest.version, payload: this.latest.payload() });
  }

  /**
   * For GET /health: "ok" while the thread runs (also while it loads a newly published version), "down" after it
   * stopped until it is back (answers are ranked on the main thread meanwhile), "off" before start and after close.
   */
  status(): "ok" | "down" | "off" {
    if (!this.started || this.closed) return "off";
    return this.worker ? "ok" : "down";
  }

  /** True once the thread holds the rankers given last (tests and the bench wait for it). */
  holdsLatest(): boolean {
    return this.latest !== undefined && this.loadedVersion === this.latest.version && this.worker !== undefined;
  }

  /** Resolves true when the thread holds the rankers given last, or false after `timeoutMs`. */
  async whenLoaded(timeoutMs = 30_000): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    while (!this.holdsLatest()) {
      if (this.closed || Date.now() > deadline) return false;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    return true;
  }

  /** Stops the thread; waiting requests are ranked on the main thread by their retrievers. Idempotent. */
  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.restartTimer);
    clearInterval(this.watchdog);
    this.share?.stop();
    const worker = this.worker;
    this.worker = undefined;
    this.failWaiting("the ranking thread was closed");
    if (worker) await worker.terminate();
  }

  private rank(version: string, query: string, k: number, mode: RetrievalMode): Promise<Ranking> | undefined {
    if (!this.worker || this.loadedVersion !== version) return undefined;
    // While the thread is the bottleneck (see LoadShare), a question that would wait behind a few others is ranked
    // here instead, so both cores rank.
    if (this.waiting.size >= (this.share?.sharing ? SHARED_WAITING : this.maxWaiting)) return undefined;
    const id = this.nextId++;
    return new Promise<Ranking>((resolve, reject) => {
      // Referenced while an answer waits on it (a script with nothing else pending must not exit mid-question),
      // unreferenced when idle so the thread alone never keeps the process alive.
      if (this.waiting.size === 0) this.worker?.ref();
      this.waiting.set(id, { resolve, reject, since: performance.now() });
      this.post({ type: "rank", id, version, query, k, mode });
    });
  }

  private post(message: ToRankingWorker): void {
    const worker = this.worker ?? this.spawn();
    worker.postMessage(message);
  }

  private spawn(): Worker {
    const worker = this.spawnWorker();
    // The thread never keeps the process alive on its own: the app's close() terminates it.
    worker.unref();
    worker.on("message", (message: FromRankingWorker) => this.onMessage(message));
    worker.on("error", (error) => this.logger.warn({ err: error }, "ranking thread failed; answers are ranked on the main thread meanwhile"));
    worker.on("exit", (code) => this.onExit(worker, code));
    this.worker = worker;
    this.share?.stop();
    this.share = new LoadShare(worker);
    clearInterval(this.watchdog);
    this.watchdog = setInterval(() => this.checkStuck(worker), Math.max(10, this.stuckAfterMs / 2));
    this.watchdog.unref();
    return worker;
  }

  /** Stops a thread whose oldest waiting request has gone unanswered for `stuckAfterMs` (see onExit for the rest). */
  private checkStuck(worker: Worker): void {
    if (this.worker !== worker) return;
    const oldest = this.waiting.values().next().value as Waiting | undefined;
    if (!oldest || performance.now() - oldest.since < this.stuckAfterMs) return;
    this.logger.warn({ waiting: this.waiting.size, stuckAfterMs: this.stuckAfterMs }, "ranking thread does not answer; stopping it and ranking on the main thread");
    void worker.terminate();
  }

  private onMessage(message: FromRankingWorker): void {
    switch (message.type) {
      case "loaded":
        this.loadedVersion = message.version;
        return;
      case "load-failed":
        this.loadedVersion = undefined;
        this.logger.warn({ version: message.version, reason: message.message }, "ranking thread could not load the knowledge version; ranking on the main thread");
        return;
      case "ranked":
        this.counts.ranked++;
        this.settle(message.id)?.resolve(message.ranking);
        return;
      case "declined":
        this.counts.declined++;
        this.settle(message.id)?.reject(new Error(`ranking thread declined: ${message.reason}`));
        return;
    }
  }

  private settle(id: number): Waiting | undefined {
    const waiting = this.waiting.get(id);
    this.waiting.delete(id);
    if (this.waiting.size === 0) this.worker?.unref();
    return waiting;
  }

  private onExit(worker: Worker, code: number): void {
    if (this.worker !== worker) return; // closed, or already replaced
    this.worker = undefined;
    this.share?.stop();
    clearInterval(this.watchdog);
    this.loadedVersion = undefined;
    this.failWaiting(`the ranking thread stopped (exit code ${code})`);
    if (this.closed) return;
    this.logger.warn({ code, restartAfterMs: this.restartAfterMs }, "ranking thread stopped; ranking on the main thread until it is back");
    this.restartTimer = setTimeout(() => {
      if (!this.closed && !this.worker) this.loadLatest();
    }, this.restartAfterMs);
    this.restartTimer.unref();
  }

  private failWaiting(reason: string): void {
    const error = new Error(reason);
    this.counts.declined += this.waiting.size;
    for (const waiting of this.waiting.values()) waiting.reject(error);
    this.waiting.clear();
  }
}
