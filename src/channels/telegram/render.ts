import { richLines, type Button, type QuizPrompt, type Reply, type RichLine } from "../../assistant/index.js";
import { sourcesFooter } from "../shared/reply-text.js";
import { replyLines } from "../shared/rich-html.js";
import { telegramHtmlParts } from "./format-html.js";

/** Telegram refuses texts over 4,096 characters; keep a margin for safety. */
export const telegramMaxText = 4000;

/**
 * One platform call to make for a reply, in order. `html` is for parse_mode HTML: every character of content is
 * escaped and the only tags are <b>, so Telegram can always parse it (MarkdownV2 would fail on stray characters).
 */
export type TelegramOutgoing =
  | { type: "text"; html: string; buttons?: Button[][] }
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
    if (preface && !quiz.options.every((o) => preface.includes(o))) out.push(...textParts(richLines(preface), undefined));
    out.push({
      type: "quiz-poll",
      question: clip(quiz.total > 1 ? `Câu ${quiz.position}/${quiz.total}: ${quiz.question}` : quiz.question, 300),
      options: quiz.options.map((o) => clip(o, 100)),
      // The answer key goes to Telegram's servers, which grade native quiz polls; never into a message's text.
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
    return textParts(withFooter({ ...reply, text, rich: undefined }), [...chunk(buttons, 1), ...rows(reply.buttons ?? [])]);
  }
  return textParts(withFooter(reply), reply.buttons?.length ? rows(reply.buttons) : undefined);
}

/** The reply's formatted lines (lesson emphasis kept) followed by its sources. */
function withFooter(reply: Reply): RichLine[] {
  const footer = sourcesFooter(reply);
  return footer ? [...replyLines(reply), { spans: [] }, ...richLines(footer)] : replyLines(reply);
}

function textParts(lines: RichLine[], buttons: Button[][] | undefined): TelegramOutgoing[] {
  const parts = telegramHtmlParts(lines, telegramMaxText);
  if (!parts.length) parts.push("…");
  return parts.map((part, i) => ({ type: "text", html: part, buttons: i === parts.length - 1 ? buttons : undefined }));
}

/** Labels up to this many characters fit two to a row on a phone. */
const SHORT_LABEL = 18;

/** About what a full-width button shows on a 360 px phone; longer labels are cut on a word boundary. */
const LONG_LABEL = 56;

function cutLabel(label: string): string {
  const cut = label.slice(0, LONG_LABEL - 1);
  const space = cut.lastIndexOf(" ");
  return `${(space > 20 ? cut.slice(0, space) : cut).replace(/[\s,:;–-]+$/u, "")}…`;
}

/** Two short buttons per row; a long label ("Xem bài: …") gets its own row so Telegram does not cut it off. */
function rows(buttons: Button[]): Button[][] {
  const out: Button[][] = [];
  for (const original of buttons) {
    const b = original.label.length > LONG_LABEL ? { ...original, label: cutLabel(original.label) } : original;
    const last = out[out.length - 1];
    if (last?.length === 1 && b.label.length <= SHORT_LABEL && (last[0]?.label.length ?? 0) <= SHORT_LABEL) last.push(b);
    else out.push([b]);
  }
  return out;
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
