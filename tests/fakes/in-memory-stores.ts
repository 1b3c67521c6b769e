import type { ConversationState, ConversationStore, UnansweredLog } from "../../src/assistant/index.js";

/** In-memory ConversationStore; stores JSON copies so tests catch state that is not serialisable. */
export class InMemoryConversationStore implements ConversationStore {
  readonly data = new Map<string, string>();
  sets = 0;
  async get(learnerId: string): Promise<ConversationState | undefined> {
    const raw = this.data.get(learnerId);
    return raw === undefined ? undefined : (JSON.parse(raw) as ConversationState);
  }
  async set(learnerId: string, state: ConversationState): Promise<void> {
    this.sets += 1;
    this.data.set(learnerId, JSON.stringify(state));
  }
}

export class InMemoryUnansweredLog implements UnansweredLog {
  readonly rows = new Map<string, { text: string; reason: string; count: number; lastAt: string }>();
  async record(normalizedText: string, reason: "out_of_scope" | "low_confidence"): Promise<void> {
    const key = `${reason}\u0000${normalizedText}`;
    const row = this.rows.get(key) ?? { text: normalizedText, reason, count: 0, lastAt: "" };
    row.count += 1;
    row.lastAt = new Date().toISOString();
    this.rows.set(key, row);
  }
  async top(limit: number) {
    return [...this.rows.values()].sort((a, b) => b.count - a.count).slice(0, limit);
  }
}
