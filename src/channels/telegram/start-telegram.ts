import type { Assistant } from "../../assistant/index.js";
import type { Logger } from "../../shared/logger.js";
import { createTelegramChannel, type TelegramChannel, type TelegramChannelOptions } from "./channel.js";
import type { PollActionStore } from "./poll-actions.js";

/** The `config.telegram` shape (src/config.ts), restated so the channel does not import the config module. */
export interface TelegramSettings {
  token: string;
  apiRoot: string;
  mode: "polling" | "webhook";
  webhookUrl?: string;
  webhookSecret?: string;
  /** Global send pacing (TELEGRAM_SENDS_PER_SECOND); Telegram's published 30 messages/s when not set. */
  sendsPerSecond?: number;
}

/**
 * Composition helper for main.ts / compose.ts: builds the channel from config. Register `plugin` (webhook mode)
 * on the server before it listens, call `start()` after, and `stop()` on shutdown.
 */
export function startTelegram(
  settings: TelegramSettings,
  deps: {
    assistant: Assistant;
    logger?: Logger;
    onFatal?: (error: Error) => void;
    polls?: PollActionStore;
  } & Pick<TelegramChannelOptions, "outbox" | "inbox" | "delivery">,
): TelegramChannel {
  const { sendsPerSecond, ...rest } = settings;
  return createTelegramChannel({ ...rest, ...deps, pacing: { globalPerSecond: sendsPerSecond } });
}
