import type { ConversationState } from "../ports.js";
import type { Reply, SourceRef } from "../types.js";
import { STEP_ACTIONS, UI } from "../ui-text.js";

/** Where a learner is inside a step-by-step answer. Stored under `state.steps`; JSON only, so it survives restarts. */
export interface StepState {
  lessonId: string;
  chunkId: string;
  steps: string[];
  index: number;
  lead: string;
  closing?: string;
  safetyNote?: string;
  sourceLine: string;
  source: SourceRef;
  confidence: number;
  /** Set once the learner has moved on with "Bước tiếp"/"tiếp": from then on the step hint is left out. */
  hintUsed?: boolean;
}

export function readStepState(state: ConversationState): StepState | undefined {
  const s = state.steps as StepState | undefined;
  return s && Array.isArray(s.steps) && s.steps.length > 0 && typeof s.index === "number" ? s : undefined;
}

export function writeStepState(state: ConversationState, steps: StepState | undefined): void {
  if (steps) state.steps = steps;
  else delete state.steps;
}

/**
 * One step as a Reply; `withLead` adds the answer's lead sentence (first time the procedure is offered).
 * Phone-sized: the source is cited once, on the last step (the answer that offered the steps cited it already;
 * with `withLead` the first step cites it too), and the short hint shows only until the learner has used it.
 * `hasButtons` is false on channels without buttons (Zalo): they append their own "Gõ TIẾP…" menu, so the
 * "Bấm 'Bước tiếp'" hint would point at a button that is not there.
 */
export function renderStep(s: StepState, withLead: boolean, hasButtons = true): Reply {
  const total = s.steps.length;
  const last = s.index >= total - 1;
  const parts: string[] = [];
  if (withLead && s.lead) parts.push(s.lead);
  parts.push(`${UI.stepHeader(s.index + 1, total)} ${s.steps[s.index] ?? ""}`);
  if (last) {
    parts.push(UI.lastStep);
    if (s.closing) parts.push(s.closing);
    if (s.safetyNote) parts.push(`${UI.safetyLabel} ${s.safetyNote}`);
  } else if (hasButtons && !s.hintUsed) {
    parts.push(UI.stepHint);
  }
  const cite = last || withLead;
  if (cite) parts.push(s.sourceLine);
  const buttons = [
    ...(last ? [] : [{ label: UI.nextStep, action: STEP_ACTIONS.next }]),
    { label: UI.repeat, action: STEP_ACTIONS.repeat },
    { label: UI.showAll, action: STEP_ACTIONS.all },
    { label: UI.stop, action: STEP_ACTIONS.stop },
  ];
  return {
    kind: "step",
    text: parts.join("\n\n"),
    steps: s.steps,
    stepIndex: s.index,
    buttons,
    sources: cite ? [s.source] : [],
    confidence: s.confidence,
  };
}
