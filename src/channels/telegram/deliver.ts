import type { Telegram } from "telegraf";
import type { InlineKeyboardButton } from "telegraf/types";
import type { Reply } from "../../assistant/index.js";
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

/** Sends a core Reply to a chat through the paced queue, in order, and remembers quiz polls for poll_answer. */
export async function deliverReply(
  deps: { telegram: Telegram; queue: SendQueue; callbackData: CallbackData; polls: PollActionStore },
  target: DeliverTarget,
  reply: Reply,
): Promise<void> {
  const { telegram, queue, callbackData, polls } = deps;
  const { chatId, isGroup } = target;
  let first = true;
  for (const out of renderReply(reply, { isPrivate: !isGroup })) {
    const replyParameters =
      first && target.replyToMessageId !== undefined
        ? { reply_parameters: { message_id: target.replyToMessageId, allow_sending_without_reply: true } }
        : {};
    first = false;
    if (out.type === "text") {
      const keyboard: InlineKeyboardButton[][] | undefined = out.buttons?.map((row) =>
        row.map((b) => ({ text: b.label, callback_data: callbackData.encode(b.action) })),
      );
      await queue.enqueue(chatId, isGroup, () =>
        telegram.sendMessage(chatId, out.html, {
          ...replyParameters,
          parse_mode: "HTML",
          link_preview_options: { is_disabled: true },
          ...(keyboard?.length ? { reply_markup: { inline_keyboard: keyboard } } : {}),
        }),
      );
    } else {
      const sent = await queue.enqueue(chatId, isGroup, () =>
        telegram.sendQuiz(chatId, out.question, out.options, {
          ...replyParameters,
          correct_option_id: out.correctIndex,
          explanation: out.explanation || undefined,
          // Only non-anonymous polls produce poll_answer updates with the user in them.
          is_anonymous: false,
        }),
      );
      await polls.set(sent.poll.id, { chatId, answerActionPrefix: out.quiz.answerActionPrefix });
    }
  }
}

/** Short text through the same queue (non-text notices, apologies). */
export async function deliverText(
  deps: { telegram: Telegram; queue: SendQueue },
  target: DeliverTarget,
  text: string,
): Promise<void> {
  await deps.queue.enqueue(target.chatId, target.isGroup, () =>
    deps.telegram.sendMessage(target.chatId, text, {
      ...(target.replyToMessageId !== undefined
        ? { reply_parameters: { message_id: target.replyToMessageId, allow_sending_without_reply: true } }
        : {}),
    }),
  );
}
