import type { Reply } from "../../assistant/index.js";

/**
 * A Reply as terminal text: the answer, then the source, then buttons (and quiz options) as numbered options the
 * user can pick by typing the number.
 */
export function renderReplyText(reply: Reply): { text: string; options: Array<{ label: string; action: string }> } {
  const options = [
    ...(reply.quiz ? reply.quiz.options.map((label, i) => ({ label, action: `${reply.quiz!.answerActionPrefix}${i}` })) : []),
    ...(reply.buttons ?? []),
  ];
  const lines = [reply.text];
  if (reply.quiz) lines.unshift(`Câu ${reply.quiz.position}/${reply.quiz.total}: ${reply.quiz.question}`);
  if (options.length > 0) lines.push("", ...options.map((o, i) => `  [${i + 1}] ${o.label}`));
  return { text: lines.join("\n"), options };
}
