import type { Feature, Turn } from "../feature.js";
import type { Chunk } from "../ports.js";
import { channelHasButtons, type Reply } from "../types.js";
import { readTopic } from "../answering/topic-state.js";
import { shortLabel, UI } from "../ui-text.js";
import { foldText } from "../../shared/fold.js";
import { courtesyOf } from "./courtesy.js";
import { asksWhatNext } from "./what-next-cues.js";
import { NEXT_ACTION, readNextUp, writeNextUp, type WhatFollows } from "./what-follows.js";

export interface ConversationDeps {
  /** Answers one section as if the learner had asked its question (the QA feature's answerSection). */
  answerSection(turn: Turn, chunk: Chunk): Promise<Reply>;
  section(chunkId: string): Chunk | undefined;
  whatFollows: WhatFollows;
  /** The reviewed thank-you reply (prompts/thanks.txt), used when nothing follows. */
  thanks: string;
}

/**
 * The small talk around answers, so it never reaches the search: "cảm ơn", "ok", "xong rồi" and a bare "tiếp" with no
 * procedure open get a short, kind acknowledgement plus what the learner can do next (never the last answer again);
 * "làm xong rồi thì sao?" opens what logically follows the last section.
 */
export function createConversationFeature(deps: ConversationDeps): Feature {
  function nextAfterTopic(turn: Turn): Chunk | undefined {
    const pending = readNextUp(turn.state);
    if (pending) return deps.section(pending);
    const topic = readTopic(turn.state, turn.now);
    return topic ? deps.whatFollows(topic.chunkId) : undefined;
  }

  return {
    name: "conversation",
    async handle(turn) {
      if (turn.message.action === NEXT_ACTION) {
        const next = nextAfterTopic(turn);
        writeNextUp(turn.state, undefined);
        return next ? deps.answerSection(turn, next) : info(UI.nothingNext);
      }
      if (turn.message.action) return undefined;
      if (asksWhatNext(turn.text)) {
        const next = nextAfterTopic(turn);
        if (!next) return undefined;
        writeNextUp(turn.state, undefined);
        return deps.answerSection(turn, next);
      }
      const courtesy = courtesyOf(turn.text);
      if (!courtesy) return undefined;
      // "tiếp" right after "what next" was offered means: open it.
      const pending = readNextUp(turn.state);
      if (courtesy === "ack" && pending && /\btiep\b/.test(foldText(turn.text))) {
        const chunk = deps.section(pending);
        writeNextUp(turn.state, undefined);
        if (chunk) return deps.answerSection(turn, chunk);
      }
      const opening = courtesy === "thanks" ? UI.welcome : courtesy === "greeting" ? UI.hello : courtesy === "bye" ? UI.goodbye : UI.noted;
      const next = courtesy === "bye" ? undefined : nextAfterTopic(turn);
      writeNextUp(turn.state, next);
      if (!next) return info(courtesy === "thanks" ? deps.thanks : courtesy === "bye" ? opening : `${opening} ${UI.askAnything}`);
      return {
        ...info(`${opening} ${UI.offerNext(next.section, channelHasButtons(turn.message.channel))}`),
        buttons: [{ label: shortLabel(next.section), action: NEXT_ACTION }],
      };
    },
  };
}

function info(text: string): Reply {
  return { kind: "info", text, sources: [], confidence: 1 };
}
