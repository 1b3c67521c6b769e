import type { Chunk } from "../ports.js";
import type { SourceRef } from "../types.js";
import { UI } from "../ui-text.js";
import { plainText, viDate } from "./markdown-text.js";

/** An extractive answer: only the section's own words, rearranged for a chat screen. */
export interface ComposedAnswer {
  /** Lead sentence(s): the section text before its steps (or the whole section when it has none). */
  lead: string;
  steps: string[];
  /** Paragraphs written after the steps (what happens next, where to get help). */
  closing?: string;
  safetyNote?: string;
  sourceLine: string;
  source: SourceRef;
  /** Lead + numbered steps + safety line + source line. */
  fullText: string;
}

/** A section's `**Lưu ý an toàn:**` paragraph and its numbered step lines (knowledge/README.md). */
export const SAFETY_PARAGRAPH = /^\*\*Lưu ý an toàn:?\*\*:?/u;
export const STEP_LINE = /^\d+[.)]\s+/;

export function sourceOf(chunk: Chunk): SourceRef {
  return { id: chunk.lessonId, title: chunk.lessonTitle, section: chunk.section, url: chunk.sourceUrl, updated: chunk.updated };
}

/** Sections are immutable once loaded, so each one is composed once; a reload brings new Chunk objects. */
const composed = new WeakMap<Chunk, ComposedAnswer>();

/**
 * Composes the answer from one section, using only its own words: the lead is the text before the steps (or the
 * whole section when it has none), so bullet lists and closing remarks written by the knowledge team are kept.
 */
export function composeAnswer(chunk: Chunk): ComposedAnswer {
  let answer = composed.get(chunk);
  if (!answer) composed.set(chunk, (answer = composeFresh(chunk)));
  // A copy per caller: the step list ends up in the conversation state, which features may change.
  return { ...answer, steps: [...answer.steps], source: { ...answer.source } };
}

function composeFresh(chunk: Chunk): ComposedAnswer {
  const before: string[] = [];
  const after: string[] = [];
  let seenSteps = false;
  for (const paragraph of chunk.body.split(/\n\s*\n/).map((p) => p.trim())) {
    if (!paragraph || SAFETY_PARAGRAPH.test(paragraph)) continue;
    const lines = paragraph.split("\n");
    const firstStep = lines.findIndex((l) => STEP_LINE.test(l.trim()));
    if (firstStep >= 0) {
      // Text introducing the list ("Làm như sau:") stays with the lead; the numbered lines come from chunk.steps.
      if (!seenSteps) before.push(lines.slice(0, firstStep).join("\n"));
      seenSteps = true;
    } else {
      (seenSteps ? after : before).push(paragraph);
    }
  }
  const lead = plainText(before.filter(Boolean).join("\n\n")) || plainText(chunk.lead);
  const closing = plainText(after.join("\n\n"));
  const steps = chunk.steps.map(plainText).filter(Boolean);
  const safetyNote = chunk.safetyNote ? plainText(chunk.safetyNote) : undefined;
  const sourceLine = UI.sourceLine(chunk.lessonTitle, chunk.section, viDate(chunk.updated));
  const pieces = { lead, steps, closing: closing || undefined, safetyNote, sourceLine };
  return { ...pieces, source: sourceOf(chunk), fullText: fullTextOf(pieces) };
}

/**
 * The whole answer from its pieces: lead, numbered steps, closing, safety line, source line. Step mode keeps only
 * the pieces in the learner's state and rebuilds this for "Xem tất cả" (storing it too doubled every saved state).
 */
export function fullTextOf(p: Pick<ComposedAnswer, "lead" | "steps" | "closing" | "safetyNote" | "sourceLine">): string {
  const parts = [p.lead];
  if (p.steps.length > 0) parts.push(p.steps.map((s, i) => `${i + 1}. ${s}`).join("\n"));
  parts.push(p.closing ?? "");
  if (p.safetyNote) parts.push(`${UI.safetyLabel} ${p.safetyNote}`);
  parts.push(p.sourceLine);
  return parts.filter(Boolean).join("\n\n");
}
