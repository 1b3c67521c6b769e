import type { Assistant, ChannelName } from "../assistant/index.js";
import { PHRASINGS, type FieldItem, type Phrasing } from "./field-set.js";
import { gradeReply, type Grade } from "./grade.js";
import type { NaiveBaseline } from "./naive-baseline.js";

/** Who answered: the assistant through the real composition, or the naive baseline (top 1 or top 3 verbatim). */
export const SYSTEMS = ["assistant", "baseline", "baseline-top3"] as const;
export type SystemName = (typeof SYSTEMS)[number];

export interface ItemOutcome {
  item: FieldItem;
  phrasing: Phrasing;
  system: SystemName;
  grade: Grade;
  replyKind: string;
  replyText: string;
}

export interface Tally {
  passed: number;
  total: number;
}

export interface AnswerReport {
  outcomes: ItemOutcome[];
  /** system → "topic|phrasing" (and "ALL|phrasing", "out_of_scope|phrasing") → tally. */
  tallies: Record<SystemName, Map<string, Tally>>;
  mustNotHits: Record<SystemName, number>;
  /** First-reply length (characters before the source line) of the assistant's answers to in-scope questions. */
  answerChars: number[];
}

export interface AnswerEvalDeps {
  assistant: Assistant;
  baseline: NaiveBaseline;
  channel?: ChannelName;
  onProgress?: (done: number, total: number) => void;
}

function add(map: Map<string, Tally>, key: string, pass: boolean): void {
  const t = map.get(key) ?? { passed: 0, total: 0 };
  t.total += 1;
  if (pass) t.passed += 1;
  map.set(key, t);
}

/**
 * Asks every item in every phrasing as a brand-new learner (so no earlier question colours the answer) and grades
 * the first reply only; the naive baseline answers the same text in the same run.
 */
export async function evaluateAnswers(deps: AnswerEvalDeps, items: readonly FieldItem[]): Promise<AnswerReport> {
  const channel = deps.channel ?? "web";
  const tallies = Object.fromEntries(SYSTEMS.map((s) => [s, new Map<string, Tally>()])) as AnswerReport["tallies"];
  const mustNot = Object.fromEntries(SYSTEMS.map((s) => [s, 0])) as Record<SystemName, number>;
  const outcomes: ItemOutcome[] = [];
  const answerChars: number[] = [];
  const total = items.length * PHRASINGS.length;
  let done = 0;
  for (const item of items) {
    for (const phrasing of PHRASINGS) {
      const question = item[phrasing];
      const reply = await deps.assistant.handle({ channel, userId: `eval:${item.id}:${phrasing}`, text: question });
      const answers: Record<SystemName, { kind: string; text: string }> = {
        assistant: { kind: reply.kind, text: reply.text },
        baseline: { kind: "answer", text: deps.baseline.answer(question, 1) },
        "baseline-top3": { kind: "answer", text: deps.baseline.answer(question, 3) },
      };
      if (!item.outOfScope && reply.kind !== "refusal") answerChars.push(reply.text.split(/\n\nNguồn: /u)[0]?.length ?? 0);
      for (const system of SYSTEMS) {
        const answer = answers[system];
        const grade = gradeReply(item, answer);
        const topic = item.outOfScope ? "out_of_scope" : item.topic;
        add(tallies[system], `${topic}|${phrasing}`, grade.pass);
        if (!item.outOfScope) add(tallies[system], `ALL|${phrasing}`, grade.pass);
        mustNot[system] += grade.mustNotHits.length;
        outcomes.push({ item, phrasing, system, grade, replyKind: answer.kind, replyText: answer.text });
      }
      deps.onProgress?.(++done, total);
    }
  }
  return { outcomes, tallies, mustNotHits: mustNot, answerChars };
}

export function rate(t: Tally | undefined): number {
  return t && t.total > 0 ? t.passed / t.total : 0;
}
