import type { Turn } from "../feature.js";
import { opaqueLearnerId } from "../learner-id.js";
import type { Reply } from "../types.js";
import type { LearningContext } from "./context.js";
import { nowIso, say } from "./context.js";
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

/** /daisu [code]: claim a mentor code, or see one's mentees. */
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
  for (const [i, m] of mentees.entries()) {
    const c = await menteeCounts(ctx, m.learnerId);
    if (c.reached) reached += 1;
    lines.push(T.mentorMentee(i + 1, c.lessonsDone, c.quizzesPassed));
  }
  if (mentees.length) lines.push(T.mentorReached(reached, mentees.length));
  if (mentees.length < 5) lines.push(T.mentorGoal(5 - mentees.length));
  return say(turn, "progress", lines.join("\n"));
}

/** /moi <code>: join a mentor (needs consent, since the mentor will see progress counts). */
export async function joinMentor(ctx: LearningContext, turn: Turn, arg: string): Promise<Reply> {
  const code = arg.trim().toUpperCase();
  const mentor = code ? await ctx.store.mentorByCode(code) : undefined;
  if (!mentor?.learnerId) return say(turn, "info", T.menteeBad);
  if (mentor.learnerId === turn.learnerId) return say(turn, "info", T.menteeSelf);
  if (!(await ctx.store.getProfile(turn.learnerId))) return startOnboarding(ctx, turn);
  const added = await ctx.store.addMentee(code, turn.learnerId, nowIso(ctx));
  return say(turn, "info", added ? T.menteeJoined : T.menteeAlready, [{ label: T.otherLessons, action: "ls:t" }]);
}
