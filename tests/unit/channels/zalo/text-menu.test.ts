import { describe, expect, it } from "vitest";
import type { Reply } from "../../../../src/assistant/types.js";
import { renderZaloReply } from "../../../../src/channels/zalo/render.js";
import { buildTextMenu, matchTextMenu } from "../../../../src/channels/zalo/text-menu.js";

const stepReply: Reply = {
  kind: "step",
  text: "Bước 1: Mở CH Play.",
  buttons: [
    { label: "Bước tiếp ▶", action: "s:next" },
    { label: "Lặp lại", action: "s:rep" },
    { label: "Xem tất cả", action: "s:all" },
    { label: "Dừng", action: "s:stop" },
  ],
  sources: [],
  confidence: 1,
};
const quizReply: Reply = {
  kind: "quiz",
  text: "Câu 1/3: Nên tải VNeID từ đâu?",
  quiz: { answerActionPrefix: "q:7:", question: "Nên tải VNeID từ đâu?", options: ["Link lạ", "CH Play", "File APK"], correctIndex: 1, explanation: "", position: 1, total: 3 },
  sources: [],
  confidence: 1,
};

describe("Zalo text menus", () => {
  it("renders step buttons as a numbered list with the TIẾP hint", () => {
    const { text } = buildTextMenu(stepReply);
    expect(text).toBe("1. Bước tiếp\n2. Lặp lại\n3. Xem tất cả\n4. Dừng\nGõ TIẾP để xem bước sau, hoặc gõ 1, 2, 3 hoặc 4.");
  });

  it("maps typed numbers and words back to actions, ignoring case and diacritics", () => {
    const { menu } = buildTextMenu(stepReply);
    expect(["TIẾP", "tiep", "Tiếp!", "bước tiếp", "1"].map((t) => matchTextMenu(t, menu))).toEqual(Array(5).fill("s:next"));
    expect(matchTextMenu("lap lai", menu)).toBe("s:rep");
    expect(matchTextMenu("Xem tat ca", menu)).toBe("s:all");
    expect(matchTextMenu("DỪNG", menu)).toBe("s:stop");
    expect(matchTextMenu("dung", menu)).toBe("s:stop");
    // "đúng" (right) must not fold into "dừng" (stop).
    expect(matchTextMenu("đúng", menu)).toBeUndefined();
    expect(matchTextMenu("5", menu)).toBeUndefined();
    expect(matchTextMenu("cách nộp hồ sơ", menu)).toBeUndefined();
    expect(matchTextMenu("1", undefined)).toBeUndefined();
  });

  it("lists quiz options, asks for 1, 2 or 3 and accepts numbers or letters", () => {
    const { text, menu } = buildTextMenu(quizReply);
    expect(text).toBe("1. Link lạ\n2. CH Play\n3. File APK\nGõ 1, 2 hoặc 3 để trả lời.");
    expect(matchTextMenu("2", menu)).toBe("q:7:1");
    expect(matchTextMenu("b", menu)).toBe("q:7:1");
    expect(matchTextMenu("Đáp án 3", menu)).toBe("q:7:2");
  });

  it("renders no menu for a plain answer", () => {
    const out = renderZaloReply({ kind: "answer", text: "Trả lời.", sources: [], confidence: 1 });
    expect(out).toEqual({ parts: ["Trả lời."], menu: undefined });
  });
});
