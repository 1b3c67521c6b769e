import type { Button, QuizPrompt, Reply } from "../../assistant/index.js";
import { splitText } from "../shared/split-text.js";
import { textWithSources } from "../shared/reply-text.js";

/** Telegram refuses texts over 4,096 characters; keep a margin for safety. */
export const telegramMaxText = 4000;

/** One platform call to make for a reply, in order. Plain text only: never a MarkdownV2 string that can fail. */
export type TelegramOutgoing =
  | { type: "text"; text: string; buttons?: Button[][] }
  | { type: "quiz-poll"; question: string; options: string[]; correctIndex: number; explanation: string; quiz: QuizPrompt };

/**
 * Translates a core Reply into Telegram calls. Long text is split on paragraph/line boundaries and the buttons go
 * under the last part. A quiz becomes a native quiz poll in private chats (Telegram shows right/wrong itself) and a
 * numbered text with one button per option in groups (a poll there would show everyone's answers).
 */
export function renderReply(reply: Reply, chat: { isPrivate: boolean }): TelegramOutgoing[] {
  const quiz = reply.quiz;
  if (quiz && chat.isPrivate && quiz.options.length >= 2 && quiz.options.length <= 10) {
    const out: TelegramOutgoing[] = [];
    // Feedback on the previous answer or an introduction may precede the question in the core's text.
    const at = reply.text.indexOf(quiz.question);
    const preface = (at > 0 ? reply.text.slice(0, at) : at < 0 ? reply.text : "")
      .replace(/Câu\s*\d+\s*\/\s*\d+\s*[:.]?\s*$/u, "") // the poll shows "Câu n/m" itself
      .trim();
    if (preface && !quiz.options.every((o) => preface.includes(o))) out.push(...textParts(preface, undefined));
    out.push({
      type: "quiz-poll",
      question: clip(quiz.total > 1 ? `Câu ${quiz.position}/${quiz.total}: ${quiz.question}` : quiz.question, 300),
      options: quiz.options.map((o) => clip(o, 100)),
      correctIndex: quiz.correctIndex,
      explanation: pollExplanation(quiz.explanation),
      quiz,
    });
    return out;
  }
  if (quiz) {
    const listed = quiz.options.every((o) => reply.text.includes(o));
    const text = listed ? reply.text : `${reply.text}\n\n${quiz.options.map((o, i) => `${i + 1}. ${o}`).join("\n")}`;
    const buttons = quiz.options.map((o, i) => ({ label: clip(`${i + 1}. ${o}`, 60), action: `${quiz.answerActionPrefix}${i}` }));
    return textParts(textWithSources({ ...reply, text }), [...chunk(buttons, 1), ...chunk(reply.buttons ?? [], 2)]);
  }
  return textParts(textWithSources(reply), reply.buttons?.length ? chunk(reply.buttons, 2) : undefined);
}

function textParts(text: string, buttons: Button[][] | undefined): TelegramOutgoing[] {
  const parts = splitText(text || "…", telegramMaxText);
  return parts.map((part, i) => ({ type: "text", text: part, buttons: i === parts.length - 1 ? buttons : undefined }));
}

/** Poll explanations: ≤ 200 characters and at most 2 line feeds, or Telegram rejects the poll. */
export function pollExplanation(text: string): string {
  const lines = text.trim().split("\n");
  const joined = lines.length > 3 ? `${lines.slice(0, 2).join("\n")}\n${lines.slice(2).join(" ")}` : lines.join("\n");
  return clip(joined, 200);
}

function clip(text: string, max: number): string {
  const t = text.trim();
  return t.length <= max ? t : `${t.slice(0, max - 1).trimEnd()}…`;
}

function chunk<T>(items: T[], size: number): T[][] {
  const rows: T[][] = [];
  for (let i = 0; i < items.length; i += size) rows.push(items.slice(i, i + size));
  return rows;
}
