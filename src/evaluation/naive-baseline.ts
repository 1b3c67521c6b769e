import { foldedTokens } from "../shared/fold.js";
import type { Lesson } from "../curriculum/types.js";

/**
 * The naive baseline every quality figure is reported beside (issue 9): plain BM25 over diacritic-folded section
 * text (lesson title, heading, body), returning the best section — or the best `k` — verbatim. No abbreviations, no
 * accent restoration, no paraphrase questions, no vectors, no thresholds: what any competent engineer writes in an
 * afternoon. If the assistant does not beat this, its pipeline adds nothing.
 */
export interface NaiveBaseline {
  /** The top-k sections' text, joined, as the baseline's "reply". */
  answer(question: string, k?: number): string;
}

const K1 = 1.2;
const B = 0.75;

export function createNaiveBaseline(lessons: readonly Lesson[]): NaiveBaseline {
  const docs = lessons.flatMap((l) => l.sections.map((s) => ({ text: `${s.heading}\n\n${s.body}`, tokens: foldedTokens(`${l.title} ${s.heading} ${s.body}`) })));
  const df = new Map<string, number>();
  const tfs = docs.map((d) => {
    const tf = new Map<string, number>();
    for (const t of d.tokens) tf.set(t, (tf.get(t) ?? 0) + 1);
    for (const t of tf.keys()) df.set(t, (df.get(t) ?? 0) + 1);
    return tf;
  });
  const avgdl = docs.reduce((sum, d) => sum + d.tokens.length, 0) / Math.max(docs.length, 1);
  const idf = (t: string) => Math.log(1 + (docs.length - (df.get(t) ?? 0) + 0.5) / ((df.get(t) ?? 0) + 0.5));

  return {
    answer(question, k = 1) {
      const terms = [...new Set(foldedTokens(question))];
      const scored = tfs.map((tf, i) => {
        const len = docs[i]?.tokens.length ?? 0;
        let score = 0;
        for (const t of terms) {
          const f = tf.get(t) ?? 0;
          if (f > 0) score += (idf(t) * f * (K1 + 1)) / (f + K1 * (1 - B + (B * len) / avgdl));
        }
        return { i, score };
      });
      scored.sort((a, b) => b.score - a.score || a.i - b.i);
      return scored
        .slice(0, k)
        .filter((s) => s.score > 0)
        .map((s) => docs[s.i]?.text ?? "")
        .join("\n\n");
    },
  };
}
