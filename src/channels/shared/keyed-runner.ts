/**
 * Runs incoming work in the background, one task at a time per chat (so two quick questions are answered in order)
 * and chats in parallel. The platform gets its 200 / next poll at once; `idle()` lets shutdown and tests wait.
 */
export class KeyedRunner {
  private readonly tails = new Map<string, Promise<void>>();

  constructor(private readonly onError: (error: unknown, key: string) => void) {}

  run(key: string, task: () => Promise<void>): Promise<void> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const tail = previous.then(task).catch((error: unknown) => this.onError(error, key));
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return tail;
  }

  /** Resolves when no task is running or waiting. */
  async idle(): Promise<void> {
    while (this.tails.size > 0) await Promise.all([...this.tails.values()]);
  }

  get busyChats(): number {
    return this.tails.size;
  }
}
