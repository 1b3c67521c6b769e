/**
 * Turns the small Markdown subset lessons use into plain text a chat app shows as is: bold markers dropped,
 * `[text](kb:id)` and `[text](https://…)` links reduced to their text, list bullets normalised to "•".
 */
export function plainText(markdown: string): string {
  return markdown
    .replace(/\[([^\]]+)\]\((?:kb:[^)]+|https?:[^)]+)\)/g, "$1")
    .replace(/\*\*([^*]+)\*\*/g, "$1")
    .replace(/(^|\s)\*([^*\s][^*]*)\*(?=\s|$|[.,;:!?])/g, "$1$2")
    .replace(/^\s*[-*]\s+/gm, "• ")
    .replace(/[ \t]+/g, " ")
    .trim();
}

/** "2026-11-23" → "23/11/2026" (the date format Vietnamese readers expect). */
export function viDate(isoDate: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(isoDate);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : isoDate;
}
