import type { TermWeights } from "./bm25.js";

/**
 * A document's analysed terms as the index builder keeps them between builds: parallel arrays of terms and weights
 * instead of a Map. The real knowledge base has ~230,000 (term, weight) pairs over its 372 sections; as Maps with a
 * string per entry they were ~20 MB of the heap, as arrays of shared strings and one Float64Array they are a third
 * of that (issue 14). Bm25Index.build only iterates its documents, which this does in insertion order like a Map.
 *
 * `get`/`has` scan the list (a Map's lookups are not needed on the build path); the lists are immutable.
 */
export class TermList implements TermWeights {
  constructor(
    readonly terms: readonly string[],
    readonly weights: Float64Array,
  ) {}

  /** From an analyser's Map; `intern` returns one shared string per distinct term (the caller keeps it per build). */
  static from(map: ReadonlyMap<string, number>, intern: (term: string) => string = (t) => t): TermList {
    const terms: string[] = [];
    const weights = new Float64Array(map.size);
    for (const [term, weight] of map) {
      weights[terms.length] = weight;
      terms.push(intern(term));
    }
    return new TermList(terms, weights);
  }

  get size(): number {
    return this.terms.length;
  }

  get(term: string): number | undefined {
    const i = this.terms.indexOf(term);
    return i < 0 ? undefined : this.weights[i];
  }

  has(term: string): boolean {
    return this.terms.includes(term);
  }

  forEach(callback: (value: number, key: string, map: ReadonlyMap<string, number>) => void): void {
    for (let i = 0; i < this.terms.length; i++) callback(this.weights[i]!, this.terms[i]!, this);
  }

  *entries(): MapIterator<[string, number]> {
    for (let i = 0; i < this.terms.length; i++) yield [this.terms[i]!, this.weights[i]!];
  }

  *keys(): MapIterator<string> {
    yield* this.terms;
  }

  *values(): MapIterator<number> {
    yield* this.weights;
  }

  [Symbol.iterator](): MapIterator<[string, number]> {
    return this.entries();
  }
}
