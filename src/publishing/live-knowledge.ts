import type { Lesson, Problem } from "../curriculum/index.js";
import { silentLogger, type Logger } from "../shared/logger.js";
import { nextBoundary } from "./effective-window.js";
import { loadParsedLessons, saveParsedLessons } from "./parsed-lessons-cache.js";
import type { LessonVersionStore } from "./ports.js";
import { allWindows, parseLive, servedAt, type ParsedLive } from "./served-lessons.js";

/** What one build of the served knowledge gives the app: any object carrying the lessons it was built from. */
export interface KnowledgeSnapshot {
  lessons: Lesson[];
  version: string;
}

export interface LiveKnowledgeOptions<S extends KnowledgeSnapshot> {
  store: LessonVersionStore;
  /** Builds the search index (and whatever else hangs on it) for these lessons; `signature` names the set. */
  build(lessons: Lesson[], signature: string, problems: Problem[]): Promise<S>;
  clock?: () => Date;
  logger?: Logger;
  /** How often to look for a publish made by another instance (and for a passed effective date). */
  pollMs?: number;
  /**
   * Where to keep the lessons' parse between restarts (DATA_DIR/lessons-cache.json; see
   * parsed-lessons-cache.ts). Without it every start parses every lesson.
   */
  cacheFile?: string;
}

/**
 * The knowledge citizens are served right now, rebuilt when it changes and swapped in whole (issue 13). A publish
 * (here or on another instance), a rollback, a retirement, or an effective date passing leads to a new build beside
 * the live one; questions keep being answered from the old snapshot until the new one is complete, then the next
 * question gets the new one — never a half-built index, never an error. Rebuilds run one at a time; a change that
 * arrives during a build triggers one more build after it.
 */
export class LiveKnowledge<S extends KnowledgeSnapshot> {
  private snapshot?: S;
  private parsed: ParsedLive[] = [];
  private parseProblems: Problem[] = [];
  private generation = -1;
  private signature = "";
  private building?: Promise<void>;
  private again = false;
  private timer?: NodeJS.Timeout;
  private readonly listeners: Array<(snapshot: S) => void> = [];
  private readonly clock: () => Date;
  private readonly log: Logger;

  constructor(private readonly options: LiveKnowledgeOptions<S>) {
    this.clock = options.clock ?? (() => new Date());
    this.log = options.logger ?? silentLogger;
  }

  /** The snapshot to answer from; a turn reads it once and keeps it for the whole turn. */
  current(): S {
    if (!this.snapshot) throw new Error("LiveKnowledge.current() before load()");
    return this.snapshot;
  }

  /** Called with every new snapshot after it is swapped in. */
  onSwap(listener: (snapshot: S) => void): void {
    this.listeners.push(listener);
  }

  /** First build; the app does not answer before it. */
  async load(): Promise<S> {
    await this.refresh();
    return this.current();
  }

  /**
   * Re-reads the store when its generation moved, re-filters by effective dates, and rebuilds when the served set
   * differs from the live one. Safe to call often (cheap when nothing changed) and concurrently (coalesced).
   */
  refresh(): Promise<void> {
    if (this.building) {
      this.again = true;
      return this.building;
    }
    this.building = (async () => {
      try {
        do {
          this.again = false;
          await this.refreshOnce();
        } while (this.again);
      } finally {
        this.building = undefined;
      }
    })();
    return this.building;
  }

  private async refreshOnce(): Promise<void> {
    const generation = await this.options.store.generation();
    if (generation !== this.generation) {
      const live = await this.options.store.liveMarkdown();
      const { cacheFile } = this.options;
      // At start-up the previous parse comes from the cache file; afterwards from memory.
      const previous = this.parsed.length === 0 && cacheFile ? loadParsedLessons(cacheFile, live) : this.parsed;
      const { parsed, problems } = parseLive(live, previous);
      const reused = new Set(previous);
      if (cacheFile && parsed.some((p) => !reused.has(p))) {
        saveParsedLessons(cacheFile, parsed).catch((err: unknown) =>
          this.log.warn({ err, file: cacheFile }, "could not save the parsed lessons; the next start parses them again"),
        );
      }
      // A published lesson that no longer parses (published around the checks, e.g. a seeded file) is left out of
      // answers; say so loudly (once) instead of silently serving fewer lessons.
      const known = new Set(this.parseProblems.map((p) => `${p.file}:${p.line}:${p.message}`));
      for (const p of problems) {
        if (!known.has(`${p.file}:${p.line}:${p.message}`)) this.log.warn({ file: p.file, line: p.line }, `knowledge problem: ${p.message}`);
      }
      this.parsed = parsed;
      this.parseProblems = problems;
      this.generation = generation;
    }
    const { lessons, signature } = servedAt(this.parsed, this.clock());
    if (this.snapshot && signature === this.signature) return;
    const started = performance.now();
    const next = await this.options.build(lessons, signature, this.parseProblems);
    this.snapshot = next;
    this.signature = signature;
    this.log.info({ lessons: lessons.length, version: next.version, ms: Math.round(performance.now() - started) }, "knowledge swapped in");
    for (const listener of this.listeners) listener(next);
  }

  /** When the served set next changes by itself (an effective date), for /admin pages and the timer. */
  nextChange(): Date | undefined {
    return nextBoundary(allWindows(this.parsed), this.clock());
  }

  /** Polls for other instances' publishes and passing effective dates until stop(). */
  start(): void {
    const pollMs = this.options.pollMs ?? 2_000;
    const tick = () => {
      this.refresh()
        .catch((err: unknown) => this.log.error({ err }, "knowledge refresh failed; still serving the previous version"))
        .finally(() => {
          if (this.timer) this.timer = setTimeout(tick, pollMs).unref();
        });
    };
    this.timer = setTimeout(tick, pollMs).unref();
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }
}
