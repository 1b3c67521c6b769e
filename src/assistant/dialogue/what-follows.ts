import type { Chunk, ConversationState } from "../ports.js";

/**
 * What a learner does after finishing a section: a later section of the same lesson written for that moment
 * ("Đăng ký mức 1 xong thì làm gì tiếp?"), else the first section of the lesson's `next` lesson (install → register
 * level 1 → activate → level 2…), else the lesson's next section. Never a free-text search.
 */
export type WhatFollows = (chunkId: string) => Chunk | undefined;

const AFTERWARDS = /(?<!\p{L})(xong|tiếp theo|làm gì tiếp|sau khi)(?!\p{L})/iu;

export function createWhatFollows(sections: readonly Chunk[], nextLesson: (lessonId: string) => string | undefined): WhatFollows {
  const byLesson = new Map<string, Chunk[]>();
  for (const c of sections) byLesson.set(c.lessonId, [...(byLesson.get(c.lessonId) ?? []), c]);
  return (chunkId) => {
    const lessonId = chunkId.split("#")[0] ?? "";
    const siblings = byLesson.get(lessonId) ?? [];
    const later = siblings.slice(siblings.findIndex((c) => c.id === chunkId) + 1);
    const written = later.find((c) => AFTERWARDS.test(c.section));
    if (written) return written;
    const next = nextLesson(lessonId);
    return (next ? byLesson.get(next)?.[0] : undefined) ?? later[0];
  };
}

/** The section offered as "what next", kept so "tiếp", "ok" or the button can open it. */
export function writeNextUp(state: ConversationState, chunk: Chunk | undefined): void {
  if (chunk) state.nextUp = chunk.id;
  else delete state.nextUp;
}

export function readNextUp(state: ConversationState): string | undefined {
  return typeof state.nextUp === "string" ? state.nextUp : undefined;
}

export const NEXT_ACTION = "w:next";
