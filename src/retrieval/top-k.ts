/**
 * The `k` best positions by score, best first, ties by lower position: exactly the first `k` of sorting the
 * candidates by (score descending, position ascending), without sorting all of them. A ranking needs its top 50 of
 * a few thousand sections (issue 14: sorting every section with a score was a large share of a query at 2,000+
 * sections). A bounded heap keeps the k best seen so far, its worst at the root.
 *
 * @param scores score by position
 * @param candidates the positions to consider, in any order
 */
export function topPositions(scores: ArrayLike<number>, candidates: ArrayLike<number>, k: number): number[] {
  if (k <= 0) return [];
  // `worse(a, b)`: a ranks below b.
  const worse = (a: number, b: number) => scores[a]! < scores[b]! || (scores[a] === scores[b] && a > b);
  const heap: number[] = [];
  const siftDown = (at: number) => {
    for (;;) {
      const left = 2 * at + 1;
      if (left >= heap.length) return;
      const right = left + 1;
      const child = right < heap.length && worse(heap[right]!, heap[left]!) ? right : left;
      if (!worse(heap[child]!, heap[at]!)) return;
      [heap[at], heap[child]] = [heap[child]!, heap[at]!];
      at = child;
    }
  };
  for (let c = 0; c < candidates.length; c++) {
    const p = candidates[c]!;
    if (heap.length < k) {
      heap.push(p);
      for (let at = heap.length - 1; at > 0; ) {
        const parent = (at - 1) >> 1;
        if (!worse(heap[at]!, heap[parent]!)) break;
        [heap[at], heap[parent]] = [heap[parent]!, heap[at]!];
        at = parent;
      }
    } else if (worse(heap[0]!, p)) {
      heap[0] = p;
      siftDown(0);
    }
  }
  return heap.sort((a, b) => (worse(a, b) ? 1 : worse(b, a) ? -1 : 0));
}
