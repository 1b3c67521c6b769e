export { createTelegramChannel, telegramAllowedUpdates } from "./channel.js";
export type { TelegramChannel, TelegramChannelOptions } from "./channel.js";
export { telegramCommands } from "./commands.js";
export { createMemoryPollActionStore } from "./poll-actions.js";
export type { PollActionStore, PollEntry } from "./poll-actions.js";
export { telegramWebhookPath } from "./webhook.js";
export { resolveWebhookUrl } from "../shared/webhook-url.js";
export { startTelegram, type TelegramSettings } from "./start-telegram.js";
