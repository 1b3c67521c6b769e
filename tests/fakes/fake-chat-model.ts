import type { ChatModel } from "../../src/assistant/index.js";

/** A ChatModel that returns a scripted answer (or throws) and records its prompts. */
export class FakeChatModel implements ChatModel {
  readonly calls: Array<{ system: string; user: string }> = [];
  constructor(private readonly respond: (system: string, user: string) => string | Promise<string>) {}
  async complete(system: string, user: string): Promise<string> {
    this.calls.push({ system, user });
    return this.respond(system, user);
  }
}
