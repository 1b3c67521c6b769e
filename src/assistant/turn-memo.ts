/**
 * Reads that several parts of one turn need, done once: the question observer and the local-notices decorator both
 * need the learner's profile, and each read it from the database on every question (issue 14). Results are kept
 * with the turn object and go with it, so nothing outlives the turn or crosses to another instance. Only for reads
 * that the turn itself does not change after the first one (a profile saved during onboarding is saved before any
 * of these reads).
 */
const memos = new WeakMap<object, Map<string, Promise<unknown>>>();

export function oncePerTurn<T>(turn: object, key: string, read: () => Promise<T>): Promise<T> {
  let memo = memos.get(turn);
  if (!memo) memos.set(turn, (memo = new Map()));
  let result = memo.get(key) as Promise<T> | undefined;
  if (!result) {
    result = read();
    memo.set(key, result);
    // A failed read is not remembered: the next part tries again.
    result.catch(() => memo.delete(key));
  }
  return result;
}
