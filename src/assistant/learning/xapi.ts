import type { Lesson } from "../../curriculum/types.js";
import type { LearnerProfile } from "./ports.js";
import { uuidV5 } from "./uuid.js";
import type { XapiActivity, XapiContext, XapiStatement, VerbName } from "./xapi-types.js";
import { ACTIVITY_TYPES, VERBS } from "./xapi-types.js";

/** Everything a statement needs to know about who, where and when. Pure: no clock, no randomness. */
export interface StatementEnv {
  homePage: string;
  learnerId: string;
  platform: string;
  profile?: LearnerProfile;
  /** Event time and storage time (ISO 8601). */
  at: string;
}

type LessonInfo = Pick<Lesson, "id" | "title" | "skill" | "quiz">;

const base = (home: string) => home.replace(/\/+$/, "");
export const activityIds = {
  lesson: (home: string, lessonId: string) => `${base(home)}/lesson/${lessonId}`,
  quiz: (home: string, lessonId: string) => `${base(home)}/quiz/${lessonId}`,
  question: (home: string, lessonId: string, index: number) => `${base(home)}/quiz/${lessonId}/question/${index + 1}`,
  extension: (home: string, name: string) => `${base(home)}/xapi/ext/${name}`,
};

/** ISO 8601 duration (PT#H#M#S) between two instants; never negative. */
export function isoDuration(fromIso: string, toIso: string): string {
  let s = Math.max(0, Math.round((Date.parse(toIso) - Date.parse(fromIso)) / 1000));
  const h = Math.floor(s / 3600);
  s -= h * 3600;
  const m = Math.floor(s / 60);
  s -= m * 60;
  return `PT${h ? `${h}H` : ""}${m ? `${m}M` : ""}${s || (!h && !m) ? `${s}S` : ""}`;
}

/** Skill tag namespaced by framework ("3139:0.2"), or the area name when the code is not confirmed. */
export function skillCode(lesson: Pick<Lesson, "skill">): string {
  const s = lesson.skill;
  return s.code && s.codeConfirmed ? `${s.framework}:${s.code}` : `${s.framework}:${s.area}`;
}

function context(env: StatementEnv, lesson: LessonInfo, registration: string, grouping?: string): XapiContext {
  const p = env.profile;
  const ext = (n: string) => activityIds.extension(env.homePage, n);
  const extensions: Record<string, unknown> = { [ext("skill")]: skillCode(lesson) };
  if (p?.provinceCode) {
    extensions[ext("locality")] = {
      province: p.provinceCode,
      ...(p.communeCode ? { commune: p.communeCode } : {}),
      ...(p.neighbourhoodCode ? { neighbourhood: p.neighbourhoodCode } : {}),
    };
  }
  if (p?.targetGroup) extensions[ext("target-group")] = p.targetGroup;
  return {
    registration,
    platform: env.platform,
    language: "vi-VN",
    contextActivities: {
      parent: [{ objectType: "Activity", id: activityIds.lesson(env.homePage, lesson.id) }],
      ...(grouping ? { grouping: [{ objectType: "Activity", id: grouping }] } : {}),
    },
    extensions,
  };
}

function statement(
  env: StatementEnv,
  idName: string,
  verb: VerbName,
  object: XapiActivity,
  ctx: XapiContext,
  result?: XapiStatement["result"],
): XapiStatement {
  return {
    id: uuidV5(idName),
    actor: { objectType: "Agent", account: { homePage: env.homePage, name: env.learnerId } },
    verb: VERBS[verb],
    object,
    ...(result ? { result } : {}),
    context: ctx,
    timestamp: env.at,
    stored: env.at,
    version: "1.0.3",
  };
}

/** "answered" for one quiz question; id derived from attempt + question so a redelivered answer is a no-op. */
export function answeredStatement(
  env: StatementEnv,
  lesson: LessonInfo,
  a: { attemptId: string; index: number; chosen: number; shownAt: string },
): XapiStatement {
  const item = lesson.quiz[a.index];
  if (!item) throw new Error(`lesson ${lesson.id} has no question ${a.index}`);
  const correct = a.chosen === item.answer;
  const object: XapiActivity = {
    objectType: "Activity",
    id: activityIds.question(env.homePage, lesson.id, a.index),
    definition: {
      name: { "vi-VN": item.question },
      type: ACTIVITY_TYPES.question,
      interactionType: "choice",
      correctResponsesPattern: [`o${item.answer}`],
      choices: item.options.map((o, i) => ({ id: `o${i}`, description: { "vi-VN": o } })),
    },
  };
  const quizId = activityIds.quiz(env.homePage, lesson.id);
  return statement(env, `${a.attemptId}:${a.index}:answered`, "answered", object, context(env, lesson, a.attemptId, quizId), {
    score: { scaled: correct ? 1 : 0, raw: correct ? 1 : 0, min: 0, max: 1 },
    success: correct,
    completion: true,
    response: `o${a.chosen}`,
    duration: isoDuration(a.shownAt, env.at),
  });
}

/** "passed"/"failed" for a finished attempt. */
export function quizResultStatement(
  env: StatementEnv,
  lesson: LessonInfo,
  a: { attemptId: string; correct: number; total: number; passed: boolean; startedAt: string },
): XapiStatement {
  const object: XapiActivity = {
    objectType: "Activity",
    id: activityIds.quiz(env.homePage, lesson.id),
    definition: { name: { "vi-VN": `Bài kiểm tra: ${lesson.title}` }, type: ACTIVITY_TYPES.assessment },
  };
  const verb: VerbName = a.passed ? "passed" : "failed";
  return statement(env, `${a.attemptId}:quiz:${verb}`, verb, object, context(env, lesson, a.attemptId), {
    score: { scaled: a.total ? Math.round((a.correct / a.total) * 1000) / 1000 : 0, raw: a.correct, min: 0, max: a.total },
    success: a.passed,
    completion: true,
    duration: isoDuration(a.startedAt, env.at),
  });
}

/** "completed" when the learner reached the last part of a lesson; `reading` is the reading session id. */
export function lessonCompletedStatement(
  env: StatementEnv,
  lesson: LessonInfo,
  r: { reading: string; startedAt: string },
): XapiStatement {
  const object: XapiActivity = {
    objectType: "Activity",
    id: activityIds.lesson(env.homePage, lesson.id),
    definition: { name: { "vi-VN": lesson.title }, type: ACTIVITY_TYPES.lesson },
  };
  const ctx = context(env, lesson, r.reading);
  // A lesson is not its own parent.
  delete ctx.contextActivities.parent;
  return statement(env, `${r.reading}:lesson:completed`, "completed", object, ctx, {
    completion: true,
    duration: isoDuration(r.startedAt, env.at),
  });
}
