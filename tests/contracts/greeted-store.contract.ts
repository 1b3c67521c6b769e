import { createHash, randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { GreetedStore } from "../../src/channels/zalo/index.js";
import { greetedKey } from "../../src/storage/channel-state.js";

/** The key the persistent adapters under test are built with (compose.ts passes the learner-id secret). */
export const GREETED_TEST_KEY = "test-greeted-key-0123456789abcdef";

export interface GreetedStoreSubject {
  store: GreetedStore;
  /** Persistent adapters: the same database on a new connection/handle (a restart). */
  reopen?(): Promise<GreetedStore>;
  /** Persistent adapters: every key physically stored, to prove no Zalo id is kept in clear. */
  storedKeys?(): Promise<string[]>;
  close(): Promise<void>;
}

/**
 * The behaviour every Zalo `GreetedStore` must have. `persistent` adapters must also survive a reopen and store only
 * a keyed hash (HMAC-SHA-256, hex) of the chat id, never the id itself.
 */
export function greetedStoreContract(
  name: string,
  options: { persistent: boolean; open(): Promise<GreetedStoreSubject> },
  skipReason?: string,
): void {
  if (skipReason) console.warn(`GreetedStore contract: ${name} skipped — ${skipReason}`);
  describe.skipIf(Boolean(skipReason))(`${name}: GreetedStore contract${skipReason ? ` (skipped: ${skipReason})` : ""}`, () => {
    let subject: GreetedStoreSubject;
    beforeAll(async () => {
      subject = await options.open();
    });
    afterAll(async () => {
      await subject?.close();
    });
    // Zalo user ids look like long decimal strings.
    const zaloId = () => `${Math.floor(Math.random() * 9e15 + 1e15)}${Math.floor(Math.random() * 1000)}`;

    it("has not greeted an unknown chat", async () => {
      expect(await subject.store.has(zaloId())).toBe(false);
    });

    it("remembers a greeted chat and keeps chats apart, even ids that share a prefix", async () => {
      const id = zaloId();
      await subject.store.add(id);
      expect(await subject.store.has(id)).toBe(true);
      expect(await subject.store.has(`${id}0`)).toBe(false);
      expect(await subject.store.has(id.slice(0, -1))).toBe(false);
    });

    it("accepts the same chat twice", async () => {
      const id = `chat-${randomUUID()}`;
      await subject.store.add(id);
      await subject.store.add(id);
      expect(await subject.store.has(id)).toBe(true);
    });

    it.runIf(options.persistent)("keeps greeted chats across a reopen (restart)", async () => {
      const id = zaloId();
      await subject.store.add(id);
      const reopened = await subject.reopen!();
      expect(await reopened.has(id)).toBe(true);
      expect(await reopened.has(zaloId())).toBe(false);
    });

    it.runIf(options.persistent)("stores a keyed hash of the id, never the id in clear nor its plain SHA-256", async () => {
      const id = zaloId();
      await subject.store.add(id);
      const keys = await subject.storedKeys!();
      expect(keys).toContain(greetedKey(GREETED_TEST_KEY, id));
      expect(keys).not.toContain(createHash("sha256").update(id, "utf8").digest("hex"));
      expect(keys.some((k) => k.includes(id))).toBe(false);
      for (const k of keys) expect(k).toMatch(/^[0-9a-f]{64}$/);
    });
  });
}
