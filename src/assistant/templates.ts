import type { Reply, ReplyKind } from "./types.js";

/**
 * The fixed, reviewed Vietnamese texts the assistant may say that do not come from the knowledge base. They live in
 * prompts/<name>.txt (loaded and validated at start-up by src/llm/load-prompts.ts) so reviewers edit text, not code.
 */
export const TEMPLATE_NAMES = [
  "greeting",
  "help",
  "thanks",
  "refusal",
  "low-confidence",
  "clarify",
  "error",
  "safety-refusal",
  "grounded-system",
] as const;

export type TemplateName = (typeof TEMPLATE_NAMES)[number];
export type Templates = Record<TemplateName, string>;

/** A reply made of one template only (no sources; confidence 1 because nothing was guessed). */
export function fixedReply(kind: ReplyKind, text: string, confidence = 1): Reply {
  return { kind, text, sources: [], confidence };
}
