import { describe, expect, it } from "vitest";
import { renderReplyText } from "../../../../src/channels/cli/index.js";
import { learningHarness } from "../../../fixtures/learning/harness.js";
import { markdownLessons } from "../../../fixtures/learning/lessons.js";

describe("lesson parts in the terminal", () => {
  it("terminal: the same plain text, and a quiz question printed once", async () => {
    const { say } = learningHarness({ lessons: markdownLessons(), channel: "cli" });
    await say({ action: "ob:yes" });
    await say({ action: "ls:o:l-one" });
    const lesson = renderReplyText(await say({ action: "ls:n" }));
    expect(lesson.text).not.toMatch(/\*\*|\]\(|^- /m);
    expect(lesson.options.map((o) => o.label)).toEqual(["Tiếp ▶", "Xem bài: Bài hai"]);
    const quiz = renderReplyText(await say({ action: "qz:s:l-one" }));
    expect(quiz.text.match(/Câu 1\/3: Câu hỏi 1 của l-one\?/g)).toHaveLength(1);
    expect(quiz.options).toHaveLength(3);
  });
});
