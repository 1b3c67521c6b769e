import { describe, expect, it } from "vitest";
import { renderZaloReply } from "../../../../src/channels/zalo/render.js";
import { learningHarness } from "../../../fixtures/learning/harness.js";
import { markdownLessons } from "../../../fixtures/learning/lessons.js";

describe("lesson parts on Zalo", () => {
  it("Zalo: plain text with • items and the linked lesson as a numbered choice", async () => {
    const { say } = learningHarness({ lessons: markdownLessons(), channel: "zalo" });
    await say({ action: "ob:yes" });
    await say({ action: "ls:o:l-one" });
    const text = renderZaloReply(await say({ action: "ls:n" })).parts.join("\n");
    expect(text).not.toMatch(/\*\*|\]\(|^- /m);
    expect(text).toContain("• Ý một\n• Ý hai\n\nLưu ý an toàn: Xem bài Bài hai.");
    expect(text).toContain("1. Tiếp\n2. Xem bài: Bài hai");
  });

  it("Zalo: the lesson intro says to type 'tiếp', never 'Bấm \"Tiếp\"'", async () => {
    const { say } = learningHarness({ lessons: markdownLessons(), channel: "zalo" });
    await say({ action: "ob:yes" });
    const first = renderZaloReply(await say({ action: "ls:o:l-one" })).parts.join("\n");
    expect(first).toMatch(/Gõ "tiếp" để đọc phần sau/);
    expect(first).not.toMatch(/Bấm/);
  });
});
