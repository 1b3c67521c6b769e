import type { Message, MessageEntity } from "telegraf/types";

/** Who the bot is, from getMe (preset in tests). */
export interface BotIdentity {
  id: number;
  username: string;
}

/** What to do with one incoming Telegram message. */
export type MessageDecision =
  | { kind: "ignore"; reason: string }
  | { kind: "text"; text: string }
  | { kind: "non-text" };

/** Commands the core understands when passed as text; in groups only these (or /cmd@OurBot) count as addressed. */
export const coreCommands = ["start", "hoi", "baihoc", "kiemtra", "tiendo", "trogiup", "hoso", "lienket", "moi", "daisu", "gapnguoi"] as const;

/**
 * Decides whether a message is for the bot and what text the core should see. Private chats: everything. Groups:
 * only `/command` or `/command@OurBot`, a reply to one of our messages, or an @mention (delivered only when privacy
 * mode is off) — never chatter. The `@OurBot` suffix and mentions are stripped; `/hoi <q>` stays (the core knows it).
 */
export function decideMessage(message: Message, me: BotIdentity): MessageDecision {
  const isPrivate = message.chat.type === "private";
  const text = "text" in message ? message.text : undefined;
  const entities: MessageEntity[] = ("entities" in message ? message.entities : undefined) ?? [];
  const repliesToUs = "reply_to_message" in message && message.reply_to_message?.from?.id === me.id;

  if (text === undefined) {
    if (isNonText(message) && (isPrivate || repliesToUs || captionMentions(message, me))) return { kind: "non-text" };
    return { kind: "ignore", reason: "no text" };
  }
  if ("via_bot" in message && message.via_bot) return { kind: "ignore", reason: "inline result" };

  const command = leadingCommand(text, entities);
  if (command) {
    if (command.target && command.target.toLowerCase() !== me.username.toLowerCase()) {
      return { kind: "ignore", reason: "command for another bot" };
    }
    const known = (coreCommands as readonly string[]).includes(command.name.toLowerCase());
    if (!isPrivate && !known && !command.target) return { kind: "ignore", reason: "unknown group command" };
    const rest = text.slice(command.length).trim();
    return { kind: "text", text: `/${command.name.toLowerCase()}${rest ? ` ${rest}` : ""}` };
  }

  const mention = entities.find((e) => isOurMention(e, text, me));
  if (isPrivate || repliesToUs || mention) {
    const cleaned = stripMentions(text, entities, me).trim();
    if (!cleaned) return { kind: "ignore", reason: "empty after mention" };
    return { kind: "text", text: cleaned };
  }
  return { kind: "ignore", reason: "group chatter" };
}

interface LeadingCommand {
  name: string;
  target?: string;
  /** UTF-16 length of `/name@target` in the text. */
  length: number;
}

function leadingCommand(text: string, entities: MessageEntity[]): LeadingCommand | undefined {
  const entity = entities.find((e) => e.type === "bot_command" && e.offset === 0);
  const raw = entity ? text.slice(0, entity.length) : /^\/[A-Za-z0-9_]+(@[A-Za-z0-9_]+)?/.exec(text)?.[0];
  if (!raw) return undefined;
  const [name = "", target] = raw.slice(1).split("@");
  return { name, target, length: raw.length };
}

function isOurMention(entity: MessageEntity, text: string, me: BotIdentity): boolean {
  if (entity.type === "text_mention") return entity.user.id === me.id;
  if (entity.type !== "mention") return false;
  // Usernames are case-insensitive; telegraf's bot.mention() is not, so compare ourselves.
  return text.slice(entity.offset + 1, entity.offset + entity.length).toLowerCase() === me.username.toLowerCase();
}

function stripMentions(text: string, entities: MessageEntity[], me: BotIdentity): string {
  let out = text;
  // Right to left so earlier offsets stay valid (offsets are UTF-16 units, i.e. JS string indices).
  const ours = entities.filter((e) => e.type === "mention" && isOurMention(e, text, me)).sort((a, b) => b.offset - a.offset);
  for (const e of ours) out = `${out.slice(0, e.offset)}${out.slice(e.offset + e.length)}`;
  return out.replace(/^[\s,:;-]+/, "").replace(/\s{2,}/g, " ");
}

function captionMentions(message: Message, me: BotIdentity): boolean {
  const caption = "caption" in message ? message.caption : undefined;
  const entities = ("caption_entities" in message ? message.caption_entities : undefined) ?? [];
  return caption !== undefined && entities.some((e) => isOurMention(e, caption, me));
}

const nonTextKinds = [
  "photo", "sticker", "voice", "audio", "video", "video_note", "document", "location", "venue", "contact", "animation",
  "poll", "dice",
];

function isNonText(message: Message): boolean {
  return nonTextKinds.some((k) => k in message);
}
