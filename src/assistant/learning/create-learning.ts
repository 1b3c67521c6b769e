import { randomInt, randomUUID } from "node:crypto";
import type { Lesson } from "../../curriculum/types.js";
import type { Logger } from "../../shared/logger.js";
import { silentLogger } from "../../shared/logger.js";
import { redact } from "../../shared/redact.js";
import type { Feature } from "../feature.js";
import { opaqueLearnerId } from "../learner-id.js";
import { oncePerTurn } from "../turn-memo.js";
import type { IncomingMessage } from "../types.js";
import type { LearningContext } from "./context.js";
import type { CorePaths } from "./core-paths.js";
import { createLearningFeature } from "./learning-feature.js";
import type { LearnerProfile, LearningStore } from "./ports.js";

export interface LearningDeps {
  store: LearningStore;
  lessons: Lesson[];
  corePaths: CorePaths;
  /** config.xapi.homePage */
  homePage: string;
  /** config.quiz */
  quiz: { passPercent: number; maxAttempts: number };
  learnerIdSecret: string;
  clock?: () => Date;
  logger?: Logger;
  /** Overridable for tests. */
  newId?: () => string;
  newCode?: (digits: number) => string;
}

/** The QuestionObserver the core calls after answering (or refusing) a question. */
export interface LearningQuestionObserver {
  questionAsked(e: { learnerId: string; text: string; lessonId?: string; confidence: number; answered: boolean; at: Date | string; turn?: object }): Promise<void>;
}

export interface Learning {
  /** Put these before step mode and QA. */
  features: Feature[];
  /** Link-aware learner id for createAssistant: the canonical learner after /lienket. */
  learnerIdFor: (message: IncomingMessage) => Promise<string>;
  questionObserver: LearningQuestionObserver;
  context: LearningContext;
  /** Swaps in the lessons of a new knowledge version (a publish, issue 13); the next turn sees them. */
  setLessons(lessons: Lesson[]): void;
  /** The learner's profile; with `turn`, read once per turn however many parts ask (the local notices do too). */
  profileOf(learnerId: string, turn?: object): Promise<LearnerProfile | undefined>;
}

const CACHE_LIMIT = 10_000;

export function createLearning(deps: LearningDeps): Learning {
  const ctx: LearningContext = {
    store: deps.store,
    lessons: new Map(deps.lessons.map((l) => [l.id, l])),
    lessonList: deps.lessons,
    paths: deps.corePaths,
    homePage: deps.homePage,
    quiz: deps.quiz,
    clock: deps.clock ?? (() => new Date()),
    newId: deps.newId ?? randomUUID,
    newCode: deps.newCode ?? ((digits) => String(randomInt(10 ** (digits - 1), 10 ** digits))),
    learnerIdSecret: deps.learnerIdSecret,
    logger: deps.logger ?? silentLogger,
  };
  // alias → canonical; most learners never link, so the cache mostly remembers "no link" (the id itself).
  const canonical = new Map<string, string>();
  const learnerIdFor = async (message: IncomingMessage): Promise<string> => {
    const raw = opaqueLearnerId(deps.learnerIdSecret, message);
    const hit = canonical.get(raw);
    if (hit) return hit;
    const id = (await deps.store.canonicalLearner(raw)) ?? raw;
    if (canonical.size >= CACHE_LIMIT) canonical.clear();
    canonical.set(raw, id);
    return id;
  };
  // The profile as this turn sees it: read once per turn however many parts ask (observer, local notices).
  const profileOf = (learnerId: string, turn?: object) =>
    turn ? oncePerTurn(turn, `learning-profile:${learnerId}`, () => deps.store.getProfile(learnerId)) : deps.store.getProfile(learnerId);
  const questionObserver: LearningQuestionObserver = {
    async questionAsked(e) {
      // Nothing is stored for learners who have not consented.
      if (!(await profileOf(e.learnerId, e.turn))) return;
      const at = typeof e.at === "string" ? e.at : e.at.toISOString();
      // Redacted on the raw text, before lower-casing: e-mails, passwords and addresses are easiest to see there.
      const text = redact(e.text.normalize("NFC")).trim().toLowerCase().replace(/\s+/g, " ").slice(0, 300);
      if (text) await deps.store.recordQuestion({ ...e, text, at });
    },
  };
  // A link can move other aliases too (links are kept one level deep), so forget every cached mapping; links are rare.
  const feature = createLearningFeature(ctx, () => canonical.clear());
  const setLessons = (lessons: Lesson[]) => {
    ctx.lessons = new Map(lessons.map((l) => [l.id, l]));
    ctx.lessonList = lessons;
  };
  return { features: [feature], learnerIdFor, questionObserver, context: ctx, setLessons, profileOf };
}
