import { foldText } from "../../shared/fold.js";
import type { Feature, Turn } from "../feature.js";
import type { Templates } from "../templates.js";
import { fixedReply } from "../templates.js";
import { readStepState } from "../steps/step-state.js";
import type { Reply } from "../types.js";
import { GREETING_BUTTONS } from "../ui-text.js";

export interface CommandsDeps {
  templates: Pick<Templates, "greeting" | "help">;
  /** Answers a question (the QA feature's `ask`), for `/hoi <question>`. */
  ask: (turn: Turn, question: string) => Promise<Reply>;
}

/** Whole messages (folded) that are a greeting or a request for help rather than a question. */
const GREETINGS = new Set(
  ["xin chào", "chào", "chào bạn", "chào em", "chào cháu", "chào trợ lý", "hello", "hi", "alo", "a lô", "bắt đầu"].map(foldText),
);
const HELP_WORDS = new Set(["trợ giúp", "giúp", "giúp tôi", "giúp đỡ", "menu", "help", "hướng dẫn sử dụng"].map(foldText));

/** `/cmd@BotName args` → { name: "cmd", args }. */
function parseCommand(text: string): { name: string; args: string } | undefined {
  const m = /^\/([a-z_]+)(?:@\S+)?(?:\s+([\s\S]*))?$/i.exec(text);
  return m ? { name: (m[1] ?? "").toLowerCase(), args: (m[2] ?? "").trim() } : undefined;
}

/**
 * Fixed commands: /start and greetings → greeting; /trogiup, /help → help; `/hoi <question>` → the question is
 * answered. Runs after the learning features, so any slash command still unclaimed here gets the help text instead
 * of being searched as a question.
 */
export function createCommandsFeature(deps: CommandsDeps): Feature {
  /** Short text plus buttons for the common starts (not in groups: there the buttons are anyone's). */
  const greeting = (turn: Turn): Reply => {
    const reply = fixedReply("greeting", deps.templates.greeting);
    return turn.message.isGroup ? reply : { ...reply, buttons: GREETING_BUTTONS.map((b) => ({ ...b })) };
  };
  return {
    name: "commands",
    async handle(turn: Turn): Promise<Reply | undefined> {
      if (turn.message.action) return undefined;
      const command = parseCommand(turn.text);
      if (command) {
        if (command.name === "start") return greeting(turn);
        if (command.name === "hoi" && command.args) return deps.ask(turn, command.args);
        return fixedReply("help", deps.templates.help);
      }
      const folded = foldText(turn.text);
      // "bắt đầu" while a procedure is on offer means "start the steps" (steps/step-words.ts), not hello.
      if (GREETINGS.has(folded) && !(folded === "bat dau" && readStepState(turn.state))) return greeting(turn);
      if (HELP_WORDS.has(folded)) return fixedReply("help", deps.templates.help);
      // Thanks, goodbyes and bare acknowledgements are the conversation feature's (dialogue/courtesy.ts): a kind
      // reply plus what to do next, never a search.
      return undefined;
    },
  };
}
