import type { Lesson } from "../../curriculum/types.js";
import type { Turn } from "../feature.js";
import type { Reply } from "../types.js";
import type { LearningContext } from "./context.js";
import { nowIso, say } from "./context.js";
import type { QuizAttempt } from "./ports.js";
import { answerPrefix, nextAttemptState, optionOrder, parseAnswerAction, parseTypedAnswer, shortAttemptId } from "./quiz-engine.js";
import { T } from "./texts.js";
import { answeredStatement, quizResultStatement } from "./xapi.js";

/** Shows the attempt's current question (same option order on every resume). */
function questionReply(turn: Turn, attempt: QuizAttempt, lesson: Lesson, preface: string): Reply {
  const i = attempt.currentIndex;
  const item = lesson.quiz[i];
  if (!item) return say(turn, "error", T.noQuiz);
  const order = optionOrder(attempt.id, i, item.options.length);
  const question = T.questionLine(i + 1, attempt.total, item.question);
  return say(turn, "quiz", preface ? `${preface}\n\n${question}` : question, undefined, {
    answerActionPrefix: answerPrefix(attempt.id, i),
    question: item.question,
    options: order.map((o) => item.options[o] ?? ""),
    correctIndex: order.indexOf(item.answer),
    explanation: item.explanation,
    position: i + 1,
    total: attempt.total,
  });
}

export async function startQuiz(ctx: LearningContext, turn: Turn, lessonId: string): Promise<Reply> {
  const lesson = ctx.lessons.get(lessonId);
  if (!lesson) return say(turn, "error", T.unknownLesson);
  if (!lesson.quiz.length) return say(turn, "info", T.noQuiz);
  const active = await ctx.store.activeAttempt(turn.learnerId);
  if (active?.lessonId === lessonId) return questionReply(turn, active, lesson, T.quizResume);
  const used = await ctx.store.attemptCount(turn.learnerId, lessonId);
  if (ctx.quiz.maxAttempts > 0 && used >= ctx.quiz.maxAttempts) {
    return say(turn, "info", T.noAttemptsLeft(ctx.quiz.maxAttempts), [{ label: T.suggestButton, action: "pg:s" }]);
  }
  const at = nowIso(ctx);
  const attempt: QuizAttempt = {
    id: ctx.newId(),
    learnerId: turn.learnerId,
    lessonId,
    attemptNo: used + 1,
    total: lesson.quiz.length,
    currentIndex: 0,
    correct: 0,
    answers: [],
    status: "in_progress",
    startedAt: at,
    questionShownAt: at,
    platform: turn.message.channel,
  };
  await ctx.store.startAttempt(attempt);
  return questionReply(turn, attempt, lesson, T.quizIntro(lesson.title, lesson.quiz.length, ctx.quiz.passPercent));
}

export async function resumeQuiz(ctx: LearningContext, turn: Turn): Promise<Reply | undefined> {
  const active = await ctx.store.activeAttempt(turn.learnerId);
  const lesson = active && ctx.lessons.get(active.lessonId);
  return active && lesson ? questionReply(turn, active, lesson, T.quizResume) : undefined;
}

/**
 * Handles a button answer ("qa:…") or a typed "1"/"B" while a question is pending. The state change and its
 * statements are committed together before the reply exists; a redelivered answer finds the attempt already moved
 * on and only re-shows where the learner is.
 */
export async function answerQuiz(ctx: LearningContext, turn: Turn, action: string | undefined): Promise<Reply | undefined> {
  const parsed = action ? parseAnswerAction(action) : undefined;
  if (action && !parsed) return undefined;
  const attempt = await ctx.store.activeAttempt(turn.learnerId);
  if (!attempt) return parsed ? say(turn, "info", T.noQuizPending, [{ label: T.progressButton, action: "pg:p" }]) : undefined;
  const lesson = ctx.lessons.get(attempt.lessonId);
  if (!lesson) return undefined;
  const item = lesson.quiz[attempt.currentIndex];
  if (!item) return undefined;
  let displayIndex: number | undefined;
  if (parsed) {
    if (parsed.shortId !== shortAttemptId(attempt.id) || parsed.questionIndex !== attempt.currentIndex) {
      return questionReply(turn, attempt, lesson, T.alreadyAnswered);
    }
    displayIndex = parsed.displayIndex;
  } else {
    displayIndex = parseTypedAnswer(turn.text, item.options.length);
    if (displayIndex === undefined) return undefined;
  }
  const chosen = optionOrder(attempt.id, attempt.currentIndex, item.options.length)[displayIndex];
  if (chosen === undefined) return questionReply(turn, attempt, lesson, "");
  const at = nowIso(ctx);
  const { next, correct, finished } = nextAttemptState(attempt, lesson.quiz, chosen, ctx.quiz.passPercent, at);
  const profile = await ctx.store.getProfile(attempt.learnerId);
  const env = { homePage: ctx.homePage, learnerId: attempt.learnerId, platform: attempt.platform, profile, at };
  const statements = [answeredStatement(env, lesson, { attemptId: attempt.id, index: attempt.currentIndex, chosen, shownAt: attempt.questionShownAt })];
  if (finished) {
    statements.push(
      quizResultStatement(env, lesson, { attemptId: attempt.id, correct: next.correct, total: next.total, passed: next.status === "passed", startedAt: attempt.startedAt }),
    );
  }
  const applied = await ctx.store.applyAnswer(next, attempt.currentIndex, statements);
  if (!applied) {
    // Another delivery of the same answer won the race: show where the learner really is now.
    const now = await ctx.store.getAttempt(attempt.id);
    if (now?.status === "in_progress") return questionReply(turn, now, lesson, T.alreadyAnswered);
    return say(turn, "info", T.alreadyAnswered, [{ label: T.progressButton, action: "pg:p" }]);
  }
  const feedback = `${correct ? T.right : T.wrong(item.options[item.answer] ?? "")}\n${item.explanation}`;
  if (!finished) return questionReply(turn, next, lesson, feedback);
  const passed = next.status === "passed";
  const summary = passed ? T.passed(next.correct, next.total) : T.failed(next.correct, next.total, ctx.quiz.passPercent);
  const buttons = passed
    ? [{ label: T.suggestButton, action: "pg:s" }, { label: T.progressButton, action: "pg:p" }]
    : [{ label: T.reread, action: `ls:o:${lesson.id}` }, { label: T.retry, action: `qz:s:${lesson.id}` }, { label: T.suggestButton, action: "pg:s" }];
  return say(turn, "quiz", `${feedback}\n\n${summary}`, buttons);
}
