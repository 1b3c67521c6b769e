import { foldText } from "../../shared/fold.js";
import type { Turn } from "../feature.js";
import type { Reply } from "../types.js";
import type { LearningContext } from "./context.js";
import { say } from "./context.js";
import type { LocalityContact } from "./ports.js";
import { T } from "./texts.js";

/** Folded phrases by which someone asks for a person instead of the bot. */
const ASK_PERSON = [
  "gap nguoi that",
  "noi chuyen voi nguoi",
  "hoi nguoi that",
  "can nguoi that",
  "gap can bo",
  "hoi can bo",
  "gap nhan vien",
  "noi chuyen voi can bo",
  "toi muon gap nguoi",
  "cho toi gap nguoi",
];

/** True when the text asks to reach a person ("gặp người thật", "nói chuyện với người"…). */
export function asksForPerson(text: string): boolean {
  const folded = ` ${foldText(text).replace(/[^a-z0-9 ]+/g, " ").replace(/\s+/g, " ").trim()} `;
  // Short requests only: "làm sao biết người gọi là người thật hay lừa đảo" is a question for the knowledge base.
  return folded.length <= 60 && !/ (lua|gia mao|that hay|hay khong) /.test(folded) && ASK_PERSON.some((p) => folded.includes(` ${p} `));
}

/** The button offered when the assistant cannot help (refusals) and in the greeting. */
export const PERSON_ACTION = "say:/gapnguoi";

/**
 * "Gặp người thật": the one-stop desk and community tech team of the learner's commune/ward (or province), as the
 * admins entered them; without a locality or an entry, where to go in general and how to set one's commune.
 */
export async function personReply(ctx: LearningContext, turn: Turn): Promise<Reply> {
  const profile = await ctx.store.getProfile(turn.learnerId);
  const codes = [profile?.communeCode, profile?.provinceCode].filter((c): c is string => Boolean(c));
  for (const code of codes) {
    const contact = await ctx.store.getLocalityContact(code);
    if (!contact || !hasAny(contact)) continue;
    const unit = await ctx.store.getUnit(code);
    return say(turn, "info", contactText(unit?.name ?? "", contact));
  }
  const text = profile?.communeCode || profile?.provinceCode ? T.personGenericKnown : T.personGeneric;
  return say(turn, "info", text, turn.message.isGroup ? undefined : [{ label: T.setPlace, action: "ob:e:place" }]);
}

function hasAny(c: LocalityContact): boolean {
  return Boolean(c.deskPhone || c.deskHours || c.deskAddress || c.teamContact);
}

export function contactText(unitName: string, c: LocalityContact): string {
  const lines = [T.personHeader(unitName)];
  if (c.deskPhone || c.deskHours || c.deskAddress) {
    lines.push("", T.personDesk);
    if (c.deskPhone) lines.push(`• ${T.personPhone}: ${c.deskPhone}`);
    if (c.deskHours) lines.push(`• ${T.personHours}: ${c.deskHours}`);
    if (c.deskAddress) lines.push(`• ${T.personAddress}: ${c.deskAddress}`);
  }
  if (c.teamContact) lines.push("", `${c.teamName || T.personTeam}: ${c.teamContact}`);
  lines.push("", T.personSafety);
  return lines.join("\n");
}
