/** One Zalo Bot event, reduced to what the channel needs. */
export interface ZaloInbound {
  eventName: string;
  messageId?: string;
  chatId?: string;
  userId?: string;
  isGroup: boolean;
  text?: string;
}

interface RawMessage {
  message_id?: unknown;
  text?: unknown;
  from?: { id?: unknown };
  chat?: { id?: unknown; chat_type?: unknown };
}

/**
 * Accepts both webhook body shapes seen in the wild — the documented `{ok, result: {event_name, message}}` and the
 * flat `{event_name, message}` real deliveries use — and getUpdates results. Returns undefined for anything else.
 */
export function parseZaloUpdate(body: unknown): ZaloInbound | undefined {
  if (!body || typeof body !== "object") return undefined;
  const wrapped = body as { ok?: unknown; result?: unknown };
  const update = (wrapped.ok === true && wrapped.result && typeof wrapped.result === "object" ? wrapped.result : body) as {
    event_name?: unknown;
    message?: RawMessage;
  };
  if (typeof update.event_name !== "string") return undefined;
  const message = update.message && typeof update.message === "object" ? update.message : undefined;
  const chatType = typeof message?.chat?.chat_type === "string" ? message.chat.chat_type.toUpperCase() : "PRIVATE";
  return {
    eventName: update.event_name,
    messageId: idOf(message?.message_id),
    chatId: idOf(message?.chat?.id) ?? idOf(message?.from?.id),
    userId: idOf(message?.from?.id) ?? idOf(message?.chat?.id),
    isGroup: chatType !== "PRIVATE" && chatType !== "USER",
    text: typeof message?.text === "string" ? message.text : undefined,
  };
}

function idOf(value: unknown): string | undefined {
  return typeof value === "string" && value ? value : typeof value === "number" ? String(value) : undefined;
}

/**
 * In groups Zalo delivers only messages that @mention the bot (or reply to it); the mention leads the text. Strips
 * `@<bot name>` when the name is known (names may contain spaces: "Bot Trợ Lý"), else the first `@word`.
 */
export function stripLeadingMention(text: string, botNames: string[]): string {
  const trimmed = text.trimStart();
  if (!trimmed.startsWith("@")) return text.trim();
  const lower = trimmed.toLowerCase();
  const name = botNames
    .filter(Boolean)
    .sort((a, b) => b.length - a.length)
    .find((n) => lower.startsWith(`@${n.toLowerCase()}`));
  const rest = name ? trimmed.slice(name.length + 1) : trimmed.replace(/^@\S+/, "");
  return rest.replace(/^[\s,:;-]+/, "").trim();
}

/**
 * True when a group message @mentions the bot: by one of its names anywhere in the text, or — while the names are
 * unknown (getMe failed) — by a leading `@word`.
 */
export function mentionsBot(text: string, botNames: string[]): boolean {
  const lower = text.normalize("NFC").toLowerCase();
  const names = botNames.filter(Boolean).map((n) => n.normalize("NFC").toLowerCase());
  if (names.length === 0) return /^\s*@\S/.test(lower);
  return names.some((n) => lower.includes(`@${n}`));
}
