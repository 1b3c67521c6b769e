import type { RichLine, RichSpan } from "../types.js";

/** An internal link `[text](kb:<lesson-id>)` found in lesson text; channels show it as a "Xem bài: …" button. */
export interface LessonLink {
  lessonId: string;
  text: string;
}

const LINK = /\[([^\]\n]+)\]\(([^)\s]+)\)/g;
const BULLET = /^\s*[-*+]\s+(.*)$/;
const HEADING = /^#{1,6}\s+(.*)$/;
const COMMENT = /^<!--.*-->$/;

/**
 * Turns the small Markdown subset lessons are written in (knowledge/README.md: `**bold**`, `- ` bullets, numbered
 * steps, `[text](kb:id)` links) into formatted lines, so no channel ever shows the markup to a citizen. Links keep
 * their text in the sentence and are returned separately (kb: links) for the lesson to offer as buttons. Anything
 * not understood is kept as text with the markers removed, never as raw Markdown.
 */
export function lessonMarkup(markdown: string): { lines: RichLine[]; links: LessonLink[] } {
  const links: LessonLink[] = [];
  const lines: RichLine[] = [];
  for (const raw of markdown.replace(/\r\n?/g, "\n").split("\n")) {
    const line = raw.trim();
    if (COMMENT.test(line)) continue;
    if (!line) {
      // One blank line between paragraphs, none at the start.
      if (lines.length && lines[lines.length - 1]!.spans.length) lines.push({ spans: [] });
      continue;
    }
    const bullet = BULLET.exec(line);
    const heading = HEADING.exec(line);
    const content = bullet?.[1] ?? heading?.[1] ?? line.replace(/^>\s?/, "");
    const spans = inlineSpans(content, links);
    if (heading) spans.forEach((s) => (s.strong = true));
    lines.push(bullet ? { spans, bullet: true } : { spans });
  }
  while (lines.length && !lines[lines.length - 1]!.spans.length) lines.pop();
  return { lines, links };
}

/**
 * `**bold**` runs become strong spans; links become their text; `*light emphasis*`, unmatched `**` and backticks lose
 * their markers. A lone `*` stays: lessons use it literally ("Các mục có dấu * …", USSD codes such as *101#).
 */
function inlineSpans(text: string, links: LessonLink[]): RichSpan[] {
  const withoutLinks = text.replace(LINK, (_whole, label: string, target: string) => {
    const kb = /^kb:([a-z0-9-]+)$/.exec(target);
    if (kb?.[1] && !links.some((l) => l.lessonId === kb[1])) links.push({ lessonId: kb[1], text: label.trim() });
    return label;
  });
  const spans: RichSpan[] = [];
  withoutLinks.split(/\*\*(.+?)\*\*/).forEach((piece, i) => {
    const clean = piece
      .replace(/(^|[\s(])\*([^*\s][^*]*?)\*(?=$|[\s.,;:!?)])/g, "$1$2")
      .replace(/\*\*|`/g, "");
    if (clean) spans.push(i % 2 === 1 ? { text: clean, strong: true } : { text: clean });
  });
  return spans;
}
