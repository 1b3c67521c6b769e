import { createKeyedQueue } from "../../shared/keyed-queue.js";

/**
 * Runs incoming work in the background, one task at a time per chat (so two quick questions are answered in order)
 * and chats in parallel. The platform gets its 200 / next poll at once; `idle()` lets shutdown and tests wait.
 * A failing task is reported to `onError` and never blocks the chat's later tasks.
 */
export class KeyedRunner {
  private readonly queue = createKeyedQueue();

  constructor(private readonly onError: (error: unknown, key: string) => void) {}

  run(key: string, task: () => Promise<void>): Promise<void> {
    return this.queue.run(key, task).catch((error: unknown) => this.onError(error, key));
  }

  /** Resolves when no task is running or waiting. */
  idle(): Promise<void> {
    return this.queue.idle();
  }

  get busyChats(): number {
    return this.queue.size;
  }
}
