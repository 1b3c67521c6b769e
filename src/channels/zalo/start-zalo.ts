import type { Assistant } from "../../assistant/index.js";
import type { Logger } from "../../shared/logger.js";
import { createZaloChannel, type ZaloChannel, type ZaloChannelOptions } from "./channel.js";
import type { GreetedStore } from "./greeted.js";

/** The `config.zalo` shape (src/config.ts), restated so the channel does not import the config module. */
export interface ZaloSettings {
  token: string;
  apiBase: string;
  mode: "polling" | "webhook";
  webhookSecret?: string;
}

/**
 * Composition helper for main.ts / compose.ts: builds the channel from config. Register `plugin` (webhook mode)
 * on the server before it listens, call `start()` after (polling begins there), and `stop()` on shutdown.
 */
export function startZalo(
  settings: ZaloSettings,
  deps: {
    assistant: Assistant;
    logger?: Logger;
    onFatal?: (error: Error) => void;
    greeted?: GreetedStore;
  } & Pick<ZaloChannelOptions, "outbox" | "inbox" | "delivery">,
): ZaloChannel {
  return createZaloChannel({ ...settings, ...deps });
}
