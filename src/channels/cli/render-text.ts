import type { Reply } from "../../assistant/index.js";

/**
 * A Reply as terminal text: the answer, then the source, then buttons (and quiz options) as numbered options the
 * user can pick by typing the number. `reply.text` is already plain (the core sends lessons without Markdown).
 */
export function renderReplyText(reply: Reply): { text: string; options: Array<{ label: string; action: string }> } {
  const options = [
    ...(reply.quiz ? reply.quiz.options.map((label, i) => ({ label, action: `${reply.quiz!.answerActionPrefix}${i}` })) : []),
    ...(reply.buttons ?? []),
  ];
  const lines = [reply.text];
  // The core's quiz text already ends with "Câu n/m: …"; add it only when a reply lacks it.
  if (reply.quiz && !reply.text.includes(reply.quiz.question)) lines.unshift(`Câu ${reply.quiz.position}/${reply.quiz.total}: ${reply.quiz.question}`);
  if (options.length > 0) lines.push("", ...options.map((o, i) => `  [${i + 1}] ${o.label}`));
  return { text: lines.join("\n"), options };
}
