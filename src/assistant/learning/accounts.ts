import type { Turn } from "../feature.js";
import { opaqueLearnerId } from "../learner-id.js";
import { foldText } from "../../shared/fold.js";
import type { Button, Reply } from "../types.js";
import type { LearningContext } from "./context.js";
import { learningState, nowIso, say } from "./context.js";
import { pathFor, reachedPath } from "./core-paths.js";
import { startOnboarding } from "./onboarding.js";
import { T } from "./texts.js";

/** A link code works once, for this long. */
export const LINK_CODE_MINUTES = 10;
/** Guessing limit: at most this many wrong codes per platform account within the window, then wait. */
export const LINK_MAX_FAILURES = 5;
export const LINK_FAILURE_WINDOW_MINUTES = 60;

/**
 * /lienket: without a code, issues a one-time code for this learner; with a code (typed on the other app), links
 * this platform account to the learner who issued it. `onLinked` lets the id cache forget old mappings.
 * Wrong codes are counted in the store per platform account (the one typing), so the limit holds across restarts
 * and instances; once reached, even a right code waits until the window has passed.
 */
export async function linkCommand(ctx: LearningContext, turn: Turn, arg: string, onLinked: (aliasId: string) => void): Promise<Reply> {
  if (turn.message.isGroup) return say(turn, "info", T.groupOnly);
  const now = ctx.clock();
  const code = arg.replace(/\s+/g, "");
  if (!code) {
    const fresh = ctx.newCode(8);
    await ctx.store.createLinkCode(fresh, turn.learnerId, new Date(now.getTime() + LINK_CODE_MINUTES * 60_000).toISOString(), now.toISOString());
    return say(turn, "info", T.linkCode(fresh, LINK_CODE_MINUTES));
  }
  const alias = opaqueLearnerId(ctx.learnerIdSecret, turn.message);
  const windowStart = new Date(now.getTime() - LINK_FAILURE_WINDOW_MINUTES * 60_000).toISOString();
  if ((await ctx.store.countLinkFailures(alias, windowStart)) >= LINK_MAX_FAILURES) return say(turn, "info", T.linkTooMany);
  const issuer = await ctx.store.redeemLinkCode(code, now.toISOString());
  if (!issuer) {
    await ctx.store.recordLinkFailure(alias, now.toISOString(), windowStart);
    const failures = await ctx.store.countLinkFailures(alias, windowStart);
    return say(turn, "info", failures >= LINK_MAX_FAILURES ? T.linkTooMany : T.linkBad);
  }
  if (issuer === turn.learnerId) return say(turn, "info", T.linkSame);
  await ctx.store.linkLearner(alias, issuer, now.toISOString());
  onLinked(alias);
  return say(turn, "info", T.linkDone, [{ label: T.progressButton, action: "pg:p" }]);
}

/** Counts a mentor may see: lessons done and quizzes passed, never answers. */
export async function menteeCounts(ctx: LearningContext, learnerId: string) {
  const [p, profile] = await Promise.all([ctx.store.learnerProgress(learnerId), ctx.store.getProfile(learnerId)]);
  const reached = reachedPath(pathFor(ctx.paths, profile?.targetGroup), new Set(p.passed));
  return { lessonsDone: p.completed.length, quizzesPassed: p.passed.length, reached };
}

/** A mentor may send each mentee at most one message in this window. */
export const MENTOR_MESSAGE_HOURS = 24;

const dateVi = (iso: string) => iso.replace(/^(\d{4})-(\d{2})-(\d{2}).*$/s, "$3/$2/$1");

/** /daisu [code]: claim a mentor code, or see one's mentees (name, last lesson, where stuck, last active). */
export async function mentorCommand(ctx: LearningContext, turn: Turn, arg: string): Promise<Reply> {
  if (turn.message.isGroup) return say(turn, "info", T.groupOnly);
  const code = arg.trim().toUpperCase();
  if (code) {
    const ok = await ctx.store.claimMentorCode(code, turn.learnerId, nowIso(ctx));
    return say(turn, "info", ok ? T.mentorClaimed(code) : T.mentorBad);
  }
  const mentor = await ctx.store.mentorOf(turn.learnerId);
  if (!mentor) return say(turn, "info", T.notMentor);
  const mentees = await ctx.store.mentees(mentor.code);
  const lines = [T.mentorHeader(mentor.label, mentor.code)];
  if (!mentees.length) lines.push(T.mentorNone);
  let reached = 0;
  const buttons: Button[] = [];
  for (const [i, m] of mentees.entries()) {
    const [c, last, progress] = await Promise.all([
      menteeCounts(ctx, m.learnerId),
      ctx.store.lastActivity(m.learnerId),
      ctx.store.learnerProgress(m.learnerId),
    ]);
    if (c.reached) reached += 1;
    const name = m.displayName ?? `Người học ${i + 1}`;
    lines.push(T.mentorMentee(i + 1, c.lessonsDone, c.quizzesPassed, m.displayName));
    lines.push(T.mentorLast(last ? ctx.lessons.get(last.lessonId)?.title : undefined, last ? dateVi(last.at) : undefined));
    const stuck = progress.failed.map((id) => ctx.lessons.get(id)?.title).find(Boolean);
    if (stuck) lines.push(T.mentorStuck(stuck));
    if (m.messagesOff) lines.push(T.mentorMessagesOff);
    else buttons.push({ label: T.encourageButton(name), action: `mt:e:${i + 1}` });
  }
  if (mentees.length) lines.push(T.mentorReached(reached, mentees.length));
  if (mentees.length < 5) lines.push(T.mentorGoal(5 - mentees.length));
  if (buttons.length) lines.push("", T.mentorEncourageHint);
  return say(turn, "progress", lines.join("\n"), buttons);
}

/** "mt:e:<n>": the mentor sends the n-th mentee (in /daisu order) a preset encouragement, rate-limited. */
export async function encourageMentee(ctx: LearningContext, turn: Turn, position: number): Promise<Reply> {
  if (turn.message.isGroup) return say(turn, "info", T.groupOnly);
  const mentor = await ctx.store.mentorOf(turn.learnerId);
  if (!mentor) return say(turn, "info", T.notMentor);
  const mentees = await ctx.store.mentees(mentor.code);
  const mentee = mentees[position - 1];
  if (!mentee) return say(turn, "info", T.encourageUnknown);
  const name = mentee.displayName ?? `Người học ${position}`;
  const now = ctx.clock();
  const since = new Date(now.getTime() - MENTOR_MESSAGE_HOURS * 3_600_000).toISOString();
  const queued = await ctx.store.queueMentorMessage(mentor.code, mentee.learnerId, "encourage", now.toISOString(), since);
  return say(turn, "info", queued ? T.encourageSent(name) : T.encourageLimited(name));
}

/** Waiting mentor messages for this learner, as text to put before their reply (private chats only). */
export async function mentorMessagesFor(ctx: LearningContext, turn: Turn): Promise<string[]> {
  if (turn.message.isGroup) return [];
  const messages = await ctx.store.takeMentorMessages(turn.learnerId, nowIso(ctx));
  if (!messages.length) return [];
  const progress = await ctx.store.learnerProgress(turn.learnerId);
  const stuck = progress.failed.map((id) => ctx.lessons.get(id)?.title).find(Boolean);
  const out: string[] = [];
  for (const m of messages.slice(-1)) {
    const mentor = await ctx.store.mentorByCode(m.code);
    out.push(T.mentorMessage(mentor?.label ?? "", stuck));
  }
  return out;
}

/** /moi <code>: join a mentor (needs consent, since the mentor will see progress counts), then choose a name. */
export async function joinMentor(ctx: LearningContext, turn: Turn, arg: string): Promise<Reply> {
  const word = foldText(arg.trim());
  if (word === "tat" || word === "tat nhan") {
    await ctx.store.setMenteeMessagesOff(turn.learnerId, true);
    return say(turn, "info", T.messagesOff);
  }
  if (word === "nhan" || word === "bat") {
    await ctx.store.setMenteeMessagesOff(turn.learnerId, false);
    return say(turn, "info", T.messagesOn);
  }
  const code = arg.trim().toUpperCase();
  const mentor = code ? await ctx.store.mentorByCode(code) : undefined;
  if (!mentor?.learnerId) return say(turn, "info", T.menteeBad);
  if (mentor.learnerId === turn.learnerId) return say(turn, "info", T.menteeSelf);
  if (!(await ctx.store.getProfile(turn.learnerId))) return startOnboarding(ctx, turn);
  const added = await ctx.store.addMentee(code, turn.learnerId, nowIso(ctx));
  if (!added) return say(turn, "info", T.menteeAlready, [{ label: T.otherLessons, action: "ls:t" }]);
  learningState(turn).askName = true;
  return say(turn, "info", `${T.menteeJoined}\n\n${T.askName}`, [{ label: T.skipName, action: "mt:skip" }]);
}

/** What a new mentee types after /moi: the name their mentor sees (letters only, short, no phone numbers). */
export async function menteeName(ctx: LearningContext, turn: Turn, text: string | undefined): Promise<Reply> {
  const st = learningState(turn);
  if (text === undefined) {
    delete st.askName;
    return say(turn, "info", T.nameSkipped, [{ label: T.otherLessons, action: "ls:t" }]);
  }
  const name = text.normalize("NFC").replace(/\s+/g, " ").trim();
  const ok = name.length >= 1 && name.length <= 30 && name.split(" ").length <= 5 && /^[\p{L}\p{M} .'-]+$/u.test(name);
  if (!ok) return say(turn, "info", T.nameBad, [{ label: T.skipName, action: "mt:skip" }]);
  delete st.askName;
  await ctx.store.setMenteeName(turn.learnerId, name);
  return say(turn, "info", T.nameSaved(name), [{ label: T.otherLessons, action: "ls:t" }]);
}
