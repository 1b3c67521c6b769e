import { Telegraf } from "telegraf";
import type { Update, UserFromGetMe } from "telegraf/types";
import type { Assistant, IncomingMessage } from "../../assistant/index.js";
import type { Logger } from "../../shared/logger.js";
import { silentLogger } from "../../shared/logger.js";
import type { InboxStore, OutboxStore } from "../../shared/delivery-ports.js";
import { createInbox } from "../shared/inbox.js";
import { channelLogger } from "../shared/log-safe.js";
import { KeyedRunner } from "../shared/keyed-runner.js";
import { channelTexts } from "../shared/reply-text.js";
import { createMemoryInboxStore, createMemoryOutboxStore } from "../shared/memory-delivery-store.js";
import { createOutboxSender, type OutboxSenderOptions } from "../shared/outbox-sender.js";
import { SendQueue } from "../shared/send-queue.js";
import { resolveWebhookUrl } from "../shared/webhook-url.js";
import { CallbackData } from "./callback-data.js";
import { telegramCommands } from "./commands.js";
import { replyPayloads, sendPayload, textPayload, type DeliverTarget } from "./deliver.js";
import { createMemoryPollActionStore, type PollActionStore } from "./poll-actions.js";
import { isTelegramAuthError, telegramFatalMessage, telegramRetryHint } from "./retry-policy.js";
import { decideMessage } from "./to-incoming.js";
import { telegramWebhookPath, telegramWebhookPlugin } from "./webhook.js";

export interface TelegramChannelOptions {
  assistant: Assistant;
  token: string;
  apiRoot?: string;
  mode: "polling" | "webhook";
  webhookUrl?: string;
  /** Required in webhook mode: the X-Telegram-Bot-Api-Secret-Token value registered with setWebhook. */
  webhookSecret?: string;
  logger?: Logger;
  /** Preset getMe result (tests, or to skip one call at start-up). */
  botInfo?: UserFromGetMe;
  polls?: PollActionStore;
  /** Telegram's published limits by default; tests shrink them. */
  pacing?: { perChatIntervalMs?: number; groupPerMinute?: number; globalPerSecond?: number };
  /** Durable outgoing messages (compose.ts: the database; default: in memory, lost on restart). */
  outbox?: OutboxStore;
  /** Durable incoming webhook updates and their de-duplication (compose.ts: the database; default: in memory). */
  inbox?: InboxStore;
  /** Retry budget, backoff and per-chat bound of the outbox, plus the clock/timer seams for tests. */
  delivery?: Pick<OutboxSenderOptions, "policy" | "now" | "schedule" | "pollIntervalMs">;
  /** Called when Telegram rejects the token (401): the operator must fix the configuration. */
  onFatal?: (error: Error) => void;
  /**
   * "typing…" is shown only when an answer takes longer than this (default 400 ms): most answers are ready in a few
   * milliseconds, and an indicator per update was one unpaced Bot API call per message (a tenth of the channel's CPU).
   */
  typingAfterMs?: number;
}

const allowedUpdates = ["message", "callback_query", "poll_answer"] as const;

/**
 * The Telegram channel: translates updates into IncomingMessages for the core and Replies back into paced Telegram
 * calls. Handlers only classify and enqueue, so polling never stalls behind a slow answer and a webhook is
 * acknowledged at once; the answer itself runs in the background, in order per chat.
 */
export function createTelegramChannel(options: TelegramChannelOptions) {
  // Never raw chat ids or message payloads in the logs (issue 11): channelLogger drops them and reduces errors.
  const logger = channelLogger((options.logger ?? silentLogger).child({ channel: "telegram" }));
  const bot = new Telegraf(options.token, {
    // Handlers return quickly (work is queued), so a short timeout only catches a hung API call.
    handlerTimeout: 20_000,
    telegram: { apiRoot: options.apiRoot ?? "https://api.telegram.org", webhookReply: false },
  });
  if (options.botInfo) bot.botInfo = options.botInfo;
  const telegram = bot.telegram;
  const pacing = options.pacing ?? {};
  const typingAfterMs = options.typingAfterMs ?? 400;
  // Pacing only: retries belong to the outbox, which keeps them across minutes and restarts.
  const queue = new SendQueue({
    perChatIntervalMs: pacing.perChatIntervalMs ?? 1_000,
    group: { limit: pacing.groupPerMinute ?? 20, windowMs: 60_000 },
    global: { limit: pacing.globalPerSecond ?? 30, windowMs: 1_000 },
  });
  const polls = options.polls ?? createMemoryPollActionStore();
  const callbackData = new CallbackData();
  const runner = new KeyedRunner((error, chatId) => logger.error({ err: error, chatId }, "telegram: turn failed"));
  let polling = false;

  const fatal = (error: unknown) => {
    const message = telegramFatalMessage(error);
    logger.error({ err: error }, message);
    options.onFatal?.(new Error(message, { cause: error }));
  };

  const outbox = createOutboxSender({
    channel: "telegram",
    store: options.outbox ?? createMemoryOutboxStore(),
    send: (message) =>
      sendPayload({ telegram, queue, polls, onPollLost: (err) => logger.warn({ err }, "telegram: quiz poll sent but not remembered") }, message),
    classify: telegramRetryHint,
    overflowNotice: (chatId) => textPayload({ chatId, isGroup: chatId.startsWith("-") }, channelTexts.overflow),
    onError: (error) => {
      if (isTelegramAuthError(error)) fatal(error);
    },
    logger,
    ...options.delivery,
  });
  let outboxStarted = false;
  /** Writes messages to the outbox; the sender starts with the first message or at start(), whichever is first. */
  const enqueue = async (target: DeliverTarget, payloads: string[]) => {
    if (!outboxStarted) {
      outboxStarted = true;
      outbox.start();
    }
    await outbox.enqueue(target.chatId, payloads);
  };

  /** Runs one turn for a chat in order; resolves false when it failed (its update is then replayed at next start). */
  const turn = async (chatId: string, task: () => Promise<void>): Promise<boolean> => {
    let ok = true;
    await runner.run(chatId, () =>
      task().catch((error: unknown) => {
        ok = false;
        throw error;
      }),
    );
    return ok;
  };
  /** The turns each webhook update started, so the inbox marks it done only once its answer is in the outbox. */
  const turnsOf = new Map<number, Array<Promise<boolean>>>();
  const follow = (updateId: number, work: Promise<boolean>) => void turnsOf.get(updateId)?.push(work);

  /** Asks the core and queues its reply; on failure the citizen gets an apology instead of silence. */
  const answer = (message: IncomingMessage, target: DeliverTarget) =>
    turn(target.chatId, async () => {
      const typing = setTimeout(() => void telegram.sendChatAction(target.chatId, "typing").catch(() => undefined), typingAfterMs);
      let reply;
      try {
        reply = await options.assistant.handle(message);
      } catch (error) {
        logger.error({ err: error }, "telegram: assistant failed");
        await enqueue(target, [textPayload(target, channelTexts.failure)]);
        return;
      } finally {
        clearTimeout(typing);
      }
      await enqueue(target, replyPayloads(reply, target, callbackData));
    });

  bot.on("message", (ctx) => {
    const message = ctx.message;
    const decision = decideMessage(message, ctx.botInfo);
    if (decision.kind === "ignore") {
      logger.debug({ reason: decision.reason }, "telegram: message ignored");
      return;
    }
    const isGroup = message.chat.type !== "private";
    const target = { chatId: String(message.chat.id), isGroup, replyToMessageId: isGroup ? message.message_id : undefined };
    if (decision.kind === "non-text") {
      follow(ctx.update.update_id, turn(target.chatId, () => enqueue(target, [textPayload(target, channelTexts.nonText)])));
      return;
    }
    follow(ctx.update.update_id, answer(
      {
        channel: "telegram",
        userId: String(message.from?.id ?? message.chat.id),
        chatId: isGroup ? target.chatId : undefined,
        isGroup,
        text: decision.text,
        deliveryId: String(ctx.update.update_id),
      },
      target,
    ));
  });

  bot.on("callback_query", async (ctx) => {
    const query = ctx.callbackQuery;
    const action = "data" in query ? callbackData.decode(query.data) : undefined;
    // Always answer, first: otherwise the citizen's button keeps spinning for a long time.
    await telegram
      .answerCbQuery(query.id, action === undefined ? "Nút này đã hết hạn. Bạn gõ lại câu hỏi nhé." : undefined)
      .catch((error: unknown) => logger.warn({ err: error }, "telegram: answerCallbackQuery failed"));
    const chat = query.message?.chat;
    if (action === undefined || !chat) return;
    const isGroup = chat.type !== "private";
    follow(ctx.update.update_id, answer(
      {
        channel: "telegram",
        userId: String(query.from.id),
        chatId: isGroup ? String(chat.id) : undefined,
        isGroup,
        action,
        deliveryId: String(ctx.update.update_id),
      },
      { chatId: String(chat.id), isGroup },
    ));
  });

  bot.on("poll_answer", async (ctx) => {
    const pollAnswer = ctx.pollAnswer;
    const option = pollAnswer.option_ids[0];
    const entry = await polls.get(pollAnswer.poll_id);
    // A retracted vote has no option; an unknown poll is older than 7 days (or predates a restart, in-memory store).
    if (option === undefined || !entry || !pollAnswer.user) return;
    follow(ctx.update.update_id, answer(
      {
        channel: "telegram",
        userId: String(pollAnswer.user.id),
        action: `${entry.answerActionPrefix}${option}`,
        deliveryId: String(ctx.update.update_id),
      },
      { chatId: entry.chatId, isGroup: false },
    ));
  });

  // One failing update must never stop the bot (telegraf's default handler rethrows).
  bot.catch((error, ctx) => logger.error({ err: error, updateId: ctx.update.update_id }, "telegram: update failed"));

  /** One stored update, handled; true once every answer it started is in the outbox. */
  const processUpdate = async (update: Update): Promise<boolean> => {
    const turns: Array<Promise<boolean>> = [];
    turnsOf.set(update.update_id, turns);
    try {
      await bot.handleUpdate(update);
    } finally {
      turnsOf.delete(update.update_id);
    }
    return (await Promise.all(turns)).every(Boolean);
  };
  const inbox = createInbox({
    channel: "telegram",
    store: options.inbox ?? createMemoryInboxStore(),
    process: (payload, decoded) => processUpdate((decoded as Update | undefined) ?? (JSON.parse(payload) as Update)),
    logger,
    now: options.delivery?.now,
  });
  /**
   * Webhook entry: stores the update (keyed by update_id) before the 200, then processes it in the background.
   * False for a redelivery, even one arriving after a restart; rejects when it could not be stored.
   */
  const acceptUpdate = (update: Update): Promise<boolean> => inbox.accept(String(update.update_id), JSON.stringify(update), update);
  const idle = async (): Promise<void> => {
    await inbox.idle();
    await runner.idle();
    await outbox.idle();
  };
  if (options.mode === "webhook" && !options.webhookSecret) {
    throw new Error("Telegram webhook mode needs TELEGRAM_WEBHOOK_SECRET");
  }

  return {
    bot,
    /** The fastify plugin serving POST /webhooks/telegram (webhook mode only). */
    plugin:
      options.mode === "webhook" && options.webhookSecret
        ? telegramWebhookPlugin({ secret: options.webhookSecret, acceptUpdate })
        : undefined,
    acceptUpdate,
    /** Processes one update (tests, polling); resolves when the update is handled, not when the answer is sent. */
    handleUpdate: (update: Update) => bot.handleUpdate(update),
    /** Resolves when every accepted update has been answered and every queued message sent (or dead-lettered). */
    idle,
    /** The outbox sender. */
    outbox,
    /**
     * Resolves when accepted updates are processed and no send is in flight, without waiting for retries that are
     * scheduled later (tests with a manual clock use this instead of `idle()`).
     */
    async settled(): Promise<void> {
      await inbox.idle();
      await runner.idle();
      await outbox.settled();
    },
    /** Processes the webhook updates a previous run stored but did not finish (start() does this). */
    replay: () => inbox.replay(),
    async start(): Promise<void> {
      // Messages and updates a previous run left behind go first: nothing acknowledged is lost.
      if (!outboxStarted) {
        outboxStarted = true;
        outbox.start();
      }
      await inbox.replay().catch((error: unknown) => logger.error({ err: error }, "telegram: could not replay stored updates"));
      try {
        bot.botInfo ??= await telegram.getMe();
      } catch (error) {
        fatal(error);
        throw error;
      }
      await telegram.setMyCommands(telegramCommands).catch((error: unknown) => logger.warn({ err: error }, "setMyCommands failed"));
      if (options.mode === "polling") {
        polling = true;
        // launch() deletes any webhook, then resolves only when polling stops.
        bot.launch({ allowedUpdates: [...allowedUpdates] }).catch((error: unknown) => {
          polling = false;
          fatal(error);
        });
        logger.info({ bot: bot.botInfo.username }, "telegram: long polling started");
      } else {
        const info = await telegram.getWebhookInfo().catch(() => undefined);
        const expected = options.webhookUrl ? resolveWebhookUrl(options.webhookUrl, telegramWebhookPath) : undefined;
        if (info && expected && info.url !== expected) {
          logger.warn({ registered: info.url, expected }, "telegram: webhook not registered; run `npm run telegram:webhook -- set`");
        }
        logger.info({ bot: bot.botInfo.username }, "telegram: webhook mode, POST /webhooks/telegram");
      }
    },
    async stop(): Promise<void> {
      if (polling) {
        polling = false;
        bot.stop("shutdown");
      }
      await inbox.idle();
      await runner.idle();
      // Sends in flight finish; messages waiting for a retry stay in the outbox for the next start.
      await outbox.stop();
    },
  };
}

export type TelegramChannel = ReturnType<typeof createTelegramChannel>;
export { allowedUpdates as telegramAllowedUpdates };
