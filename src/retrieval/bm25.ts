/**
 * A small BM25 index over weighted terms. Documents arrive as term → weighted frequency maps (a heading counts more
 * than body text), so this is BM25F-style scoring with one combined field.
 */

export type TermWeights = ReadonlyMap<string, number>;

/** JSON form written to data/index/lexical.json. Terms are sorted so the same input gives identical bytes. */
export interface Bm25Data {
  k1: number;
  b: number;
  docLen: number[];
  postings: Array<[term: string, entries: Array<[doc: number, tf: number]>]>;
}

export class Bm25Index {
  private readonly docTerms: Array<Set<string>>;
  private readonly avgdl: number;
  /**
   * Postings in the scoring loop's layout: term → its number; term n's entries are docs/tfs[starts[n] .. starts[n+1]).
   * One pair of flat typed arrays for the whole index (a typed array per term would cost ~100 bytes each on its own).
   */
  private readonly termNumber: Map<string, number>;
  private readonly starts: Int32Array;
  private readonly docs: Int32Array;
  private readonly tfs: Float64Array;
  /** Per document: k1 · (1 − b + b · |d| / avgdl), the same expression the scoring loop used to evaluate per posting. */
  private readonly norms: Float64Array;

  private constructor(private readonly data: Bm25Data) {
    this.termNumber = new Map(data.postings.map(([term], n) => [term, n]));
    this.starts = new Int32Array(data.postings.length + 1);
    let entries = 0;
    data.postings.forEach(([, list], n) => {
      this.starts[n] = entries;
      entries += list.length;
    });
    this.starts[data.postings.length] = entries;
    this.docs = new Int32Array(entries);
    this.tfs = new Float64Array(entries);
    let at = 0;
    for (const [, list] of data.postings) {
      for (const [doc, tf] of list) {
        this.docs[at] = doc;
        this.tfs[at++] = tf;
      }
    }
    this.docTerms = data.docLen.map(() => new Set<string>());
    for (const [term, entries] of data.postings) for (const [doc] of entries) this.docTerms[doc]?.add(term);
    const total = data.docLen.reduce((a, b) => a + b, 0);
    this.avgdl = data.docLen.length > 0 ? total / data.docLen.length : 1;
    const { k1, b } = data;
    this.norms = Float64Array.from(data.docLen, (len) => k1 * (1 - b + (b * (len ?? 0)) / this.avgdl));
  }

  /** Builds the index; document `i` is `docs[i]`. */
  static build(docs: ReadonlyArray<TermWeights>, k1 = 1.2, b = 0.75): Bm25Index {
    const byTerm = new Map<string, Array<[number, number]>>();
    const docLen: number[] = [];
    docs.forEach((doc, i) => {
      let len = 0;
      for (const [term, tf] of doc) {
        len += tf;
        let list = byTerm.get(term);
        if (!list) byTerm.set(term, (list = []));
        list.push([i, round(tf)]);
      }
      docLen.push(round(len));
    });
    const postings = [...byTerm.entries()].sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0));
    return new Bm25Index({ k1, b, docLen, postings });
  }

  static fromJSON(data: Bm25Data): Bm25Index {
    return new Bm25Index(data);
  }

  toJSON(): Bm25Data {
    return this.data;
  }

  get size(): number {
    return this.data.docLen.length;
  }

  /** Inverse document frequency; a term never seen gets the maximum (it is the most informative, and unmatched). */
  idf(term: string): number {
    const n = this.data.docLen.length;
    const t = this.termNumber.get(term);
    const df = t === undefined ? 0 : this.starts[t + 1]! - this.starts[t]!;
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }

  /** BM25 score of every document for the query terms (weight = how much the query cares about the term). */
  score(query: TermWeights): Float64Array {
    const scores = new Float64Array(this.data.docLen.length);
    const { k1 } = this.data;
    const norms = this.norms;
    const { docs, tfs, starts } = this;
    for (const [term, weight] of query) {
      const n = this.termNumber.get(term);
      if (n === undefined) continue;
      const idf = this.idf(term) * weight;
      for (let i = starts[n]!, end = starts[n + 1]!; i < end; i++) {
        const doc = docs[i]!;
        const tf = tfs[i]!;
        scores[doc] = scores[doc]! + (idf * tf * (k1 + 1)) / (tf + norms[doc]!);
      }
    }
    return scores;
  }

  /**
   * Share of the query's information (idf mass) that document `doc` contains, 0..1. Unlike a raw BM25 score this is
   * comparable across queries, which is what a confidence signal needs.
   */
  coverage(query: TermWeights, doc: number): number {
    const terms = this.docTerms[doc];
    if (!terms) return 0;
    let total = 0;
    let matched = 0;
    for (const [term, weight] of query) {
      // Unknown bigrams count fully on purpose: Vietnamese syllables are reused everywhere ("xổ", "bóng" exist in the
      // knowledge base), so it is the unknown two-syllable words ("xổ_số", "bóng_đá") that mark an off-topic question.
      const mass = this.idf(term) * weight;
      total += mass;
      if (terms.has(term)) matched += mass;
    }
    return total > 0 ? matched / total : 0;
  }
}

/** Rounds stored frequencies so JSON output never depends on floating-point noise. */
function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
