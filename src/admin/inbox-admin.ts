import type { UnansweredLog } from "../assistant/ports.js";
import type { AuditLog } from "./audit.js";
import type { CuratedAdmin, CuratedResult } from "./curated-admin.js";
import { groupInbox, type FeedbackReader, type InboxDecisionKind, type InboxDecisions, type InboxGroup, type InboxItem } from "./inbox.js";
import type { Principal } from "./roles.js";

export interface InboxAdminDeps {
  unanswered: Pick<UnansweredLog, "top">;
  feedback: FeedbackReader;
  decisions: InboxDecisions;
  curated: CuratedAdmin;
  audit: AuditLog;
  clock?: () => Date;
}

/** How many rows of each log the grouping reads: the long tail of single questions is not worth a page. */
const READ_LIMIT = 2000;

/** The inbox: open groups (texts nobody decided on yet), and the three actions on a group. */
export function createInboxAdmin(deps: InboxAdminDeps) {
  const clock = deps.clock ?? (() => new Date());

  async function items(): Promise<InboxItem[]> {
    const [unanswered, down] = await Promise.all([deps.unanswered.top(READ_LIMIT), deps.feedback.notHelpful(READ_LIMIT)]);
    return [
      ...unanswered.map((u) => ({ text: u.text, reason: u.reason as InboxItem["reason"], count: u.count, lastAt: u.lastAt })),
      ...down.map((d) => ({ text: d.text, reason: "not_helpful" as const, count: d.count, lastAt: d.lastAt, answerRef: d.answerRef })),
    ];
  }

  async function openGroups(limit: number): Promise<InboxGroup[]> {
    const decided = new Set((await deps.decisions.list()).map((d) => d.text));
    return groupInbox((await items()).filter((i) => !decided.has(i.text))).slice(0, limit);
  }

  /**
   * Acts on a group (its texts, as listed): out of scope, needs a new section (a note for the knowledge editors), or
   * becomes a curated-answer draft prefilled with the group's questions. Returns the draft for "curated".
   */
  async function act(
    who: Principal,
    input: { texts: string[]; action: InboxDecisionKind; note?: string },
  ): Promise<{ ok: true; draft?: CuratedResult } | { ok: false; message: string }> {
    const texts = [...new Set(input.texts.filter((t) => typeof t === "string" && t.trim()).map((t) => t.slice(0, 1000)))].slice(0, 200);
    if (texts.length === 0) return { ok: false, message: "Nhóm câu hỏi trống." };
    const note = input.note?.trim().slice(0, 1000) || undefined;
    let curatedId: number | undefined;
    let draft: CuratedResult | undefined;
    if (input.action === "curated") {
      const [question = "", ...rest] = texts;
      draft = await deps.curated.create(who, { question, alternatives: rest.slice(0, 20) });
      if (!draft.ok) return { ok: false, message: typeof draft.problems === "string" ? draft.problems : draft.problems.map((p) => p.message).join(" ") };
      curatedId = draft.answer.id;
    }
    await deps.decisions.decide(texts, {
      decision: input.action,
      ...(note ? { note } : {}),
      ...(curatedId !== undefined ? { curatedId } : {}),
      decidedBy: who.username,
      decidedAt: clock().toISOString(),
    });
    await deps.audit.record(who, {
      action: `inbox.${input.action}`,
      target: curatedId !== undefined ? `curated:${curatedId}` : `inbox:${texts[0]?.slice(0, 80)}`,
      detail: `${texts.length} câu hỏi${note ? `; ghi chú: ${note}` : ""}`,
    });
    return { ok: true, ...(draft ? { draft } : {}) };
  }

  return { openGroups, act, decided: () => deps.decisions.list() };
}

export type InboxAdmin = ReturnType<typeof createInboxAdmin>;
