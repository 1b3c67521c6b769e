import { performance } from "node:perf_hooks";
import type { Worker } from "node:worker_threads";

/** Event-loop utilisation of the ranking thread above which it is the bottleneck… */
const THREAD_SATURATED = 0.9;
/** …while the main thread still has this much room. */
const MAIN_HAS_ROOM = 0.9;
/** Below this the thread keeps up again and the main thread stops ranking. */
const THREAD_KEEPS_UP = 0.75;

/**
 * Whether the main thread should rank some questions itself. Only while the ranking thread is the bottleneck — busy
 * nearly all the time while the main thread has room, as with a 2,000+-section knowledge base, where a ranking
 * costs several times what the rest of an answer does — so that both cores rank. With a knowledge base whose
 * rankings are cheap the main thread is the busier one and never takes ranking work from the thread. Decided from
 * both threads' event-loop utilisation, sampled every `everyMs` (a cheap counter read), with hysteresis.
 */
export class LoadShare {
  sharing = false;
  private readonly timer: NodeJS.Timeout;
  private lastMain = performance.eventLoopUtilization();
  private lastThread: ReturnType<typeof performance.eventLoopUtilization>;

  constructor(private readonly worker: Worker, everyMs = 100) {
    this.lastThread = worker.performance.eventLoopUtilization();
    this.timer = setInterval(() => this.sample(), everyMs);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
    this.sharing = false;
  }

  private sample(): void {
    const main = performance.eventLoopUtilization(this.lastMain);
    const thread = this.worker.performance.eventLoopUtilization(this.lastThread);
    this.lastMain = performance.eventLoopUtilization();
    this.lastThread = this.worker.performance.eventLoopUtilization();
    this.sharing = nextSharing(this.sharing, thread.utilization, main.utilization);
  }
}

/** The decision on one sample of both threads' utilisation (0..1), given whether the main thread shares now. */
export function nextSharing(sharing: boolean, thread: number, main: number): boolean {
  if (!sharing) return thread > THREAD_SATURATED && main < MAIN_HAS_ROOM;
  return thread >= THREAD_KEEPS_UP;
}
