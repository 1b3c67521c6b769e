import type { Reply } from "../../assistant/index.js";
import { textWithSources } from "../shared/reply-text.js";
import { splitText } from "../shared/split-text.js";
import { buildTextMenu, type TextMenu } from "./text-menu.js";

/** Zalo's sendMessage takes 1-2,000 characters; how Zalo counts is unconfirmed, so keep a margin. */
export const zaloMaxText = 1900;

/** A Reply as plain-text Zalo messages (answer, sources, numbered menu) plus the menu to remember. */
export function renderZaloReply(reply: Reply): { parts: string[]; menu?: TextMenu } {
  const { text: menuText, menu } = buildTextMenu(reply);
  const body = textWithSources(reply);
  const full = menuText ? `${body}\n\n${menuText}` : body;
  return { parts: splitText(full || "…", zaloMaxText), menu };
}
