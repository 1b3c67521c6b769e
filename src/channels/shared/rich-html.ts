import { richLines, type Reply, type RichLine, type RichSpan } from "../../assistant/index.js";

/** Escapes text for HTML element content and attribute values (web page, Telegram's HTML parse mode). */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/**
 * A reply as formatted lines: the core's `rich` lines when it sent them, else its plain text, where lines starting
 * with "• " (the core's own lists: greeting, profile) count as list items too.
 */
export function replyLines(reply: Pick<Reply, "text" | "rich">): RichLine[] {
  if (reply.rich?.length) return reply.rich;
  return richLines(reply.text.trim()).map((line) => {
    const text = line.spans[0]?.text ?? "";
    return text.startsWith("• ") ? { spans: [{ text: text.slice(2) }], bullet: true } : line;
  });
}

/** Spans as escaped HTML; emphasis wrapped in `strongTag` ("strong" on the web, "b" for Telegram). */
export function spansHtml(spans: RichSpan[], strongTag: "strong" | "b"): string {
  return spans.map((s) => (s.strong ? `<${strongTag}>${escapeHtml(s.text)}</${strongTag}>` : escapeHtml(s.text))).join("");
}

/** Splits formatted lines into paragraphs at blank lines (blank lines themselves are dropped). */
export function richParagraphs(lines: RichLine[]): RichLine[][] {
  const out: RichLine[][] = [];
  let current: RichLine[] = [];
  for (const line of lines) {
    if (line.spans.length) current.push(line);
    else if (current.length) (out.push(current), (current = []));
  }
  if (current.length) out.push(current);
  return out;
}
