/**
 * The fields our handlers read, checked before telegraf sees an update (issue 11, found by `npm run fuzz`): a body
 * that passed the secret check but has a non-string callback `data`, an object `poll_id` or a chat without an id made
 * the handlers throw in the background. Telegram never sends such updates; they are acknowledged and dropped.
 */
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const isId = (v: unknown) => typeof v === "number" && Number.isSafeInteger(v);
const optional = (v: unknown, check: (x: unknown) => boolean) => v === undefined || check(v);

const isUser = (v: unknown) => isObject(v) && isId(v.id);
const isChat = (v: unknown) => isObject(v) && isId(v.id) && typeof v.type === "string";
const isEntities = (v: unknown) =>
  Array.isArray(v) &&
  v.every(
    (e) =>
      isObject(e) &&
      typeof e.type === "string" &&
      Number.isSafeInteger(e.offset) &&
      Number.isSafeInteger(e.length) &&
      // A text_mention always names its user (to-incoming.ts reads entity.user.id).
      (e.type === "text_mention" ? isUser(e.user) : optional(e.user, isUser)),
  );

function isMessage(v: unknown): boolean {
  if (!isObject(v)) return false;
  return (
    isChat(v.chat) &&
    optional(v.from, isUser) &&
    optional(v.text, (t) => typeof t === "string") &&
    optional(v.caption, (t) => typeof t === "string") &&
    optional(v.entities, isEntities) &&
    optional(v.caption_entities, isEntities) &&
    optional(v.reply_to_message, (r) => isObject(r) && optional(r.from, isUser))
  );
}

/** True when every part of the update our handlers use has the type Telegram documents. */
export function isWellFormedUpdate(update: Record<string, unknown>): boolean {
  if (!isId(update.update_id)) return false;
  if ("message" in update && !isMessage(update.message)) return false;
  if ("callback_query" in update) {
    const q = update.callback_query;
    if (!isObject(q) || typeof q.id !== "string" || !isUser(q.from)) return false;
    if (!optional(q.data, (d) => typeof d === "string") || !optional(q.message, (m) => isObject(m) && isChat(m.chat))) return false;
  }
  if ("poll_answer" in update) {
    const a = update.poll_answer;
    if (!isObject(a) || typeof a.poll_id !== "string" || !optional(a.user, isUser)) return false;
    if (!Array.isArray(a.option_ids) || !a.option_ids.every((o) => Number.isSafeInteger(o) && (o as number) >= 0)) return false;
  }
  return true;
}
