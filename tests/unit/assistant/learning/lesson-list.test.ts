import { describe, expect, it } from "vitest";
import { LESSONS_PER_PAGE } from "../../../../src/assistant/learning/lessons.js";
import { learningHarness } from "../../../fixtures/learning/harness.js";
import { makeLesson } from "../../../fixtures/learning/lessons.js";

describe("a topic's lessons, a few per page (one phone screen)", () => {
  const lessons = Array.from({ length: LESSONS_PER_PAGE + 2 }, (_, i) => makeLesson(`s-${i + 1}`, "safety"));

  it("lists the first page with 'Xem thêm bài', then the rest", async () => {
    const { say } = learningHarness({ lessons });
    const first = await say({ action: "ls:t:safety" });
    expect(first.text).toBe("Các bài học về An toàn, chống lừa đảo (trang 1/2):");
    expect(first.buttons?.map((b) => b.action)).toEqual([...lessons.slice(0, LESSONS_PER_PAGE).map((l) => `ls:o:${l.id}`), "ls:t:safety:1"]);
    expect(first.buttons?.at(-1)?.label).toBe("Xem thêm bài ▶");
    const second = await say({ action: "ls:t:safety:1" });
    expect(second.text).toContain("(trang 2/2)");
    expect(second.buttons?.map((b) => b.action)).toEqual(lessons.slice(LESSONS_PER_PAGE).map((l) => `ls:o:${l.id}`));
    // Typed "5" picks "Xem thêm bài" from the numbered menu, like a tap.
    await say({ action: "ls:t:safety" });
    expect((await say({ text: String(LESSONS_PER_PAGE + 1) })).text).toContain("(trang 2/2)");
  });

  it("clamps a page out of range and keeps a short topic on one page without a page number", async () => {
    const { say } = learningHarness({ lessons });
    expect((await say({ action: "ls:t:safety:99" })).text).toContain("(trang 2/2)");
    const short = learningHarness();
    const vneid = await short.say({ action: "ls:t:vneid" });
    expect(vneid.text).toBe("Các bài học về VNeID – định danh điện tử:");
    expect(vneid.buttons?.map((b) => b.action)).toEqual(["ls:o:l-one"]);
  });

  it("lists lessons in learning order (core paths, then `next` chains) with ✓ before passed ones", async () => {
    const z = { ...makeLesson("a-z", "safety"), next: "c-after-z" };
    const list = [makeLesson("a-first-file", "safety"), makeLesson("c-after-z", "safety"), makeLesson("l-two", "safety", [2, 2, 0]), z];
    const { say } = learningHarness({ lessons: list });
    await say({ action: "ob:yes" });
    // PATHS: l-two is on a core path; "a-z" then its `next`; the rest in file order.
    const before = await say({ action: "ls:t:safety" });
    expect(before.buttons?.map((b) => b.action)).toEqual(["ls:o:l-two", "ls:o:a-first-file", "ls:o:a-z", "ls:o:c-after-z"]);
    expect(before.buttons?.some((b) => b.label.startsWith("✓"))).toBe(false);
    let r = await say({ action: "qz:s:l-two" });
    for (let i = 0; i < 3; i++) r = await say({ action: `${r.quiz!.answerActionPrefix}${r.quiz!.correctIndex}` });
    expect(r.text).toContain("ĐẠT");
    const after = await say({ action: "ls:t:safety" });
    expect(after.buttons?.[0]?.label).toBe("✓ Bài l-two");
    expect(after.buttons?.[1]?.label).toBe("Bài a-first-file");
  });

  it("lists topics from the first steps on, not alphabetically", async () => {
    const list = [makeLesson("p", "payment"), makeLesson("b", "basics"), makeLesson("v", "vneid"), makeLesson("a", "about")];
    const { say } = learningHarness({ lessons: list });
    await say({ action: "ob:yes" });
    const topics = await say({ action: "ls:t" });
    expect(topics.buttons?.map((b) => b.action)).toEqual(["ls:t:basics", "ls:t:vneid", "ls:t:payment", "ls:t:about"]);
  });
});
