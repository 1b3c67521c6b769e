import { describe, expect, it } from "vitest";
import { createLearning } from "../../../src/assistant/learning/index.js";
import { oncePerTurn } from "../../../src/assistant/turn-memo.js";
import { openSqlite } from "../../../src/storage/sqlite/database.js";
import { createSqliteLearningStore } from "../../../src/storage/sqlite/learning-store.js";
import { LESSONS, PATHS } from "../../fixtures/learning/lessons.js";

describe("oncePerTurn", () => {
  it("reads once per turn and key; another turn or key reads again", async () => {
    let reads = 0;
    const read = async () => ++reads;
    const turn = {};
    expect(await oncePerTurn(turn, "a", read)).toBe(1);
    expect(await oncePerTurn(turn, "a", read)).toBe(1);
    expect(await oncePerTurn(turn, "b", read)).toBe(2);
    expect(await oncePerTurn({}, "a", read)).toBe(3);
  });

  it("does not remember a failed read", async () => {
    const turn = {};
    await expect(oncePerTurn(turn, "a", async () => Promise.reject(new Error("busy")))).rejects.toThrow("busy");
    expect(await oncePerTurn(turn, "a", async () => "ok")).toBe("ok");
  });
});

describe("the learning profile in one turn", () => {
  it("is read once for the question observer and the local notices together, again in the next turn", async () => {
    const store = createSqliteLearningStore(openSqlite(":memory:"));
    let reads = 0;
    const counting = { ...store, getProfile: async (id: string) => (reads++, store.getProfile(id)) };
    const learning = createLearning({
      store: counting, lessons: LESSONS, corePaths: PATHS, homePage: "https://troly.so", quiz: { passPercent: 80, maxAttempts: 2 },
      learnerIdSecret: "secret-secret-secret-secret-secret",
    });
    const turn = {};
    const asked = { learnerId: "l1", text: "otp là gì", confidence: 0.9, answered: true, at: new Date(), turn };
    await learning.questionObserver.questionAsked(asked);
    expect(await learning.profileOf("l1", turn)).toBeUndefined();
    expect(reads).toBe(1);
    await learning.questionObserver.questionAsked({ ...asked, turn: {} });
    expect(reads).toBe(2);
  });
});
