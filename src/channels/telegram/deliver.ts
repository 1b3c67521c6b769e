import type { Telegram } from "telegraf";
import type { InlineKeyboardButton } from "telegraf/types";
import type { Reply } from "../../assistant/index.js";
import type { OutboxMessage } from "../../shared/delivery-ports.js";
import type { SendQueue } from "../shared/send-queue.js";
import type { CallbackData } from "./callback-data.js";
import type { PollActionStore } from "./poll-actions.js";
import { renderReply } from "./render.js";

export interface DeliverTarget {
  chatId: string;
  isGroup: boolean;
  /** In groups the answer quotes the question so everyone sees whom it answers. */
  replyToMessageId?: number;
}

/**
 * One Bot API call as stored in the outbox: everything needed to make it again after a restart. For a quiz poll,
 * `poll` says how to route its poll_answer updates once Telegram returns the poll id.
 */
interface StoredCall {
  method: "sendMessage" | "sendPoll";
  params: Record<string, unknown>;
  poll?: { answerActionPrefix: string };
}

const quoting = (target: DeliverTarget) =>
  target.replyToMessageId !== undefined
    ? { reply_parameters: { message_id: target.replyToMessageId, allow_sending_without_reply: true } }
    : {};

/** A core Reply as outbox payloads, in order (the first one quotes the question in groups). */
export function replyPayloads(reply: Reply, target: DeliverTarget, callbackData: CallbackData): string[] {
  const { chatId, isGroup } = target;
  return renderReply(reply, { isPrivate: !isGroup }).map((out, i): string => {
    const quote = i === 0 ? quoting(target) : {};
    if (out.type === "text") {
      const keyboard: InlineKeyboardButton[][] | undefined = out.buttons?.map((row) =>
        row.map((b) => ({ text: b.label, callback_data: callbackData.encode(b.action) })),
      );
      const params = {
        chat_id: chatId,
        text: out.html,
        ...quote,
        parse_mode: "HTML",
        link_preview_options: { is_disabled: true },
        ...(keyboard?.length ? { reply_markup: { inline_keyboard: keyboard } } : {}),
      };
      return JSON.stringify({ method: "sendMessage", params } satisfies StoredCall);
    }
    const params = {
      chat_id: chatId,
      type: "quiz",
      question: out.question,
      options: out.options,
      ...quote,
      correct_option_id: out.correctIndex,
      explanation: out.explanation || undefined,
      // Only non-anonymous polls produce poll_answer updates with the user in them.
      is_anonymous: false,
    };
    return JSON.stringify({ method: "sendPoll", params, poll: { answerActionPrefix: out.quiz.answerActionPrefix } } satisfies StoredCall);
  });
}

/** A short plain text (non-text notices, apologies) as an outbox payload. */
export function textPayload(target: DeliverTarget, text: string): string {
  return JSON.stringify({ method: "sendMessage", params: { chat_id: target.chatId, text, ...quoting(target) } } satisfies StoredCall);
}

/**
 * Makes one stored call through the paced queue (group chats have negative ids). A sent quiz poll is remembered for
 * poll_answer; failing to remember it is logged, never retried, since the poll itself is already in the chat.
 */
export async function sendPayload(
  deps: { telegram: Telegram; queue: SendQueue; polls: PollActionStore; onPollLost(error: unknown): void },
  message: OutboxMessage,
): Promise<void> {
  const call = JSON.parse(message.payload) as StoredCall;
  const result = await deps.queue.enqueue(message.chatId, message.chatId.startsWith("-"), () =>
    deps.telegram.callApi(call.method, call.params as never),
  );
  const pollId = (result as { poll?: { id?: string } } | undefined)?.poll?.id;
  if (call.poll && pollId) {
    await deps.polls
      .set(pollId, { chatId: message.chatId, answerActionPrefix: call.poll.answerActionPrefix })
      .catch((error: unknown) => deps.onPollLost(error));
  }
}
