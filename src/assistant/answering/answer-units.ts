import type { Chunk } from "../ports.js";
import { SAFETY_PARAGRAPH, STEP_LINE } from "./compose-answer.js";
import { plainText } from "./markdown-text.js";

/**
 * A section cut into the pieces an answer can be built from: its sentences before the steps ("lead"), each numbered
 * step, the sentences after the steps ("closing") and the safety note. Bullet items count as sentences.
 */
export interface AnswerUnit {
  chunk: Chunk;
  kind: "lead" | "step" | "closing" | "safety";
  text: string;
  /** Position inside the section, for putting chosen pieces back in reading order. */
  order: number;
  /** 1-based step number (steps only). */
  step?: number;
}


/** Sentence ends: ". ", "! ", "? " followed by an upper-case letter, a quote or a digit; bullet lines split too. */
export function splitSentences(paragraph: string): string[] {
  return paragraph
    .split(/\n+/)
    .flatMap((line) => line.split(/(?<=[.!?…])\s+(?=["“(\p{Lu}\d])/u))
    .map((s) => s.trim())
    .filter((s) => /\p{L}/u.test(s));
}

const cache = new WeakMap<Chunk, AnswerUnit[]>();

export function answerUnits(chunk: Chunk): AnswerUnit[] {
  const cached = cache.get(chunk);
  if (cached) return cached;
  const units: AnswerUnit[] = [];
  let seenSteps = false;
  const push = (kind: AnswerUnit["kind"], text: string, step?: number) => {
    const clean = plainText(text);
    if (clean) units.push({ chunk, kind, text: clean, order: units.length, ...(step ? { step } : {}) });
  };
  for (const paragraph of chunk.body.split(/\n\s*\n/).map((p) => p.trim())) {
    if (!paragraph || SAFETY_PARAGRAPH.test(paragraph)) continue;
    const lines = paragraph.split("\n");
    const firstStep = lines.findIndex((l) => STEP_LINE.test(l.trim()));
    if (firstStep >= 0) {
      if (!seenSteps) for (const s of splitSentences(lines.slice(0, firstStep).join("\n"))) push("lead", s);
      if (!seenSteps) chunk.steps.forEach((step, i) => push("step", step, i + 1));
      seenSteps = true;
    } else {
      for (const s of splitSentences(paragraph)) push(seenSteps ? "closing" : "lead", s);
    }
  }
  if (chunk.safetyNote) push("safety", chunk.safetyNote);
  cache.set(chunk, units);
  return units;
}
