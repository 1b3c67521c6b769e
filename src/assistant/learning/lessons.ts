import type { Turn } from "../feature.js";
import type { Button, Reply } from "../types.js";
import type { LearningContext } from "./context.js";
import { learningState, nowIso, say } from "./context.js";
import { lessonParts } from "./lesson-parts.js";
import { T, TOPIC_LABELS } from "./texts.js";
import { lessonCompletedStatement } from "./xapi.js";

export function topicList(ctx: LearningContext, turn: Turn): Reply {
  const topics = [...new Set(ctx.lessonList.map((l) => l.topic))];
  if (!topics.length) return say(turn, "info", T.noLessons);
  return say(turn, "lesson", T.topics, topics.map((t) => ({ label: TOPIC_LABELS[t] ?? t, action: `ls:t:${t}` })));
}

export function lessonList(ctx: LearningContext, turn: Turn, topic: string): Reply {
  const lessons = ctx.lessonList.filter((l) => l.topic === topic);
  if (!lessons.length) return topicList(ctx, turn);
  return say(
    turn,
    "lesson",
    T.lessonsIn(TOPIC_LABELS[topic] ?? topic),
    lessons.map((l) => ({ label: l.title, action: `ls:o:${l.id}` })),
  );
}

export function openLesson(ctx: LearningContext, turn: Turn, lessonId: string): Reply {
  const lesson = ctx.lessons.get(lessonId);
  if (!lesson) return say(turn, "error", T.unknownLesson);
  const st = learningState(turn);
  st.lesson = { id: lesson.id, part: 0, reading: ctx.newId(), startedAt: nowIso(ctx), focus: true };
  return showPart(ctx, turn);
}

/** "Tiếp": the next part; reaching the last part records "completed" (only for learners who consented). */
export async function nextPart(ctx: LearningContext, turn: Turn): Promise<Reply> {
  const st = learningState(turn);
  const open = st.lesson;
  const lesson = open && ctx.lessons.get(open.id);
  if (!open || !lesson) return say(turn, "info", T.noLessonOpen);
  const parts = lessonParts(lesson);
  if (open.part < parts.length - 1) open.part += 1;
  open.focus = true;
  if (open.part === parts.length - 1) {
    const profile = await ctx.store.getProfile(turn.learnerId);
    if (profile) {
      const env = { homePage: ctx.homePage, learnerId: turn.learnerId, platform: turn.message.channel, profile, at: nowIso(ctx) };
      // Id derived from the reading session: pressing "Tiếp" twice at the end, or a redelivery, records it once.
      await ctx.store.appendStatements([lessonCompletedStatement(env, lesson, { reading: open.reading, startedAt: open.startedAt })]);
    }
  }
  return showPart(ctx, turn);
}

function showPart(ctx: LearningContext, turn: Turn): Reply {
  const open = learningState(turn).lesson;
  const lesson = open && ctx.lessons.get(open.id);
  if (!open || !lesson) return say(turn, "info", T.noLessonOpen);
  const parts = lessonParts(lesson);
  const text = parts[open.part] ?? "";
  if (open.part < parts.length - 1) return say(turn, "lesson", text, [{ label: T.next, action: "ls:n" }]);
  const buttons: Button[] = [{ label: T.otherLessons, action: "ls:t" }];
  if (lesson.quiz.length) buttons.unshift({ label: T.takeQuiz, action: `qz:s:${lesson.id}` });
  return say(turn, "lesson", `${text}\n\n${T.lessonEnd}`, buttons);
}
