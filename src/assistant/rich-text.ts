import type { RichLine } from "./types.js";

/**
 * Helpers for Reply.rich (see types.ts): formatted lines whose plain form is exactly Reply.text, so channels that
 * cannot show formatting lose nothing but the emphasis.
 */

/** A line as plain text: bullets become "• ", emphasis is dropped. */
export function plainLine(line: RichLine): string {
  const text = line.spans.map((s) => s.text).join("");
  return line.bullet ? `• ${text}` : text;
}

/** The plain text of formatted lines; `richLines(t)` round-trips through this. */
export function plainOfRich(lines: RichLine[]): string {
  return lines.map(plainLine).join("\n");
}

/** Plain text as formatted lines without emphasis, to join core texts (headers, hints) with formatted ones. */
export function richLines(text: string): RichLine[] {
  return text.split("\n").map((line) => ({ spans: line ? [{ text: line }] : [] }));
}
