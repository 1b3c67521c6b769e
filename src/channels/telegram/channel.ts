import { Telegraf } from "telegraf";
import type { Update, UserFromGetMe } from "telegraf/types";
import type { Assistant, IncomingMessage } from "../../assistant/index.js";
import type { Logger } from "../../shared/logger.js";
import { silentLogger } from "../../shared/logger.js";
import { DedupCache } from "../shared/dedup-cache.js";
import { channelLogger } from "../shared/log-safe.js";
import { KeyedRunner } from "../shared/keyed-runner.js";
import { channelTexts } from "../shared/reply-text.js";
import { SendQueue } from "../shared/send-queue.js";
import { resolveWebhookUrl } from "../shared/webhook-url.js";
import { CallbackData } from "./callback-data.js";
import { telegramCommands } from "./commands.js";
import { deliverReply, deliverText, type DeliverTarget } from "./deliver.js";
import { createMemoryPollActionStore, type PollActionStore } from "./poll-actions.js";
import { telegramFatalMessage, telegramRetryDelayMs } from "./retry-policy.js";
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
  pacing?: { perChatIntervalMs?: number; groupPerMinute?: number; globalPerSecond?: number; backoffBaseMs?: number };
  /** Called when Telegram rejects the token (401): the operator must fix the configuration. */
  onFatal?: (error: Error) => void;
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
  const queue = new SendQueue({
    perChatIntervalMs: pacing.perChatIntervalMs ?? 1_000,
    group: { limit: pacing.groupPerMinute ?? 20, windowMs: 60_000 },
    global: { limit: pacing.globalPerSecond ?? 30, windowMs: 1_000 },
    retryDelayMs: (error, attempt) => telegramRetryDelayMs(error, attempt, pacing.backoffBaseMs),
    logger,
  });
  const polls = options.polls ?? createMemoryPollActionStore();
  const callbackData = new CallbackData();
  const dedup = new DedupCache();
  const sendDeps = { telegram, queue, callbackData, polls };
  const runner = new KeyedRunner((error, chatId) => logger.error({ err: error, chatId }, "telegram: turn failed"));
  let polling = false;

  const fatal = (error: unknown) => {
    const message = telegramFatalMessage(error);
    logger.error({ err: error }, message);
    options.onFatal?.(new Error(message, { cause: error }));
  };

  /** Asks the core and delivers its reply; on failure the citizen gets an apology instead of silence. */
  const answer = (message: IncomingMessage, target: DeliverTarget) =>
    runner.run(target.chatId, async () => {
      void telegram.sendChatAction(target.chatId, "typing").catch(() => undefined);
      let reply;
      try {
        reply = await options.assistant.handle(message);
      } catch (error) {
        logger.error({ err: error }, "telegram: assistant failed");
        await deliverText(sendDeps, target, channelTexts.failure);
        return;
      }
      await deliverReply(sendDeps, target, reply);
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
      void runner.run(target.chatId, () => deliverText(sendDeps, target, channelTexts.nonText));
      return;
    }
    void answer(
      {
        channel: "telegram",
        userId: String(message.from?.id ?? message.chat.id),
        chatId: isGroup ? target.chatId : undefined,
        isGroup,
        text: decision.text,
        deliveryId: String(ctx.update.update_id),
      },
      target,
    );
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
    void answer(
      {
        channel: "telegram",
        userId: String(query.from.id),
        chatId: isGroup ? String(chat.id) : undefined,
        isGroup,
        action,
        deliveryId: String(ctx.update.update_id),
      },
      { chatId: String(chat.id), isGroup },
    );
  });

  bot.on("poll_answer", async (ctx) => {
    const pollAnswer = ctx.pollAnswer;
    const option = pollAnswer.option_ids[0];
    const entry = await polls.get(pollAnswer.poll_id);
    // A retracted vote has no option; an unknown poll is older than 7 days (or predates a restart, in-memory store).
    if (option === undefined || !entry || !pollAnswer.user) return;
    void answer(
      {
        channel: "telegram",
        userId: String(pollAnswer.user.id),
        action: `${entry.answerActionPrefix}${option}`,
        deliveryId: String(ctx.update.update_id),
      },
      { chatId: entry.chatId, isGroup: false },
    );
  });

  // One failing update must never stop the bot (telegraf's default handler rethrows).
  bot.catch((error, ctx) => logger.error({ err: error, updateId: ctx.update.update_id }, "telegram: update failed"));

  // Updates being classified (answerCallbackQuery, poll lookup) before their answer is queued in `runner`.
  const inFlight = new Set<Promise<void>>();
  const acceptUpdate = (update: Update): boolean => {
    if (!dedup.firstTime(String(update.update_id))) return false;
    const handling = bot
      .handleUpdate(update)
      .catch((error: unknown) => logger.error({ err: error }, "telegram: handleUpdate failed"))
      .finally(() => inFlight.delete(handling));
    inFlight.add(handling);
    return true;
  };
  const idle = async (): Promise<void> => {
    while (inFlight.size > 0) await Promise.all([...inFlight]);
    await runner.idle();
    await queue.drain();
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
    /** Webhook entry: false for a redelivered update_id, otherwise processing starts in the background. */
    acceptUpdate,
    /** Processes one update (tests, polling); resolves when the update is handled, not when the answer is sent. */
    handleUpdate: (update: Update) => bot.handleUpdate(update),
    /** Resolves when every accepted update has been answered and every queued message sent. */
    idle,
    async start(): Promise<void> {
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
      await idle();
    },
  };
}

export type TelegramChannel = ReturnType<typeof createTelegramChannel>;
export { allowedUpdates as telegramAllowedUpdates };
