import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { renderReplyText, runChatRepl } from "../../../../src/channels/cli/index.js";
import { buildTestAssistant } from "../../../fakes/test-assistant.js";

describe("terminal chat", () => {
  it("renders buttons as numbered options", () => {
    const { text, options } = renderReplyText({
      kind: "step",
      text: "Bước 1/3: Mở CH Play.",
      buttons: [{ label: "Bước tiếp ▶", action: "s:next" }, { label: "Dừng", action: "s:stop" }],
      sources: [],
      confidence: 1,
    });
    expect(text).toBe("Bước 1/3: Mở CH Play.\n\n  [1] Bước tiếp ▶\n  [2] Dừng");
    expect(options.map((o) => o.action)).toEqual(["s:next", "s:stop"]);
  });

  it("greets, answers, and taps a button when the user types its number", async () => {
    const { assistant } = buildTestAssistant({ threshold: 0.5 });
    const input = new PassThrough();
    const output = new PassThrough();
    let out = "";
    output.on("data", (d) => (out += String(d)));
    const done = runChatRepl({ assistant, input, output, userId: "t" });
    input.end("tải ứng dụng VNeID ở đâu\n1\n1\n/thoat\n");
    expect(await done).toBe(4);
    expect(out).toContain("[greeting]");
    // The answer offers the steps as option [1]; typing 1 starts them, typing 1 again ("Bước tiếp") moves on.
    expect(out).toContain("[1] Làm từng bước ▶");
    expect(out).toContain("Bước 1/3:");
    expect(out).toContain("Bước 2/3:");
    expect(out).toContain("Tạm biệt!");
  });
});
