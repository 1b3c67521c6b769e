/**
 * A pure function of a short text with its recent results remembered: the same syllables, cue words, section texts
 * and questions are folded and normalised again on every turn, and a Map lookup costs a fraction of the regular
 * expressions and Unicode normalisation it saves. Results are identical (the function must be pure). The memo is
 * cleared whenever it holds `limit` results, and texts longer than `maxLength` are computed without being kept, so
 * memory stays bounded whatever people type.
 */
export function memoizeText<T>(compute: (text: string) => T, options: { limit: number; maxLength: number }): (text: string) => T {
  const memo = new Map<string, T>();
  return (text) => {
    if (text.length > options.maxLength) return compute(text);
    let out = memo.get(text);
    if (out === undefined) {
      if (memo.size >= options.limit) memo.clear();
      out = compute(text);
      memo.set(text, out);
    }
    return out;
  };
}
