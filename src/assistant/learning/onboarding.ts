import type { Turn } from "../feature.js";
import { foldText } from "../../shared/fold.js";
import type { Button, Reply } from "../types.js";
import type { LearningContext, LearningState } from "./context.js";
import { learningState, nowIso, say } from "./context.js";
import type { AdminUnit, LearnerProfile } from "./ports.js";
import { AGE_BANDS, TARGET_GROUPS } from "./ports.js";
import { AGE_LABELS, GROUP_LABELS, T } from "./texts.js";
import { typedAge, typedConsent, typedGroup, typedSkip } from "./onboarding-words.js";

type Step = NonNullable<LearningState["onboarding"]>["step"];
const PAGE = 8;

/** /hoso, or the first /baihoc: consent first (nothing is stored before "Đồng ý"), then the profile questions. */
export async function startOnboarding(ctx: LearningContext, turn: Turn): Promise<Reply> {
  if (turn.message.isGroup) return say(turn, "info", T.groupOnly);
  const st = learningState(turn);
  const profile = await ctx.store.getProfile(turn.learnerId);
  if (profile) {
    delete st.onboarding;
    return say(turn, "info", await describe(ctx, profile), [
      { label: T.editPlace, action: "ob:e:place" },
      { label: T.editGroup, action: "ob:e:group" },
      { label: T.editAge, action: "ob:e:age" },
      { label: T.deleteProfile, action: "ob:del" },
    ]);
  }
  st.consentAsked = true;
  st.onboarding = { step: "consent", page: 0 };
  return say(turn, "info", T.consent, [
    { label: T.consentYes, action: "ob:yes" },
    { label: T.consentNo, action: "ob:no" },
  ]);
}

async function describe(ctx: LearningContext, p: LearnerProfile): Promise<string> {
  const name = async (code?: string) => (code ? ((await ctx.store.getUnit(code))?.name ?? code) : T.notSet);
  return [
    T.profileHeader,
    `• Tỉnh/thành phố: ${await name(p.provinceCode)}`,
    `• Xã/phường: ${await name(p.communeCode)}`,
    `• Tổ dân phố/thôn: ${await name(p.neighbourhoodCode)}`,
    `• Nhóm: ${p.targetGroup ? GROUP_LABELS[p.targetGroup] : T.notSet}`,
    `• Độ tuổi: ${p.ageBand ? AGE_LABELS[p.ageBand] : T.notSet}`,
  ].join("\n");
}

async function unitsFor(ctx: LearningContext, step: Step, p: LearnerProfile): Promise<AdminUnit[]> {
  if (step === "province") return ctx.store.listUnits("province");
  if (step === "commune" && p.provinceCode) return ctx.store.listUnits("commune", p.provinceCode);
  if (step === "neighbourhood" && p.communeCode) return ctx.store.listUnits("neighbourhood", p.communeCode);
  return [];
}

/** Shows a step, skipping unit steps that have nothing to choose from. */
async function ask(ctx: LearningContext, turn: Turn, p: LearnerProfile, step: Step, page = 0, prefix = ""): Promise<Reply> {
  const st = learningState(turn);
  const only = st.onboarding?.only;
  st.onboarding = { step, page, ...(only ? { only } : {}) };
  const skip = { label: T.skip, action: "ob:skip" };
  if (step === "group") {
    return say(turn, "info", `${prefix}${T.askGroup}`, [...TARGET_GROUPS.map((g) => ({ label: GROUP_LABELS[g], action: `ob:g:${g}` })), skip]);
  }
  if (step === "age") {
    return say(turn, "info", `${prefix}${T.askAge}`, [...AGE_BANDS.map((a) => ({ label: AGE_LABELS[a], action: `ob:a:${a}` })), skip]);
  }
  const units = await unitsFor(ctx, step, p);
  if (!units.length) return advance(ctx, turn, p, step);
  const shown = units.slice(page * PAGE, page * PAGE + PAGE);
  const buttons: Button[] = shown.map((u) => ({ label: u.name, action: `ob:u:${u.code}` }));
  if (units.length > (page + 1) * PAGE) buttons.push({ label: T.more, action: `ob:pg:${page + 1}` });
  buttons.push(skip);
  const parentName = async (code?: string) => (code ? ((await ctx.store.getUnit(code))?.name ?? "") : "");
  const question =
    step === "province" ? T.askProvince : step === "commune" ? T.askCommune(await parentName(p.provinceCode)) : T.askNeighbourhood(await parentName(p.communeCode));
  return say(turn, "info", `${prefix}${question}`, buttons);
}

const order: Step[] = ["province", "commune", "neighbourhood", "group", "age"];

async function advance(ctx: LearningContext, turn: Turn, p: LearnerProfile, from: Step, skipped = false): Promise<Reply> {
  const st = learningState(turn);
  const only = st.onboarding?.only;
  // Skipping the province skips the whole place (communes depend on it).
  let next: Step | undefined = skipped && from !== "neighbourhood" && order.indexOf(from) < 3 ? "group" : order[order.indexOf(from) + 1];
  if (only === "place" && (next === "group" || next === "age")) next = undefined;
  if (only === "group" || only === "age") next = undefined;
  if (!next) {
    delete st.onboarding;
    return say(turn, "info", `${T.profileDone}\n\n${await describe(ctx, p)}`, [{ label: T.otherLessons, action: "ls:t" }]);
  }
  return ask(ctx, turn, p, next);
}

export async function onboardingAction(ctx: LearningContext, turn: Turn, action: string): Promise<Reply> {
  if (turn.message.isGroup) return say(turn, "info", T.groupOnly);
  const st = learningState(turn);
  const at = nowIso(ctx);
  if (action === "ob:no") {
    delete st.onboarding;
    return say(turn, "info", T.declined, [{ label: T.otherLessons, action: "ls:t" }]);
  }
  let p = await ctx.store.getProfile(turn.learnerId);
  if (action === "ob:yes") {
    if (!p) {
      p = { learnerId: turn.learnerId, consentAt: at, updatedAt: at };
      await ctx.store.saveProfile(p);
    }
    delete st.onboarding;
    return ask(ctx, turn, p, "province");
  }
  if (!p) return startOnboarding(ctx, turn);
  if (action === "ob:del") {
    await ctx.store.deleteProfile(turn.learnerId);
    const reply = say(turn, "info", T.profileDeleted);
    // The store has deleted the saved conversation state; empty this turn's copy too, or the router would save it
    // back (an empty state is saved as no row at all).
    for (const key of Object.keys(turn.state)) delete turn.state[key];
    return reply;
  }
  const edit = /^ob:e:(place|group|age)$/.exec(action)?.[1] as "place" | "group" | "age" | undefined;
  if (edit) {
    st.onboarding = { step: "consent", page: 0, only: edit };
    return ask(ctx, turn, p, edit === "place" ? "province" : edit);
  }
  const step = st.onboarding?.step ?? "province";
  const save = async (patch: Partial<LearnerProfile>) => {
    p = { ...(p as LearnerProfile), ...patch, updatedAt: at };
    await ctx.store.saveProfile(p);
    return p;
  };
  if (action === "ob:skip") return advance(ctx, turn, p, step, true);
  const page = /^ob:pg:(\d+)$/.exec(action)?.[1];
  if (page !== undefined) return ask(ctx, turn, p, step, Number(page));
  const unitCode = /^ob:u:(.+)$/.exec(action)?.[1];
  if (unitCode) return chooseUnit(ctx, turn, p, unitCode, save);
  const group = /^ob:g:(.+)$/.exec(action)?.[1];
  if (group && (TARGET_GROUPS as readonly string[]).includes(group)) {
    return advance(ctx, turn, await save({ targetGroup: group as LearnerProfile["targetGroup"] }), "group");
  }
  const age = /^ob:a:(.+)$/.exec(action)?.[1];
  if (age && (AGE_BANDS as readonly string[]).includes(age)) {
    return advance(ctx, turn, await save({ ageBand: age as LearnerProfile["ageBand"] }), "age");
  }
  return ask(ctx, turn, p, step);
}

async function chooseUnit(
  ctx: LearningContext,
  turn: Turn,
  p: LearnerProfile,
  code: string,
  save: (patch: Partial<LearnerProfile>) => Promise<LearnerProfile>,
): Promise<Reply> {
  const unit = await ctx.store.getUnit(code);
  const step = learningState(turn).onboarding?.step ?? "province";
  if (!unit) return ask(ctx, turn, p, step);
  // Actions come from the client and can be forged: a commune must lie in the learner's province and a
  // neighbourhood in their commune, or the place would be inconsistent (and the reports wrong). Otherwise the
  // current question is asked again.
  const parentOk =
    unit.level === "province" ||
    (unit.level === "commune" && !!p.provinceCode && unit.parentCode === p.provinceCode) ||
    (unit.level === "neighbourhood" && !!p.communeCode && unit.parentCode === p.communeCode);
  if (!parentOk) return ask(ctx, turn, p, step);
  if (unit.level === "province") {
    return advance(ctx, turn, await save({ provinceCode: unit.code, communeCode: undefined, neighbourhoodCode: undefined }), "province");
  }
  if (unit.level === "commune") return advance(ctx, turn, await save({ communeCode: unit.code, neighbourhoodCode: undefined }), "commune");
  return advance(ctx, turn, await save({ neighbourhoodCode: unit.code }), "neighbourhood");
}

/**
 * Typed text at any onboarding question, read by meaning: consent ("đồng ý", "dong y", "có", "ok" / "không"), "bỏ
 * qua", the group ("người dân", "cán bộ"), the age ("trên 60", "70 tuổi") and, at a place step, a unique name match.
 * Anything else is left to the other features (a real question is still answered).
 */
export async function onboardingText(ctx: LearningContext, turn: Turn): Promise<Reply | undefined> {
  const st = learningState(turn);
  const step = st.onboarding?.step;
  if (!step) return undefined;
  if (step === "consent") {
    const consent = typedConsent(turn.text);
    return consent ? onboardingAction(ctx, turn, consent === "yes" ? "ob:yes" : "ob:no") : undefined;
  }
  const p = await ctx.store.getProfile(turn.learnerId);
  if (!p) return undefined;
  if (typedSkip(turn.text)) return onboardingAction(ctx, turn, "ob:skip");
  if (step === "group") {
    const group = typedGroup(turn.text);
    return group ? onboardingAction(ctx, turn, `ob:g:${group}`) : undefined;
  }
  if (step === "age") {
    const age = typedAge(turn.text);
    return age ? onboardingAction(ctx, turn, `ob:a:${age}`) : undefined;
  }
  const q = foldText(turn.text);
  if (!q) return undefined;
  const units = await unitsFor(ctx, step, p);
  const hits = units.filter((u) => foldText(u.name).includes(q));
  const exact = units.filter((u) => foldText(u.name) === q || foldText(u.name).endsWith(` ${q}`));
  const pick = hits.length === 1 ? hits[0] : exact.length === 1 ? exact[0] : undefined;
  if (pick) return onboardingAction(ctx, turn, `ob:u:${pick.code}`);
  if (hits.length > 1) {
    const skip = { label: T.skip, action: "ob:skip" };
    return say(turn, "info", T.askProvince, [...hits.slice(0, PAGE).map((u) => ({ label: u.name, action: `ob:u:${u.code}` })), skip]);
  }
  return ask(ctx, turn, p, step, 0, `${T.notFound(turn.text)}\n\n`);
}
