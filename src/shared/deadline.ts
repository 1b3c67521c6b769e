/** Thrown by `withDeadline` when the promise did not settle in time. */
export class DeadlineError extends Error {
  constructor(readonly what: string, readonly ms: number) {
    super(`${what} took longer than ${ms} ms`);
    this.name = "DeadlineError";
  }
}

/**
 * Rejects after `ms` if `promise` has not settled. A safety net for calls to remote endpoints: whatever the client
 * library does with its own timeouts (retries, DNS, a server that trickles bytes), the citizen waits at most `ms`.
 * The losing promise is left to settle on its own (its rejection is swallowed, so it is never "unhandled").
 */
export function withDeadline<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new DeadlineError(what, ms)), ms);
  });
  promise.catch(() => undefined);
  return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
}
