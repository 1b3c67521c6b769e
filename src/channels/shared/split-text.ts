/**
 * Splits a long reply into parts of at most `maxChars` characters (UTF-16 units, which is how both Telegram and
 * JavaScript count), preferring paragraph breaks, then line breaks, then sentence ends, then spaces, so a step or a
 * sentence is never cut in the middle unless a single word is longer than the limit.
 */
export function splitText(text: string, maxChars: number): string[] {
  if (maxChars < 16) throw new Error("splitText: maxChars must be at least 16");
  const parts: string[] = [];
  let rest = text.trim();
  while (rest.length > maxChars) {
    const cut = findCut(rest, maxChars);
    const head = rest.slice(0, cut).trimEnd();
    if (head) parts.push(head);
    rest = rest.slice(cut).trimStart();
  }
  if (rest) parts.push(rest);
  return parts;
}

/** Index to cut at: the last good boundary within the limit, in order of preference. */
function findCut(text: string, maxChars: number): number {
  const window = text.slice(0, maxChars + 1);
  // Do not accept a boundary in the first third: that would produce many tiny parts.
  const minCut = Math.floor(maxChars / 3);
  for (const boundary of ["\n\n", "\n", ". ", "? ", "! ", "; ", ", ", " "]) {
    const at = window.lastIndexOf(boundary, maxChars - boundary.length);
    if (at >= minCut) return at + boundary.length;
  }
  // No boundary: hard cut, but never between the two halves of a surrogate pair (emoji).
  const code = text.charCodeAt(maxChars - 1);
  return code >= 0xd800 && code <= 0xdbff ? maxChars - 1 : maxChars;
}
