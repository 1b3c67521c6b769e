import { BoundedMap } from "./bounded-map.js";
import type { ChatChannel, InboxStore, OutboxMessage, OutboxStore } from "../../shared/delivery-ports.js";

interface Row extends OutboxMessage {
  channel: ChatChannel;
  state: "pending" | "dead";
  nextAt: number;
}

/**
 * The outbox in memory, for tests and scripts: same ordering and bounds as the database adapters, but lost on restart.
 * Dead letters are kept (at most `maxDead`) so `deadLetters()` can show them.
 */
export function createMemoryOutboxStore(maxDead = 1_000): OutboxStore & { rows(): readonly Row[] } {
  const rows: Row[] = [];
  let nextId = 1;
  const heads = (channel: ChatChannel) => {
    const seen = new Set<string>();
    return rows.filter((r) => {
      if (r.channel !== channel || r.state !== "pending" || seen.has(r.chatId)) return false;
      seen.add(r.chatId);
      return true;
    });
  };
  return {
    rows: () => rows,
    async append(channel, chatId, payloads, { now, maxPending }) {
      const waiting = rows.filter((r) => r.channel === channel && r.chatId === chatId && r.state === "pending").length;
      if (waiting >= maxPending) return false;
      for (const payload of payloads) {
        rows.push({ id: nextId++, channel, chatId, payload, attempts: 0, createdAt: now, state: "pending", nextAt: now.getTime() });
      }
      return true;
    },
    async due(channel, now, limit) {
      return heads(channel)
        .filter((r) => r.nextAt <= now.getTime())
        .sort((a, b) => a.nextAt - b.nextAt || a.id - b.id)
        .slice(0, limit)
        .map(({ id, chatId, payload, attempts, createdAt }) => ({ id, chatId, payload, attempts, createdAt }));
    },
    async nextDueAt(channel) {
      const times = heads(channel).map((r) => r.nextAt);
      return times.length > 0 ? new Date(Math.min(...times)) : undefined;
    },
    async settle(id, outcome) {
      const index = rows.findIndex((r) => r.id === id);
      const row = rows[index];
      if (!row) return;
      if (outcome.state === "sent") {
        rows.splice(index, 1);
        return;
      }
      row.attempts = outcome.attempts;
      if (outcome.state === "retry") row.nextAt = outcome.at.getTime();
      else row.state = "dead";
      const dead = rows.filter((r) => r.state === "dead");
      if (dead.length > maxDead && dead[0]) rows.splice(rows.indexOf(dead[0]), 1);
    },
  };
}

/** The inbox in memory (tests, scripts): de-duplicates within `ttlMs` and at most `maxEntries` recent updates. */
export function createMemoryInboxStore(ttlMs = 48 * 3_600_000, maxEntries = 10_000): InboxStore {
  const entries = new BoundedMap<string, { payload: string; at: number; done: boolean; key: string; channel: ChatChannel }>(maxEntries);
  const id = (channel: ChatChannel, key: string) => `${channel}\u0000${key}`;
  return {
    async accept(channel, key, payload, now) {
      const found = entries.get(id(channel, key));
      if (found && now.getTime() - found.at < ttlMs) return false;
      entries.set(id(channel, key), { payload, at: now.getTime(), done: false, key, channel });
      return true;
    },
    async done(channel, key) {
      const found = entries.get(id(channel, key));
      if (found) Object.assign(found, { done: true, payload: "" });
    },
    async unfinished(channel, limit) {
      return entries
        .values()
        .filter((e) => e.channel === channel && !e.done)
        .slice(0, limit)
        .map((e) => ({ key: e.key, payload: e.payload }));
    },
  };
}
