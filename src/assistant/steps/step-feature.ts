import type { Feature, Turn } from "../feature.js";
import { channelHasButtons, type Reply } from "../types.js";
import { shortLabel, STEP_ACTIONS, UI } from "../ui-text.js";
import { fullTextOf } from "../answering/compose-answer.js";
import { readStepState, renderStep, writeStepState } from "./step-state.js";
import { startsSteps, stepCommandFromText, type StepCommand } from "./step-words.js";
import { NEXT_ACTION, writeNextUp, type WhatFollows } from "../dialogue/what-follows.js";

const ACTION_COMMANDS: Record<string, StepCommand> = {
  [STEP_ACTIONS.next]: "next",
  [STEP_ACTIONS.repeat]: "repeat",
  [STEP_ACTIONS.previous]: "previous",
  [STEP_ACTIONS.all]: "all",
  [STEP_ACTIONS.stop]: "stop",
};

function info(text: string): Reply {
  return { kind: "info", text, sources: [], confidence: 1 };
}

/**
 * Step-by-step mode: walks a learner through a procedure one step at a time. It reacts to the step buttons always
 * (a stale button after a restart gets a clear "nothing open" reply) and to typed step words only while a
 * procedure is open, so "ok" or "rồi" mean nothing special otherwise.
 */
export interface StepDeps {
  /** What the learner does after the last step (offered with a button); none: just "all done". */
  whatFollows?: WhatFollows;
}

export function createStepFeature(deps: StepDeps = {}): Feature {
  return {
    name: "steps",
    async handle(turn: Turn): Promise<Reply | undefined> {
      const byAction = turn.message.action ? ACTION_COMMANDS[turn.message.action] : undefined;
      if (turn.message.action && !byAction) return undefined;
      const current = readStepState(turn.state);
      const command = byAction ?? (current ? stepCommandFromText(turn.text) : undefined);
      if (!command) return undefined;
      // Steps only offered (index -1): "ok", "được rồi" acknowledge the answer; only an explicit "tiếp" starts them.
      if (!byAction && current && current.index < 0 && command === "next" && !startsSteps(turn.text)) return undefined;
      if (!current) return info(UI.noActiveSteps);

      switch (command) {
        case "next":
          if (current.index >= current.steps.length - 1) {
            writeStepState(turn.state, undefined);
            const next = deps.whatFollows?.(current.chunkId);
            writeNextUp(turn.state, next);
            if (!next) return info(UI.allDone);
            return { ...info(`${UI.stepsFinished} ${UI.offerNext(next.section, channelHasButtons(turn.message.channel))}`), buttons: [{ label: shortLabel(next.section), action: NEXT_ACTION }] };
          }
          // Moving on from a shown step means the learner knows how: the hint is not repeated.
          if (current.index >= 0) current.hintUsed = true;
          current.index += 1;
          writeStepState(turn.state, current);
          return renderStep(current, false, channelHasButtons(turn.message.channel));
        case "previous":
          // Before step 1 (the answer only offered the steps), "back" and "again" both start at step 1.
          current.index = Math.max(0, current.index - 1);
          writeStepState(turn.state, current);
          return renderStep(current, false, channelHasButtons(turn.message.channel));
        case "repeat":
          current.index = Math.max(0, current.index);
          writeStepState(turn.state, current);
          return renderStep(current, false, channelHasButtons(turn.message.channel));
        case "all":
          writeStepState(turn.state, undefined);
          return {
            kind: "answer",
            text: fullTextOf(current),
            steps: current.steps,
            sources: [current.source],
            confidence: current.confidence,
          };
        case "stop":
          writeStepState(turn.state, undefined);
          return info(UI.stopped);
      }
    },
  };
}
