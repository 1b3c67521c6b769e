import type { Chunk, RetrievalHit, Retriever } from "../../src/assistant/index.js";
import { foldedTokens as fold } from "../../src/shared/fold.js";

/**
 * A deterministic stand-in for the real hybrid retriever: ranks chunks by how many folded syllables of the query
 * they share (title, heading, body, questions). Records every query so tests can see follow-up combination.
 */
export class FakeRetriever implements Retriever {
  readonly queries: string[] = [];
  constructor(private readonly chunks: Chunk[]) {}

  get(chunkId: string): Chunk | undefined {
    return this.chunks.find((c) => c.id === chunkId);
  }

  async search(query: string, k: number): Promise<RetrievalHit[]> {
    this.queries.push(query);
    const q = new Set(fold(query));
    return this.chunks
      .map((chunk) => {
        const words = new Set(fold([chunk.lessonTitle, chunk.section, chunk.body, ...chunk.questions].join(" ")));
        let score = 0;
        for (const t of q) if (words.has(t)) score += 1;
        return { chunk, score };
      })
      .sort((a, b) => b.score - a.score || a.chunk.id.localeCompare(b.chunk.id))
      .slice(0, k);
  }
}
