import { describe, expect, it } from "vitest";
import { createInbox } from "../../../../src/channels/shared/inbox.js";
import { createMemoryInboxStore } from "../../../../src/channels/shared/memory-delivery-store.js";

/** A processing step the test releases by hand, so "the process stopped mid-way" needs no timing. */
function gate() {
  let open: (ok: boolean) => void = () => undefined;
  const seen: string[] = [];
  return {
    seen,
    release: (ok = true) => open(ok),
    process: (payload: string) => {
      seen.push(payload);
      return new Promise<boolean>((resolve) => (open = resolve));
    },
  };
}

describe("inbox", () => {
  it("stores an update before processing it, and recognises a redelivery", async () => {
    const store = createMemoryInboxStore();
    const processed: string[] = [];
    const inbox = createInbox({ channel: "telegram", store, process: async (p) => (processed.push(p), true) });
    expect(await inbox.accept("7", "update-7")).toBe(true);
    expect(await inbox.accept("7", "update-7")).toBe(false);
    await inbox.idle();
    expect(processed).toEqual(["update-7"]);
    expect(await store.unfinished("telegram", 10)).toEqual([]);
  });

  it("replays an update whose processing never finished (a crash after the 200), once", async () => {
    const store = createMemoryInboxStore();
    const first = gate();
    const crashed = createInbox({ channel: "zalo", store, process: first.process });
    expect(await crashed.accept("m1", "event-1")).toBe(true);
    expect(first.seen).toEqual(["event-1"]);
    // The process "dies" here: `first` is never released and its inbox is dropped.

    const processed: string[] = [];
    const restarted = createInbox({ channel: "zalo", store, process: async (p) => (processed.push(p), true) });
    expect(await restarted.accept("m1", "event-1")).toBe(false); // the platform redelivers: still not twice
    expect(await restarted.replay()).toBe(1);
    await restarted.idle();
    expect(processed).toEqual(["event-1"]);
    expect(await restarted.replay()).toBe(0);
  });

  it("leaves an update for the next start when processing reports failure or throws", async () => {
    const store = createMemoryInboxStore();
    const inbox = createInbox({
      channel: "telegram",
      store,
      process: async (p) => {
        if (p === "throws") throw new Error("database gone");
        return false;
      },
    });
    await inbox.accept("1", "fails");
    await inbox.accept("2", "throws");
    await inbox.idle();
    expect((await store.unfinished("telegram", 10)).map((e) => e.key)).toEqual(["1", "2"]);
  });

  it("does not replay an update this process is still working on", async () => {
    const store = createMemoryInboxStore();
    const slow = gate();
    const inbox = createInbox({ channel: "telegram", store, process: slow.process });
    await inbox.accept("9", "update-9");
    expect(await inbox.replay()).toBe(0);
    slow.release();
    await inbox.idle();
    expect(slow.seen).toEqual(["update-9"]);
  });

  it("answers a failed store with a rejection, so the webhook does not acknowledge", async () => {
    const store = createMemoryInboxStore();
    const broken = { ...store, accept: async () => Promise.reject(new Error("SQLITE_BUSY")) };
    const inbox = createInbox({ channel: "telegram", store: broken, process: async () => true });
    await expect(inbox.accept("1", "u")).rejects.toThrow("SQLITE_BUSY");
  });
});
