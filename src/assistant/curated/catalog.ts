import { bestMatch, contentTokens, type MatchEntry } from "./match.js";
import type { CuratedStore, PublishedCurated } from "./ports.js";

/**
 * The published curated answers, tokenised once and kept in memory: every question is compared with them before
 * retrieval, so they must not cost a database read each time. A publish in this process calls `invalidate()` and is
 * served on the next question; other instances (PostgreSQL) reload after `ttlMs`.
 */
export interface CuratedCatalog {
  match(question: string): Promise<{ item: PublishedCurated; score: number } | undefined>;
  invalidate(): void;
}

export function createCuratedCatalog(store: Pick<CuratedStore, "published">, options: { ttlMs?: number; clock?: () => Date } = {}): CuratedCatalog {
  const ttlMs = options.ttlMs ?? 5000;
  const clock = options.clock ?? (() => new Date());
  let loaded: { at: number; entries: Array<MatchEntry<PublishedCurated>> } | undefined;
  let loading: Promise<Array<MatchEntry<PublishedCurated>>> | undefined;
  let generation = 0;

  async function entries(): Promise<Array<MatchEntry<PublishedCurated>>> {
    const now = clock().getTime();
    if (loaded && now - loaded.at < ttlMs) return loaded.entries;
    if (!loading) {
      const started = generation;
      loading = store
        .published()
        .then((items) => {
          const built = items.map((item) => ({ item, phrasings: [item.question, ...item.alternatives].map(contentTokens) }));
          // A publish that happened while this was loading makes the result stale: use it once, keep nothing.
          if (started === generation) loaded = { at: now, entries: built };
          return built;
        })
        .finally(() => {
          loading = undefined;
        });
    }
    return loading;
  }

  return {
    async match(question) {
      return bestMatch(question, await entries());
    },
    invalidate() {
      generation += 1;
      loaded = undefined;
    },
  };
}
