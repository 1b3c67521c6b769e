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
});
