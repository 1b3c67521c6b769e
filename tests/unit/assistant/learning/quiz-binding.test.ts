import { describe, expect, it } from "vitest";
import type { Reply } from "../../../../src/assistant/types.js";
import { learningHarness } from "../../../fixtures/learning/harness.js";

const ANSWERED = "http://adlnet.gov/expapi/verbs/answered";
/** The action for display option `i` of the question a reply shows. */
const tap = (r: Reply, i: number) => `${r.quiz!.answerActionPrefix}${i}`;

async function quizStarted() {
  const h = learningHarness();
  await h.say({ action: "ob:yes" });
  const first = await h.say({ action: "qz:s:l-one" });
  return { ...h, first };
}

describe("quiz answers are tied to the question they answer", () => {
  it("names the attempt and the question in every answer action", async () => {
    const { first } = await quizStarted();
    expect(first.quiz).toMatchObject({ position: 1, total: 3 });
    expect(first.quiz!.answerActionPrefix).toMatch(/^qa:[0-9a-f]{8}:0:$/);
  });

  it("never lets a double-sent answer answer the next question", async () => {
    const { say, store, learnerId, first } = await quizStarted();
    const second = await say({ action: tap(first, 0) });
    expect(second.quiz?.position).toBe(2);
    const again = await say({ action: tap(first, 0) }); // the same tap delivered twice
    expect(again.text).toContain("Câu này bạn đã trả lời rồi.");
    expect(again.quiz).toMatchObject({ position: 2, answerActionPrefix: second.quiz!.answerActionPrefix });
    const attempt = await store.activeAttempt(await learnerId());
    expect(attempt).toMatchObject({ currentIndex: 1, answers: [expect.any(Number)] });
    expect(await store.queryStatements({ limit: 50, verb: ANSWERED })).toHaveLength(1);
  });

  it("ignores a stale button of an earlier question, whichever option it names", async () => {
    const { say, store, first } = await quizStarted();
    const second = await say({ action: tap(first, 1) });
    for (const i of [0, 1, 2]) {
      const stale = await say({ action: tap(first, i) });
      expect(stale.quiz?.position).toBe(2);
    }
    const third = await say({ action: tap(second, 2) });
    expect(third.quiz?.position).toBe(3);
    expect(await store.queryStatements({ limit: 50, verb: ANSWERED })).toHaveLength(2);
  });

  it("ignores buttons of a finished attempt in the next attempt, and repeats of the last answer", async () => {
    const { say, store, first } = await quizStarted();
    let r = first;
    const old: string[] = [];
    for (let i = 0; i < 3; i++) {
      old.push(tap(r, 0));
      r = await say({ action: tap(r, 0) });
    }
    expect(r.quiz).toBeUndefined(); // the result
    const repeat = await say({ action: old[2]! });
    expect(repeat.quiz).toBeUndefined();
    expect(repeat.text).toMatch(/đã trả lời rồi|không có câu hỏi nào/);
    const retry = await say({ action: "qz:s:l-one" });
    expect(retry.quiz?.position).toBe(1);
    // Same question index, other attempt: refused, and the new attempt's first question is shown again.
    const foreign = await say({ action: old[0]! });
    expect(foreign.text).toContain("Câu này bạn đã trả lời rồi.");
    expect(foreign.quiz?.answerActionPrefix).toBe(retry.quiz!.answerActionPrefix);
    expect(await store.queryStatements({ limit: 50, verb: ANSWERED })).toHaveLength(3);
  });

  it("re-shows the open question with the same option order on 'qz:r' (the web page after a reload)", async () => {
    const { say, first } = await quizStarted();
    const second = await say({ action: tap(first, 0) });
    const resumed = await say({ action: "qz:r" });
    expect(resumed.text).toContain("Bạn đang làm dở bài kiểm tra.");
    expect(resumed.quiz).toEqual(second.quiz);
  });

  it("says politely that nothing is open on 'qz:r' without a quiz", async () => {
    const { say } = learningHarness();
    const r = await say({ action: "qz:r" });
    expect(r.quiz).toBeUndefined();
    expect(r.text).toContain("Hiện không có câu hỏi nào đang chờ trả lời.");
  });
});
