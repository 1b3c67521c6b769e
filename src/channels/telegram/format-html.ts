import { plainLine, type RichLine } from "../../assistant/index.js";
import { escapeHtml, richParagraphs, spansHtml } from "../shared/rich-html.js";
import { splitText } from "../shared/split-text.js";

/**
 * Formatted lines as Telegram messages in HTML parse mode: every character escaped, emphasis as <b>, list items as
 * "• ". Each message holds whole paragraphs (or whole lines of an over-long paragraph), so a tag is never cut; only a
 * single line longer than the limit is split as plain text. `maxChars` counts visible characters, as Telegram does
 * after parsing the tags.
 */
export function telegramHtmlParts(lines: RichLine[], maxChars: number): string[] {
  const units: Array<{ html: string; length: number; sep: string }> = [];
  for (const paragraph of richParagraphs(lines)) {
    const length = paragraph.reduce((n, l) => n + plainLine(l).length + 1, -1);
    if (length <= maxChars) {
      units.push({ html: paragraph.map(lineHtml).join("\n"), length, sep: "\n\n" });
      continue;
    }
    paragraph.forEach((line, i) => {
      const sep = i === 0 ? "\n\n" : "\n";
      const plain = plainLine(line);
      if (plain.length <= maxChars) units.push({ html: lineHtml(line), length: plain.length, sep });
      else splitText(plain, maxChars).forEach((piece, j) => units.push({ html: escapeHtml(piece), length: piece.length, sep: j === 0 ? sep : "\n" }));
    });
  }
  const parts: string[] = [];
  let html = "";
  let length = 0;
  for (const unit of units) {
    if (length > 0 && length + unit.sep.length + unit.length > maxChars) {
      parts.push(html);
      html = "";
      length = 0;
    }
    html += length > 0 ? unit.sep + unit.html : unit.html;
    length += (length > 0 ? unit.sep.length : 0) + unit.length;
  }
  if (html) parts.push(html);
  return parts;
}

function lineHtml(line: RichLine): string {
  return `${line.bullet ? "• " : ""}${spansHtml(line.spans, "b")}`;
}
