import { foldText } from "../../shared/fold.js";
import type { Feature, Turn } from "../feature.js";
import type { Reply } from "../types.js";
import { encourageMentee, joinMentor, linkCommand, menteeName, mentorCommand, mentorMessagesFor } from "./accounts.js";
import type { LearningContext, LearningState } from "./context.js";
import { learningState, say } from "./context.js";
import { lessonList, nextPart, openLesson, topicList } from "./lessons.js";
import { onboardingAction, onboardingText, startOnboarding } from "./onboarding.js";
import { progressReply, suggestReply } from "./progress.js";
import { answerQuiz, resumeQuiz, startQuiz } from "./quiz.js";
import { T } from "./texts.js";
import { richLines } from "../rich-text.js";
import { asksForPerson, PERSON_ACTION, personReply } from "./contact.js";

/** Folded command word(s) → command. Slash forms and plain words both work ("/baihoc", "bai hoc"). */
const COMMANDS: Record<string, string> = {
  baihoc: "lessons", "bai hoc": "lessons", "hoc bai": "lessons",
  kiemtra: "quiz", "kiem tra": "quiz", "lam bai kiem tra": "quiz",
  tiendo: "progress", "tien do": "progress", "xem tien do": "progress",
  goiy: "suggest", "goi y": "suggest", "goi y bai tiep theo": "suggest",
  hoso: "profile", "ho so": "profile",
  lienket: "link", "lien ket": "link",
  daisu: "mentor", "dai su": "mentor", "dai su so": "mentor",
  gapnguoi: "person", "gap nguoi": "person",
  moi: "join",
};
const NEXT_WORDS = new Set(["tiep", "tiep theo", "doc tiep", "xem tiep"]);

/**
 * One feature for lessons, quizzes, progress, onboarding, linking and mentors. It must run before step mode and QA:
 * it claims only its own actions, commands and pending answers, and on any other turn drops its menu and lesson
 * focus so a later "tiếp" or "2" goes to whoever spoke last.
 */
export function createLearningFeature(ctx: LearningContext, onLinked: (aliasId: string) => void): Feature {
  async function quizFor(turn: Turn, lessonId: string): Promise<Reply> {
    if (!(await ctx.store.getProfile(turn.learnerId))) {
      learningState(turn).resume = { command: "quiz", arg: lessonId };
      const consent = await startOnboarding(ctx, turn);
      return { ...consent, text: `${T.needConsentQuiz}\n\n${consent.text}` };
    }
    return startQuiz(ctx, turn, lessonId);
  }

  async function onAction(turn: Turn, action: string): Promise<Reply | undefined> {
    if (action.startsWith("qa:")) return answerQuiz(ctx, turn, action);
    if (action.startsWith("ob:")) return carryOn(turn, await onboardingAction(ctx, turn, action));
    if (action === "ls:t") return topicList(ctx, turn);
    if (action.startsWith("ls:t:")) return lessonList(ctx, turn, action.slice(5));
    if (action.startsWith("ls:o:")) return openLesson(ctx, turn, action.slice(5));
    if (action === "ls:n") return nextPart(ctx, turn);
    if (action.startsWith("qz:s:")) return quizFor(turn, action.slice(5));
    // "qz:r": show the pending question again (the web page sends it after a reload mid-quiz).
    if (action === "qz:r") return (await resumeQuiz(ctx, turn)) ?? say(turn, "info", T.noQuizPending, [{ label: T.progressButton, action: "pg:p" }]);
    if (action === "pg:p") return progressReply(ctx, turn);
    if (action === "pg:s") return suggestReply(ctx, turn);
    if (action.startsWith("mt:e:")) return encourageMentee(ctx, turn, Number(action.slice(5)));
    if (action === "mt:skip") return menteeName(ctx, turn, undefined);
    if (action === "mt:off") return joinMentor(ctx, turn, "tat");
    return undefined;
  }

  /**
   * Once onboarding is over (profile saved, no question left), does what the learner had asked for before it had to
   * come first — a new mentee's /moi CODE is not dropped — under the onboarding's last message. Declined: forgotten.
   */
  async function carryOn(turn: Turn, reply: Reply): Promise<Reply> {
    // Read without creating: after "Xoá hồ sơ" the state was emptied on purpose and must stay empty.
    const st = turn.state.learning as LearningState | undefined;
    const pending = st?.resume;
    if (!st || !pending || st.onboarding) return reply;
    delete st.resume;
    if (!(await ctx.store.getProfile(turn.learnerId))) return reply;
    const next = await onCommand(turn, pending.command, pending.arg);
    return { ...next, text: `${reply.text}\n\n${next.text}` };
  }

  async function onCommand(turn: Turn, command: string, arg: string): Promise<Reply> {
    const st = learningState(turn);
    switch (command) {
      case "lessons":
        delete st.onboarding;
        if (!st.consentAsked && !turn.message.isGroup && !(await ctx.store.getProfile(turn.learnerId))) {
          st.resume = { command: "lessons", arg: "" };
          return startOnboarding(ctx, turn);
        }
        return topicList(ctx, turn);
      case "quiz": {
        delete st.onboarding;
        if (arg) return quizFor(turn, arg);
        const resumed = await resumeQuiz(ctx, turn);
        if (resumed) return resumed;
        return st.lesson ? quizFor(turn, st.lesson.id) : { ...topicList(ctx, turn), text: T.chooseLessonForQuiz };
      }
      case "progress":
        return progressReply(ctx, turn);
      case "suggest":
        return suggestReply(ctx, turn);
      case "profile":
        return startOnboarding(ctx, turn);
      case "link":
        return linkCommand(ctx, turn, arg, onLinked);
      case "mentor":
        return mentorCommand(ctx, turn, arg);
      case "person":
        return personReply(ctx, turn);
      default:
        if (arg.trim() && !turn.message.isGroup && !(await ctx.store.getProfile(turn.learnerId))) st.resume = { command: "join", arg };
        return joinMentor(ctx, turn, arg);
    }
  }

  async function handle(turn: Turn): Promise<Reply | undefined> {
    const st = learningState(turn);
    const text = turn.text.trim();
    const folded = foldText(text);
    // A typed number picks from our last menu (channels without buttons, or people who prefer typing).
    const menuPick = /^\d{1,2}$/.test(folded) ? st.menu?.[Number(folded) - 1] : undefined;
    const action = turn.message.action ?? menuPick;
    if (action) {
      const reply = await onAction(turn, action);
      if (reply) return reply;
    }
    if (text) {
      const [first = "", ...rest] = text.split(/\s+/);
      const word = foldText(first);
      const command = (first.startsWith("/") ? COMMANDS[word] : undefined) ?? COMMANDS[folded];
      if (command) {
        delete st.askName;
        return onCommand(turn, command, first.startsWith("/") ? rest.join(" ") : "");
      }
      if (asksForPerson(text)) {
        delete st.askName;
        return personReply(ctx, turn);
      }
      if (st.askName) return menteeName(ctx, turn, text);
      if (NEXT_WORDS.has(folded) && st.lesson?.focus) return nextPart(ctx, turn);
      if (st.onboarding) {
        const reply = await onboardingText(ctx, turn);
        if (reply) return carryOn(turn, reply);
      }
      if (/^(?:cau |dap an )?[1-9a-d]$/.test(folded)) {
        const reply = await answerQuiz(ctx, turn, undefined);
        if (reply) return reply;
      }
    }
    // Not ours: forget our menu and lesson focus so the next "tiếp"/"2" belongs to whoever answers this turn.
    delete st.menu;
    if (st.lesson) st.lesson.focus = false;
    if (!Object.keys(st).length) delete turn.state.learning;
    return undefined;
  }

  /** A mentor's waiting message goes before whatever answers this learner's turn, with a way to turn them off. */
  async function decorate(turn: Turn, reply: Reply): Promise<Reply> {
    if (reply.kind === "error") return reply;
    // When the assistant cannot help (refusals: out of scope, not sure, unsafe request), offer a person.
    if (reply.kind === "refusal" && !turn.message.isGroup && !reply.buttons?.some((b) => b.action === PERSON_ACTION)) {
      reply = { ...reply, buttons: [...(reply.buttons ?? []), { label: T.personButton, action: PERSON_ACTION }] };
    }
    const messages = await mentorMessagesFor(ctx, turn);
    if (!messages.length) return reply;
    const text = `${messages.join("\n\n")}\n\n${reply.text}`;
    const buttons = [...(reply.buttons ?? []), { label: T.messagesOffButton, action: "mt:off" }];
    // The lesson/quiz rich lines and quiz stay as they are; the note is plain text before them.
    return { ...reply, text, buttons, ...(reply.rich ? { rich: [...richLines(messages.join("\n\n")), { spans: [] }, ...reply.rich] } : {}) };
  }

  return { name: "learning", handle, decorate };
}
