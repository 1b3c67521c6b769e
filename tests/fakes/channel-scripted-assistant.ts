import type { Assistant, IncomingMessage, Reply, SourceRef } from "../../src/assistant/types.js";

export const fakeSource: SourceRef = {
  id: "vneid-cai-dat",
  title: "Cài đặt ứng dụng VNeID",
  section: "Tải ứng dụng",
  url: "https://vneid.gov.vn/",
  updated: "2026-11-20",
};

const steps = ["Bước 1: Mở CH Play.", "Bước 2: Gõ VNeID vào ô tìm kiếm.", "Bước 3: Bấm Cài đặt."];
const stepButtons = [
  { label: "Bước tiếp ▶", action: "s:next" },
  { label: "Lặp lại", action: "s:rep" },
  { label: "Xem tất cả", action: "s:all" },
  { label: "Dừng", action: "s:stop" },
];
const quizOptions = ["Từ đường link người lạ gửi", "Từ CH Play hoặc App Store", "Từ file APK trên mạng"];

/**
 * A stand-in for the core that returns one canned Reply of each kind, so channel tests exercise every rendering
 * path: answer with a source, step mode with buttons, quiz, greeting, refusal. It records what it received.
 * `override` lets a test return a specific Reply (long text...).
 */
export function createScriptedAssistant() {
  const received: IncomingMessage[] = [];
  const stepAt = new Map<string, number>();
  let override: ((m: IncomingMessage) => Reply | undefined) | undefined;

  const reply = (partial: Partial<Reply> & Pick<Reply, "kind" | "text">): Reply => ({ sources: [], confidence: 1, ...partial });
  const step = (user: string, index: number): Reply => {
    stepAt.set(user, index);
    const last = index >= steps.length - 1;
    return reply({ kind: "step", text: steps[index] ?? "", steps, stepIndex: index, buttons: last ? stepButtons.slice(1) : stepButtons, sources: [fakeSource], confidence: 0.9 });
  };
  const quiz = (position: number, preface = ""): Reply =>
    reply({
      kind: "quiz",
      text: `${preface}Câu ${position}/2: Nên tải VNeID từ đâu?\n${quizOptions.map((o, i) => `${i + 1}. ${o}`).join("\n")}`,
      quiz: {
        answerActionPrefix: `q:${position}:`,
        question: "Nên tải VNeID từ đâu?",
        options: quizOptions,
        correctIndex: 1,
        explanation: "Chỉ tải từ kho ứng dụng chính thức.",
        position,
        total: 2,
      },
    });

  const assistant: Assistant = {
    async handle(message) {
      received.push(message);
      const custom = override?.(message);
      if (custom) return custom;
      const user = `${message.channel}:${message.userId}`;
      const action = message.action ?? "";
      if (action === "s:next") return step(user, (stepAt.get(user) ?? 0) + 1);
      if (action === "s:rep") return step(user, stepAt.get(user) ?? 0);
      if (action === "s:all") return reply({ kind: "answer", text: steps.join("\n"), sources: [fakeSource] });
      if (action === "s:stop") return reply({ kind: "info", text: "Đã dừng hướng dẫn." });
      const answered = /^q:(\d):(\d)$/.exec(action);
      if (answered) {
        const verdict = answered[2] === "1" ? "Đúng rồi! " : "Chưa đúng. ";
        return answered[1] === "1" ? quiz(2, `${verdict}\n\n`) : reply({ kind: "progress", text: `${verdict}Bạn đã làm xong bài kiểm tra.` });
      }
      const text = (message.text ?? "").trim();
      if (text === "/start") return reply({ kind: "greeting", text: "Xin chào! Tôi là trợ lý tự động, không phải người thật." });
      if (text.startsWith("/kiemtra")) return quiz(1);
      if (/cách|làm sao/i.test(text)) return step(user, 0);
      if (!text) return reply({ kind: "refusal", text: "Bạn muốn hỏi gì?" });
      return reply({ kind: "answer", text: `Trả lời cho: ${text.replace(/^\/hoi\s*/, "")}`, sources: [fakeSource], confidence: 0.8 });
    },
  };
  return {
    assistant,
    received,
    respondWith(fn: ((m: IncomingMessage) => Reply | undefined) | undefined) {
      override = fn;
    },
  };
}
