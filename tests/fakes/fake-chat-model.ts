import type { ChatModel } from "../../src/assistant/index.js";

/** A ChatModel that returns a scripted answer (or throws) and records its prompts. */
export class FakeChatModel implements ChatModel {
  readonly calls: Array<{ system: string; user: string; timeoutMs?: number }> = [];
  constructor(private readonly respond: (system: string, user: string) => string | Promise<string>) {}
  async complete(system: string, user: string, options?: { timeoutMs?: number }): Promise<string> {
    this.calls.push({ system, user, ...(options?.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}) });
    return this.respond(system, user);
  }
}
