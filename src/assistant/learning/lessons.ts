import type { Turn } from "../feature.js";
import { plainOfRich, richLines } from "../rich-text.js";
import { channelHasButtons, type Button, type Reply } from "../types.js";
import type { LearningContext } from "./context.js";
import { learningState, nowIso, say } from "./context.js";
import { lessonParts } from "./lesson-parts.js";
import { T, TOPIC_LABELS } from "./texts.js";
import { lessonCompletedStatement } from "./xapi.js";

/** Topics from the first steps to the more specialised ones; topics not named here follow in file order. */
const TOPIC_ORDER = ["basics", "vneid", "safety", "dvc", "payment", "health", "commerce", "about"];

export function topicList(ctx: LearningContext, turn: Turn): Reply {
  const topics = [...new Set(ctx.lessonList.map((l) => l.topic))].sort((a, b) => rank(TOPIC_ORDER, a) - rank(TOPIC_ORDER, b));
  if (!topics.length) return say(turn, "info", T.noLessons);
  return say(turn, "lesson", T.topics, topics.map((t) => ({ label: TOPIC_LABELS[t] ?? t, action: `ls:t:${t}` })));
}

function rank(order: string[], item: string): number {
  const i = order.indexOf(item);
  return i < 0 ? order.length : i;
}

const orderCache = new WeakMap<LearningContext, string[]>();

/**
 * Lesson ids in learning order: the core paths' order first (they are written in the order lessons should be
 * learnt), each lesson followed by the lessons its `next` chain names, then the rest in file order.
 */
export function learningOrder(ctx: LearningContext): string[] {
  const cached = orderCache.get(ctx);
  if (cached) return cached;
  const placed = new Set<string>();
  const order: string[] = [];
  const place = (id: string) => {
    for (let cur: string | undefined = id; cur && !placed.has(cur) && ctx.lessons.has(cur); cur = ctx.lessons.get(cur)?.next) {
      placed.add(cur);
      order.push(cur);
    }
  };
  for (const path of Object.values(ctx.paths)) for (const id of path) place(id);
  // Chain heads first, so a lesson named as another's `next` comes after it even when its file sorts earlier.
  const followers = new Set(ctx.lessonList.map((l) => l.next).filter((id): id is string => Boolean(id)));
  for (const l of ctx.lessonList) if (!followers.has(l.id)) place(l.id);
  for (const l of ctx.lessonList) place(l.id);
  orderCache.set(ctx, order);
  return order;
}

/** Lessons per page of a topic: a page with its "Xem thêm" button fits one phone screen (360×780) with long titles. */
export const LESSONS_PER_PAGE = 4;

/**
 * "ls:t:<topic>" or "ls:t:<topic>:<page>": one page of a topic's lessons in learning order, "✓ " before the ones the
 * learner has passed, then "Xem thêm bài" while more remain.
 */
export async function lessonList(ctx: LearningContext, turn: Turn, arg: string): Promise<Reply> {
  const [topic = "", pageText] = arg.split(":");
  const order = learningOrder(ctx);
  const lessons = ctx.lessonList.filter((l) => l.topic === topic).sort((a, b) => order.indexOf(a.id) - order.indexOf(b.id));
  const pages = Math.ceil(lessons.length / LESSONS_PER_PAGE);
  const page = Math.min(Math.max(Number(pageText) || 0, 0), Math.max(pages - 1, 0));
  const shown = lessons.slice(page * LESSONS_PER_PAGE, (page + 1) * LESSONS_PER_PAGE);
  if (!shown.length) return topicList(ctx, turn);
  const passed = new Set((await ctx.store.learnerProgress(turn.learnerId)).passed);
  const buttons: Button[] = shown.map((l) => ({ label: passed.has(l.id) ? `✓ ${l.title}` : l.title, action: `ls:o:${l.id}` }));
  if (page < pages - 1) buttons.push({ label: T.moreLessons, action: `ls:t:${topic}:${page + 1}` });
  const label = TOPIC_LABELS[topic] ?? topic;
  return say(turn, "lesson", T.lessonsIn(label, pages > 1 ? { page: page + 1, pages } : undefined), buttons);
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
  const parts = lessonParts(lesson, channelHasButtons(turn.message.channel));
  const part = parts[open.part] ?? { text: "", rich: [], links: [] };
  // Internal links become "Xem bài: …" buttons after the main one, so every channel can follow them (Zalo by number).
  const seeAlso: Button[] = part.links
    .filter((l) => l.lessonId !== lesson.id && ctx.lessons.has(l.lessonId))
    .map((l) => ({ label: T.seeLesson(l.text || (ctx.lessons.get(l.lessonId)?.title ?? "")), action: `ls:o:${l.lessonId}` }));
  if (open.part < parts.length - 1) {
    return { ...say(turn, "lesson", part.text, [{ label: T.next, action: "ls:n" }, ...seeAlso]), rich: part.rich };
  }
  const buttons: Button[] = [...seeAlso, { label: T.otherLessons, action: "ls:t" }];
  if (lesson.quiz.length) buttons.unshift({ label: T.takeQuiz, action: `qz:s:${lesson.id}` });
  const rich = [...part.rich, { spans: [] }, ...richLines(T.lessonEnd)];
  return { ...say(turn, "lesson", plainOfRich(rich), buttons), rich };
}
