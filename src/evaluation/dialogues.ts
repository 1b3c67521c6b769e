import { readFileSync } from "node:fs";
import { foldText } from "../shared/fold.js";
import type { Assistant, ChannelName, Reply } from "../assistant/index.js";
import { missingGroups, mustNotHits } from "./grade.js";

/** What a turn of a scripted conversation must show (tests/eval/dialogues/README.md). */
export interface TurnExpectation {
  kinds?: string[];
  all?: string[][];
  none?: string[];
  maxChars?: number;
  /** The reply must not repeat (equal or contain) the previous reply's text. */
  notRepeat?: boolean;
  /** The reply must be a refusal (out of scope). */
  refusal?: boolean;
}

export interface DialogueTurn {
  say?: string;
  /** A substring of a button label in the previous reply: the runner taps that button. */
  tap?: string;
  expect?: TurnExpectation;
}

export interface Dialogue {
  id: string;
  about: string;
  channel: ChannelName;
  /** True: the learner has finished onboarding (consent given, profile skipped) before the first turn. */
  onboarded: boolean;
  turns: DialogueTurn[];
}

export interface DialogueResult {
  id: string;
  pass: boolean;
  /** One line per failed turn: which turn, what was expected, what came. */
  failures: string[];
}

export function loadDialogues(file: string): Dialogue[] {
  const raw = JSON.parse(readFileSync(file, "utf8")) as Array<Partial<Dialogue>>;
  return raw.map((d, i) => {
    if (!d.id || !Array.isArray(d.turns) || d.turns.length === 0) throw new Error(`${file}[${i}]: a dialogue needs an id and turns`);
    return { id: d.id, about: d.about ?? "", channel: d.channel ?? "web", onboarded: d.onboarded !== false, turns: d.turns };
  });
}

/** Checks one reply against a turn's expectation; returns what is wrong (empty when it passes). */
export function checkTurn(expect: TurnExpectation | undefined, reply: Reply, previous: Reply | undefined): string[] {
  if (!expect) return [];
  const wrong: string[] = [];
  if (expect.kinds && !expect.kinds.includes(reply.kind)) wrong.push(`kind ${reply.kind}, expected ${expect.kinds.join("|")}`);
  if (expect.refusal && reply.kind !== "refusal") wrong.push(`expected a refusal, got ${reply.kind}`);
  const missing = missingGroups(reply.text, expect.all ?? []);
  if (missing.length > 0) wrong.push(`missing ${missing.map((g) => `[${g.join("|")}]`).join(" ")}`);
  const hits = mustNotHits(reply.text, expect.none ?? []);
  if (hits.length > 0) wrong.push(`contains ${hits.join(", ")}`);
  if (expect.maxChars !== undefined && reply.text.length > expect.maxChars) wrong.push(`${reply.text.length} chars > ${expect.maxChars}`);
  if (expect.notRepeat && previous && previous.text.length > 40 && reply.text.includes(previous.text)) wrong.push("repeats the previous reply");
  return wrong;
}

/** Consent given and every profile question skipped, as a learner who tapped through would. */
async function onboard(assistant: Assistant, channel: ChannelName, userId: string): Promise<void> {
  let reply = await assistant.handle({ channel, userId, text: "/hoso" });
  for (let i = 0; i < 10; i++) {
    const next = reply.buttons?.find((b) => b.action === "ob:yes" || b.action === "ob:skip");
    if (!next) return;
    reply = await assistant.handle({ channel, userId, action: next.action });
  }
}

/** Runs a conversation turn by turn as a fresh learner; it passes only when every turn does. */
export async function runDialogue(assistant: Assistant, dialogue: Dialogue, userId: string): Promise<DialogueResult> {
  if (dialogue.onboarded) await onboard(assistant, dialogue.channel, userId);
  const failures: string[] = [];
  let previous: Reply | undefined;
  for (const [i, turn] of dialogue.turns.entries()) {
    let reply: Reply;
    if (turn.tap !== undefined) {
      const wanted = foldText(turn.tap);
      const button = previous?.buttons?.find((b) => foldText(b.label).includes(wanted));
      if (!button) {
        failures.push(`turn ${i + 1}: no button "${turn.tap}" to tap`);
        break;
      }
      reply = await assistant.handle({ channel: dialogue.channel, userId, action: button.action });
    } else {
      reply = await assistant.handle({ channel: dialogue.channel, userId, text: turn.say ?? "" });
    }
    const wrong = checkTurn(turn.expect, reply, previous);
    if (wrong.length > 0) failures.push(`turn ${i + 1} "${turn.say ?? `[${turn.tap}]`}": ${wrong.join("; ")} — got: ${reply.text.slice(0, 120).replace(/\n/g, " ")}`);
    previous = reply;
  }
  return { id: dialogue.id, pass: failures.length === 0, failures };
}
