export { createZaloChannel } from "./channel.js";
export type { ZaloChannel, ZaloChannelOptions } from "./channel.js";
export { createZaloClient, ZaloApiError } from "./client.js";
export type { ZaloClient } from "./client.js";
export { createMemoryGreetedStore } from "./greeted.js";
export type { GreetedStore } from "./greeted.js";
export { zaloWebhookPath } from "./webhook.js";
export { resolveWebhookUrl } from "../shared/webhook-url.js";
export { startZalo, type ZaloSettings } from "./start-zalo.js";
