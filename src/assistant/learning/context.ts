import type { Lesson } from "../../curriculum/types.js";
import type { Logger } from "../../shared/logger.js";
import type { Turn } from "../feature.js";
import type { Button, QuizPrompt, Reply, ReplyKind } from "../types.js";
import type { CorePaths } from "./core-paths.js";
import type { LearningStore } from "./ports.js";

/** What every learning handler can use; built once by createLearning. */
export interface LearningContext {
  store: LearningStore;
  lessons: Map<string, Lesson>;
  /** Lessons in knowledge-base order (topic, then file). */
  lessonList: Lesson[];
  paths: CorePaths;
  homePage: string;
  quiz: { passPercent: number; maxAttempts: number };
  clock: () => Date;
  newId: () => string;
  /** Code generator for link / mentor codes (injected so tests are deterministic). */
  newCode: (digits: number) => string;
  learnerIdSecret: string;
  logger: Logger;
}

/** This feature's slice of the conversation state (JSON only). */
export interface LearningState {
  /** Actions of the last menu we showed, so a typed "2" picks the second one on any channel. */
  menu?: string[];
  lesson?: { id: string; part: number; reading: string; startedAt: string; focus: boolean };
  onboarding?: { step: "consent" | "province" | "commune" | "neighbourhood" | "group" | "age"; page: number; only?: "place" | "group" | "age" };
  consentAsked?: boolean;
  /** A new mentee is asked which name their mentor should see; the next typed text is that name. */
  askName?: boolean;
  /** What the learner asked for when onboarding had to come first (/moi CODE, /kiemtra, /baihoc): done right after. */
  resume?: { command: string; arg: string };
}

export function learningState(turn: Turn): LearningState {
  const s = turn.state.learning;
  if (s && typeof s === "object") return s as LearningState;
  const fresh: LearningState = {};
  turn.state.learning = fresh;
  return fresh;
}

/** Builds a reply and remembers its buttons as the current numbered menu. */
export function say(turn: Turn, kind: ReplyKind, text: string, buttons?: Button[], quiz?: QuizPrompt): Reply {
  const st = learningState(turn);
  if (buttons?.length && !quiz) st.menu = buttons.map((b) => b.action);
  else delete st.menu;
  return { kind, text, ...(buttons?.length ? { buttons } : {}), ...(quiz ? { quiz } : {}), sources: [], confidence: 1 };
}

export const nowIso = (ctx: LearningContext) => ctx.clock().toISOString();
