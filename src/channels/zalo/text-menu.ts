import type { Button, Reply } from "../../assistant/index.js";
import { foldText } from "../../shared/fold.js";

/** What the citizen can type after a reply: numbers for the listed choices and a few words for step mode. */
export interface TextMenu {
  /** actions[i] is chosen by typing i + 1. */
  actions: string[];
  /** Lower-case word(s) with diacritics → action, e.g. "tiếp" → "s:next". */
  keywords: Record<string, string>;
  /** The same words folded, for text typed without diacritics: "tiep" → "s:next". */
  foldedKeywords: Record<string, string>;
  /** True for quiz answers: letters a, b, c... also pick options. */
  letters: boolean;
}

/**
 * Typed words for the core's step actions. Text typed with diacritics is compared with diacritics, text typed
 * without any is compared folded — otherwise "đúng" (right) would fold into "dung" and mean "dừng" (stop).
 */
const stepWords: Record<string, string[]> = {
  "s:next": ["tiếp", "tiếp theo", "tiếp đi", "bước tiếp", "bước tiếp theo", "xong", "xong rồi", "ok", "next"],
  "s:rep": ["lặp lại", "nhắc lại", "đọc lại", "lại"],
  "s:prev": ["quay lại", "bước trước", "lùi lại", "trở lại", "back"],
  "s:all": ["xem tất cả", "tất cả", "xem hết", "xem toàn bộ"],
  "s:stop": ["dừng", "dừng lại", "thôi", "ngừng", "thoát", "stop"],
};

/**
 * Zalo bots have no buttons, so choices become a numbered list ("Gõ 1, 2 hoặc 3") and step navigation a typed word
 * ("Gõ TIẾP để xem bước sau"). Returns the text to append and the menu to remember for the next message.
 */
export function buildTextMenu(reply: Reply): { text: string; menu?: TextMenu } {
  const lines: string[] = [];
  const actions: string[] = [];
  const keywords: Record<string, string> = {};
  const foldedKeywords: Record<string, string> = {};
  const addWord = (word: string, action: string) => {
    const lower = lowerWords(word);
    keywords[lower] ??= action;
    foldedKeywords[foldText(lower)] ??= action;
  };
  const quiz = reply.quiz;
  if (quiz) {
    if (!quiz.options.every((o) => reply.text.includes(o))) lines.push(...quiz.options.map((o, i) => `${i + 1}. ${o}`));
    quiz.options.forEach((_, i) => actions.push(`${quiz.answerActionPrefix}${i}`));
    lines.push(`Gõ ${numberChoice(quiz.options.length)} để trả lời.`);
  }
  const buttons: Button[] = reply.buttons ?? [];
  if (buttons.length > 0) {
    const first = actions.length;
    lines.push(...buttons.map((b, i) => `${first + i + 1}. ${b.label.replace(/[▶◀►◄]/g, "").trim()}`));
    for (const b of buttons) {
      actions.push(b.action);
      addWord(b.label, b.action);
      for (const word of stepWords[b.action] ?? []) addWord(word, b.action);
    }
    const hasNext = buttons.some((b) => b.action === "s:next");
    lines.push(
      hasNext
        ? `Gõ TIẾP để xem bước sau, hoặc gõ ${numberChoice(actions.length, first + 1)}.`
        : `Gõ ${numberChoice(actions.length, first + 1)} để chọn.`,
    );
  }
  if (actions.length === 0) return { text: "" };
  return { text: lines.join("\n"), menu: { actions, keywords, foldedKeywords, letters: quiz !== undefined } };
}

/** The action a typed message picks from the last menu, or undefined when it is a new question. */
export function matchTextMenu(text: string, menu: TextMenu | undefined): string | undefined {
  if (!menu) return undefined;
  const folded = foldText(text);
  const number = /^(?:so |cau |chon |dap an )?(\d{1,2})$/.exec(folded);
  if (number) return menu.actions[Number(number[1]) - 1];
  if (menu.letters) {
    const letter = /^(?:chon |dap an )?([a-j])$/.exec(folded);
    if (letter?.[1]) return menu.actions[letter[1].charCodeAt(0) - 97];
  }
  const lower = lowerWords(text);
  const typedWithDiacritics = lower.replace(/đ/g, "d") !== folded;
  // Own keys only: "constructor" or "toString" typed by a citizen must not pick Object.prototype's functions.
  const table = typedWithDiacritics ? menu.keywords : menu.foldedKeywords;
  const key = typedWithDiacritics ? lower : folded;
  return Object.hasOwn(table, key) ? table[key] : undefined;
}

/** NFC, lower case, words separated by single spaces, symbols (▶) dropped. */
function lowerWords(text: string): string {
  return text.normalize("NFC").toLowerCase().replace(/[^\p{L}\p{N}]+/gu, " ").trim();
}

/** "1", "1 hoặc 2", "1, 2 hoặc 3" (from `from` to `to`). */
function numberChoice(to: number, from = 1): string {
  const nums = Array.from({ length: to - from + 1 }, (_, i) => String(from + i));
  if (nums.length <= 1) return nums[0] ?? "1";
  return `${nums.slice(0, -1).join(", ")} hoặc ${nums.at(-1)}`;
}
