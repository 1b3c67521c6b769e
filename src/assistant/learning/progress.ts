import type { Turn } from "../feature.js";
import type { Reply } from "../types.js";
import type { LearningContext } from "./context.js";
import { say } from "./context.js";
import { pathFor, reachedPath } from "./core-paths.js";
import { suggestNext } from "./suggest.js";
import { GROUP_LABELS, T } from "./texts.js";

const titleOf = (ctx: LearningContext, id: string) => ctx.lessons.get(id)?.title ?? id;
const bullets = (ctx: LearningContext, ids: string[], max = 5) =>
  ids.slice(0, max).map((id) => `   • ${titleOf(ctx, id)}`).concat(ids.length > max ? [`   • … và ${ids.length - max} bài khác`] : []);

/** /tiendo: what is done, passed and left, in plain words. */
export async function progressReply(ctx: LearningContext, turn: Turn): Promise<Reply> {
  const profile = await ctx.store.getProfile(turn.learnerId);
  if (!profile) return say(turn, "progress", T.progressNoConsent, [{ label: T.consentYes, action: "ob:yes" }]);
  const p = await ctx.store.learnerProgress(turn.learnerId);
  const path = pathFor(ctx.paths, profile.targetGroup);
  const group = GROUP_LABELS[profile.targetGroup ?? "citizen"];
  const lines: string[] = [];
  if (!p.completed.length && !p.passed.length && !p.failed.length) lines.push(T.progressNone);
  if (p.completed.length) lines.push(T.progressDone(p.completed.length), ...bullets(ctx, p.completed));
  if (p.passed.length) lines.push(T.progressPassed(p.passed.length), ...bullets(ctx, p.passed));
  if (p.failed.length) lines.push(T.progressFailed(p.failed.length), ...bullets(ctx, p.failed));
  const passed = new Set(p.passed);
  const left = path.filter((id) => !passed.has(id));
  lines.push(reachedPath(path, passed) ? T.progressPathDone(group) : T.progressLeft(group, left.length), ...bullets(ctx, left));
  return say(turn, "progress", lines.join("\n"), [{ label: T.suggestButton, action: "pg:s" }]);
}

/** "Gợi ý bài tiếp theo". */
export async function suggestReply(ctx: LearningContext, turn: Turn): Promise<Reply> {
  const profile = await ctx.store.getProfile(turn.learnerId);
  const p = profile ? await ctx.store.learnerProgress(turn.learnerId) : { completed: [], passed: [], failed: [] };
  const asked = profile ? await ctx.store.askedLessons(turn.learnerId, 10) : [];
  const path = pathFor(ctx.paths, profile?.targetGroup);
  const list = suggestNext({ failed: p.failed, asked, path, passed: p.passed }, (id) => ctx.lessons.has(id));
  if (!list.length) return say(turn, "progress", T.suggestNothing, [{ label: T.otherLessons, action: "ls:t" }]);
  const reason = { failed: T.reasonFailed, asked: T.reasonAsked, path: T.reasonPath } as const;
  const lines = list.map((s, i) => `${i + 1}. ${titleOf(ctx, s.lessonId)} (${reason[s.reason]})`);
  const buttons = list.map((s) => ({
    label: titleOf(ctx, s.lessonId),
    action: s.reason === "failed" ? `qz:s:${s.lessonId}` : `ls:o:${s.lessonId}`,
  }));
  return say(turn, "progress", `${T.suggestHeader}\n${lines.join("\n")}`, buttons);
}
