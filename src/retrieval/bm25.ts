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

/**
 * The index's own arrays, for another thread: a structured clone copies them at memory speed, nothing is re-sorted
 * or re-built. The terms travel as one string (one line each): cloning ~25,000 separate strings cost more than
 * everything else together.
 */
export interface Bm25Layout {
  k1: number;
  b: number;
  terms: string;
  starts: Int32Array;
  docs: Int32Array;
  tfs: Float64Array;
  docLen: number[];
}

export class Bm25Index {
  private readonly avgdl: number;
  /**
   * Postings in the scoring loop's layout: term → its number; term n's entries are docs/tfs[starts[n] .. starts[n+1]),
   * in document order. One pair of flat typed arrays for the whole index (a typed array per term would cost ~100
   * bytes each on its own, and [doc, tf] pairs were most of a re-index's garbage).
   */
  private readonly termNumber: Map<string, number>;
  /** Term n is terms[n] (first-seen order when built, file order when loaded). */
  private readonly terms: string[];
  private readonly starts: Int32Array;
  private readonly docs: Int32Array;
  private readonly tfs: Float64Array;
  private readonly docLen: number[];
  /** Per document: k1 · (1 − b + b · |d| / avgdl), the same expression the scoring loop used to evaluate per posting. */
  private readonly norms: Float64Array;

  private constructor(
    private readonly k1: number,
    private readonly b: number,
    layout: { terms: string[]; starts: Int32Array; docs: Int32Array; tfs: Float64Array; docLen: number[] },
    termNumber?: Map<string, number>,
  ) {
    this.terms = layout.terms;
    this.starts = layout.starts;
    this.docs = layout.docs;
    this.tfs = layout.tfs;
    this.docLen = layout.docLen;
    this.termNumber = termNumber ?? new Map(this.terms.map((term, n) => [term, n]));
    const total = this.docLen.reduce((x, y) => x + y, 0);
    this.avgdl = this.docLen.length > 0 ? total / this.docLen.length : 1;
    this.norms = Float64Array.from(this.docLen, (len) => k1 * (1 - b + (b * (len ?? 0)) / this.avgdl));
  }

  /**
   * Builds the index; document `i` is `docs[i]`. Two passes straight into the typed arrays; terms are numbered in
   * first-seen order (toJSON sorts them for saving), so a re-index spends nothing on sorting ~60,000 terms.
   */
  static build(docs: ReadonlyArray<TermWeights>, k1 = 1.2, b = 0.75): Bm25Index {
    const number = new Map<string, number>();
    const terms: string[] = [];
    let counts = new Int32Array(1024);
    const docLen: number[] = [];
    for (const doc of docs) {
      let len = 0;
      for (const [term, tf] of doc) {
        len += tf;
        let n = number.get(term);
        if (n === undefined) {
          n = terms.length;
          number.set(term, n);
          terms.push(term);
          if (n >= counts.length) {
            const grown = new Int32Array(counts.length * 2);
            grown.set(counts);
            counts = grown;
          }
        }
        counts[n]!++;
      }
      docLen.push(round(len));
    }
    const starts = new Int32Array(terms.length + 1);
    for (let n = 0; n < terms.length; n++) starts[n + 1] = starts[n]! + counts[n]!;
    const fill = starts.slice(0, terms.length);
    const postingDocs = new Int32Array(starts[terms.length]!);
    const tfs = new Float64Array(starts[terms.length]!);
    docs.forEach((doc, i) => {
      for (const [term, tf] of doc) {
        const at = fill[number.get(term)!]!++;
        postingDocs[at] = i;
        tfs[at] = round(tf);
      }
    });
    return new Bm25Index(k1, b, { terms, starts, docs: postingDocs, tfs, docLen }, number);
  }

  static fromJSON(data: Bm25Data): Bm25Index {
    const terms = data.postings.map(([term]) => term);
    const starts = new Int32Array(terms.length + 1);
    let entries = 0;
    data.postings.forEach(([, list], n) => {
      starts[n] = entries;
      entries += list.length;
    });
    starts[terms.length] = entries;
    const docs = new Int32Array(entries);
    const tfs = new Float64Array(entries);
    let at = 0;
    for (const [, list] of data.postings) {
      for (const [doc, tf] of list) {
        docs[at] = doc;
        tfs[at++] = tf;
      }
    }
    return new Bm25Index(data.k1, data.b, { terms, starts, docs, tfs, docLen: [...data.docLen] });
  }

  /** This index's arrays as they are (see Bm25Layout). */
  layout(): Bm25Layout {
    const { k1, b, starts, docs, tfs, docLen } = this;
    return { k1, b, terms: this.terms.join("\n"), starts, docs, tfs, docLen };
  }

  static fromLayout(layout: Bm25Layout): Bm25Index {
    return new Bm25Index(layout.k1, layout.b, { ...layout, terms: layout.terms ? layout.terms.split("\n") : [] });
  }

  /** The saved form (data/index/lexical.json with a remote embedder); terms sorted, so identical input gives identical bytes. */
  toJSON(): Bm25Data {
    const postings = this.terms.map((term, n): [string, Array<[number, number]>] => {
      const list: Array<[number, number]> = [];
      for (let i = this.starts[n]!; i < this.starts[n + 1]!; i++) list.push([this.docs[i]!, this.tfs[i]!]);
      return [term, list];
    });
    postings.sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0));
    return { k1: this.k1, b: this.b, docLen: [...this.docLen], postings };
  }

  /** Each term with its document frequency (the lexical ranker learns accent restoration from them). */
  *termFrequencies(): Generator<[term: string, df: number]> {
    for (let n = 0; n < this.terms.length; n++) yield [this.terms[n]!, this.starts[n + 1]! - this.starts[n]!];
  }

  get size(): number {
    return this.docLen.length;
  }

  /** Inverse document frequency; a term never seen gets the maximum (it is the most informative, and unmatched). */
  idf(term: string): number {
    const n = this.docLen.length;
    const t = this.termNumber.get(term);
    const df = t === undefined ? 0 : this.starts[t + 1]! - this.starts[t]!;
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }

  /** BM25 score of every document for the query terms (weight = how much the query cares about the term). */
  score(query: TermWeights): Float64Array {
    const scores = new Float64Array(this.docLen.length);
    const { k1 } = this;
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
    if (doc < 0 || doc >= this.docLen.length) return 0;
    let total = 0;
    let matched = 0;
    for (const [term, weight] of query) {
      // Unknown bigrams count fully on purpose: Vietnamese syllables are reused everywhere ("xổ", "bóng" exist in the
      // knowledge base), so it is the unknown two-syllable words ("xổ_số", "bóng_đá") that mark an off-topic question.
      const mass = this.idf(term) * weight;
      total += mass;
      if (this.contains(term, doc)) matched += mass;
    }
    return total > 0 ? matched / total : 0;
  }

  /**
   * Whether document `doc` has the term: a binary search in the term's postings, which are in document order. (A
   * set of terms per document answered this too, but building those sets was most of a re-index's time.)
   */
  private contains(term: string, doc: number): boolean {
    const n = this.termNumber.get(term);
    if (n === undefined) return false;
    let lo = this.starts[n]!;
    let hi = this.starts[n + 1]! - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const d = this.docs[mid]!;
      if (d === doc) return true;
      if (d < doc) lo = mid + 1;
      else hi = mid - 1;
    }
    return false;
  }
}

/** Rounds stored frequencies so JSON output never depends on floating-point noise. */
function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
