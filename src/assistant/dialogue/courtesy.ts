import { foldedTokens } from "../../shared/fold.js";

/** A message that is only politeness or acknowledgement, not a question. */
export type Courtesy = "thanks" | "greeting" | "bye" | "ack";

/**
 * Syllables such messages are made of (folded). A message counts only when every syllable is one of these, so
 * "cảm ơn, cho hỏi cách cài VNeID" stays a question.
 */
const VOCABULARY = new Set([
  "cam", "on", "thank", "thanks", "tks", "thanks", "you", "nhieu", "lam", "rat",
  "chao", "xin", "alo", "hello", "hi", "tam", "biet", "bye",
  "ok", "oke", "okay", "okie", "u", "um", "uh", "vang", "da", "duoc", "roi", "xong", "hieu", "biet", "tiep", "di", "tot", "hay", "qua", "that",
  "con", "chau", "em", "ban", "anh", "chi", "co", "nhe", "nha", "a", "nhi", "troi", "oi", "tro", "ly", "so", "nhe",
]);
const THANKS = ["cam on", "thank", "thanks", "tks"];
const BYE = ["tam biet", "bye"];
const GREETING = ["chao", "xin chao", "alo", "hello", "hi"];

export function courtesyOf(text: string): Courtesy | undefined {
  const tokens = foldedTokens(text);
  if (tokens.length === 0 || tokens.length > 8 || !tokens.every((t) => VOCABULARY.has(t))) return undefined;
  const joined = ` ${tokens.join(" ")} `;
  const has = (phrases: string[]) => phrases.some((p) => joined.includes(` ${p} `));
  if (has(THANKS)) return "thanks";
  if (has(BYE)) return "bye";
  if (has(GREETING)) return "greeting";
  return "ack";
}
