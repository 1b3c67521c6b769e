/**
 * Group commit for small writes that arrive together (issue 14): the calls made in one turn of the event loop are run
 * as one batch — on SQLite one transaction, one write-guard check and one commit instead of one each — and every
 * caller still gets its own result. Under load dozens of webhook updates or delivery marks share a commit; when the
 * server is quiet a batch holds a single call, delayed by less than one event-loop turn.
 *
 * A batch that fails is retried call by call, so one bad call never fails the others with it.
 */
export function batchWrites<I, O>(runBatch: (items: I[]) => Promise<O[]>, maxBatch = 256): (item: I) => Promise<O> {
  const waiting: Array<{ item: I; resolve(out: O): void; reject(error: unknown): void }> = [];

  const flush = async (): Promise<void> => {
    const calls = waiting.splice(0, maxBatch);
    if (waiting.length > 0) setImmediate(() => void flush());
    try {
      const outs = await runBatch(calls.map((c) => c.item));
      calls.forEach((c, i) => c.resolve(outs[i] as O));
    } catch (error) {
      if (calls.length === 1) {
        calls[0]?.reject(error);
        return;
      }
      for (const c of calls) {
        await runBatch([c.item]).then(
          (outs) => c.resolve(outs[0] as O),
          (e: unknown) => c.reject(e),
        );
      }
    }
  };

  return (item) =>
    new Promise<O>((resolve, reject) => {
      waiting.push({ item, resolve, reject });
      // setImmediate runs after this turn's I/O callbacks: every request parsed in this turn joins the batch.
      if (waiting.length === 1) setImmediate(() => void flush());
    });
}
