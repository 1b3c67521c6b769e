import { describe, expect, it } from "vitest";
import { CallbackData } from "../../../../src/channels/telegram/callback-data.js";
import { pollExplanation, renderReply } from "../../../../src/channels/telegram/render.js";
import type { Reply } from "../../../../src/assistant/types.js";

const quizReply: Reply = {
  kind: "quiz",
  text: "Đúng rồi!\n\nCâu 2/3: Mã OTP có được đưa cho người khác không?\n1. Có\n2. Không",
  quiz: { answerActionPrefix: "q:ab:2:", question: "Mã OTP có được đưa cho người khác không?", options: ["Có", "Không"], correctIndex: 1, explanation: "Không bao giờ.", position: 2, total: 3 },
  sources: [],
  confidence: 1,
};

describe("renderReply (Telegram)", () => {
  it("gives a long label its own row and cuts it to what a phone shows", () => {
    const long = "Xem bài: Bị lừa chuyển tiền qua mạng thì phải làm gì ngay để giữ lại tiền của mình";
    const out = renderReply(
      { kind: "lesson", text: "Phần 2/3", buttons: [{ label: "Tiếp ▶", action: "ls:n" }, { label: long, action: "ls:o:x" }, { label: "Bài khác", action: "ls:t" }], sources: [], confidence: 1 },
      { isPrivate: true },
    );
    const rows = (out[0] as { buttons: Array<Array<{ label: string; action: string }>> }).buttons;
    expect(rows.map((r) => r.map((b) => b.action))).toEqual([["ls:n"], ["ls:o:x"], ["ls:t"]]);
    const cut = rows[1]![0]!.label;
    expect(cut.length).toBeLessThanOrEqual(56);
    expect(cut.startsWith("Xem bài: Bị lừa chuyển tiền")).toBe(true);
    expect(cut.endsWith("…")).toBe(true);
  });

  it("puts step buttons, two per row, under the last part only", () => {
    const long = `${"Bước một rất dài. ".repeat(300)}`;
    const out = renderReply(
      { kind: "step", text: long, buttons: [{ label: "Bước tiếp ▶", action: "s:next" }, { label: "Lặp lại", action: "s:rep" }, { label: "Dừng", action: "s:stop" }], sources: [], confidence: 1 },
      { isPrivate: true },
    );
    expect(out.length).toBe(2);
    expect(out[0]).toMatchObject({ type: "text", buttons: undefined });
    expect(out[1]).toMatchObject({ type: "text", buttons: [[{ action: "s:next" }, { action: "s:rep" }], [{ action: "s:stop" }]] });
  });

  it("turns a quiz into feedback text + a native quiz poll in private chats", () => {
    const out = renderReply(quizReply, { isPrivate: true });
    expect(out[0]).toEqual({ type: "text", html: "Đúng rồi!", buttons: undefined });
    expect(out[1]).toMatchObject({ type: "quiz-poll", question: "Câu 2/3: Mã OTP có được đưa cho người khác không?", options: ["Có", "Không"], correctIndex: 1 });
  });

  it("turns a quiz into one answer button per option in groups", () => {
    const out = renderReply(quizReply, { isPrivate: false });
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({ type: "text", buttons: [[{ label: "1. Có", action: "q:ab:2:0" }], [{ label: "2. Không", action: "q:ab:2:1" }]] });
  });

  it("keeps poll explanations within 200 characters and 2 line feeds", () => {
    const e = pollExplanation("a\nb\nc\nd\n" + "x".repeat(300));
    expect(e.length).toBeLessThanOrEqual(200);
    expect(e.split("\n").length).toBeLessThanOrEqual(3);
  });
});

describe("CallbackData", () => {
  it("passes short actions through and swaps long ones for ids under 64 bytes", () => {
    const data = new CallbackData();
    expect(data.encode("s:next")).toBe("s:next");
    const long = `q:${"đáp án ".repeat(10)}`;
    const encoded = data.encode(long);
    expect(Buffer.byteLength(encoded)).toBeLessThanOrEqual(64);
    expect(data.decode(encoded)).toBe(long);
    expect(data.decode("~unknown")).toBeUndefined();
  });
});

describe("Telegram retry policy", () => {
  it("waits retry_after on 429, backs off on 5xx and network errors, never retries 4xx", async () => {
    const { telegramRetryDelayMs, telegramFatalMessage } = await import("../../../../src/channels/telegram/retry-policy.js");
    expect(telegramRetryDelayMs({ response: { error_code: 429, parameters: { retry_after: 7 } } }, 1)).toBe(7000);
    expect(telegramRetryDelayMs({ response: { error_code: 502 } }, 3, 100)).toBe(400);
    expect(telegramRetryDelayMs({ name: "FetchError", code: "ECONNRESET" }, 1, 100)).toBe(100);
    expect(telegramRetryDelayMs({ response: { error_code: 400 } }, 1)).toBeUndefined();
    expect(telegramFatalMessage({ response: { error_code: 401 } })).toMatch(/TELEGRAM_BOT_TOKEN/);
    expect(telegramFatalMessage({ response: { error_code: 409 } })).toMatch(/telegram:webhook -- delete/);
  });
});
