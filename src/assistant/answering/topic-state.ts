import type { ConversationState } from "../ports.js";

/** The last section answered, kept under `state.topic` so short follow-ups can lean on it. */
export interface TopicState {
  chunkId: string;
  lessonId: string;
  lessonTitle: string;
  section: string;
  at: string;
}

/** Follow-ups older than this are treated as new questions: the learner has probably moved on. */
const TOPIC_TTL_MS = 30 * 60 * 1000;

export function readTopic(state: ConversationState, now: Date): TopicState | undefined {
  const t = state.topic as TopicState | undefined;
  if (!t || typeof t.chunkId !== "string") return undefined;
  return now.getTime() - Date.parse(t.at) <= TOPIC_TTL_MS ? t : undefined;
}

export function writeTopic(state: ConversationState, topic: TopicState): void {
  state.topic = topic;
}
