import { plainLine, type Reply, type RichLine } from "../../assistant/index.js";
import { replyLines, richParagraphs, spansHtml } from "../shared/rich-html.js";

/**
 * The web page's renderer: a reply's text as safe HTML (every character of content escaped; the only tags are the
 * ones written here: p, br, strong, ul, li). The page inserts it as is, so nothing the core or a lesson says can
 * become markup or script. Internal lesson links arrive as buttons ("Xem bài: …"), not as anchors.
 *
 * Left out: the "Nguồn: …" paragraph when the reply has sources (the page shows them as a linked footer), and the
 * pending quiz question's own "Câu n/m: …" line (the page shows the question with its answer buttons).
 */
export function webReplyHtml(reply: Reply): string {
  let lines = replyLines(reply);
  const quiz = reply.quiz;
  if (quiz) {
    const questionLine = `Câu ${quiz.position}/${quiz.total}: ${quiz.question}`;
    const at = lines.findLastIndex((l) => plainLine(l).trim() === questionLine);
    if (at >= 0) lines = lines.slice(0, at);
  }
  return richParagraphs(lines)
    .filter((p) => !(reply.sources.length && plainLine(p[0]!).startsWith("Nguồn: ")))
    .map(paragraphHtml)
    .join("");
}

/** Runs of list items become a <ul>; other lines a <p> with line breaks. */
function paragraphHtml(lines: RichLine[]): string {
  let html = "";
  let i = 0;
  while (i < lines.length) {
    const bullet = Boolean(lines[i]!.bullet);
    const run: RichLine[] = [];
    while (i < lines.length && Boolean(lines[i]!.bullet) === bullet) run.push(lines[i++]!);
    html += bullet
      ? `<ul>${run.map((l) => `<li>${spansHtml(l.spans, "strong")}</li>`).join("")}</ul>`
      : `<p>${run.map((l) => spansHtml(l.spans, "strong")).join("<br>")}</p>`;
  }
  return html;
}
