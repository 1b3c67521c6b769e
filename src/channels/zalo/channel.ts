import type { Assistant, IncomingMessage, Reply } from "../../assistant/index.js";
import type { Logger } from "../../shared/logger.js";
import { silentLogger } from "../../shared/logger.js";
import { BoundedMap } from "../shared/bounded-map.js";
import { DedupCache } from "../shared/dedup-cache.js";
import { channelLogger } from "../shared/log-safe.js";
import { KeyedRunner } from "../shared/keyed-runner.js";
import { channelTexts } from "../shared/reply-text.js";
import { SendQueue } from "../shared/send-queue.js";
import { createZaloClient, ZaloApiError, type ZaloClient } from "./client.js";
import { createMemoryGreetedStore, type GreetedStore } from "./greeted.js";
import { mentionsBot, parseZaloUpdate, stripLeadingMention, type ZaloInbound } from "./parse-update.js";
import { runZaloPolling } from "./polling.js";
import { renderZaloReply } from "./render.js";
import { matchTextMenu, type TextMenu } from "./text-menu.js";
import { zaloWebhookPlugin } from "./webhook.js";

export interface ZaloChannelOptions {
  assistant: Assistant;
  token: string;
  apiBase: string;
  mode: "polling" | "webhook";
  webhookSecret?: string;
  logger?: Logger;
  greeted?: GreetedStore;
  /** Names the bot is @mentioned by in groups; getMe's names are added at start. */
  botNames?: string[];
  /** Defaults: ≥ 0.5 s between parts, 1 s first backoff, 30 s long poll, typing refreshed every 4 s. */
  pacing?: { perChatIntervalMs?: number; backoffBaseMs?: number; pollTimeoutSec?: number; typingEveryMs?: number };
  /** Called when Zalo rejects the token (401): nothing works until an operator fixes ZALO_BOT_TOKEN. */
  onFatal?: (error: Error) => void;
  client?: ZaloClient;
}

const textEvent = "message.text.received";
const nonTextEvents = new Set([
  "message.image.received",
  "message.sticker.received",
  "message.unsupported.received",
  "message.voice.received",
  "message.link.received",
  "message.file.received",
  "message.video.received",
]);

/**
 * The Zalo Bot channel: events (webhook or getUpdates) → IncomingMessage; Reply → plain-text messages with numbered
 * menus, split under 2,000 characters and paced per chat. Work runs in the background, in order per chat.
 */
export function createZaloChannel(options: ZaloChannelOptions) {
  // Never raw chat ids or message payloads in the logs (issue 11): channelLogger drops them and reduces errors.
  const logger = channelLogger((options.logger ?? silentLogger).child({ channel: "zalo" }));
  const pacing = options.pacing ?? {};
  const client =
    options.client ?? createZaloClient({ token: options.token, apiBase: options.apiBase, logger, backoffBaseMs: pacing.backoffBaseMs });
  // Retries live in the client; the queue only keeps parts in order and ≥ 0.5 s apart.
  const queue = new SendQueue({ perChatIntervalMs: pacing.perChatIntervalMs ?? 500, global: { limit: 30, windowMs: 1_000 }, logger });
  const greeted = options.greeted ?? createMemoryGreetedStore();
  const menus = new BoundedMap<string, TextMenu>(20_000);
  const dedup = new DedupCache();
  const botNames = [...(options.botNames ?? [])];
  let stopPolling: AbortController | undefined;
  let fatalReported = false;

  const fatal = (error: unknown) => {
    const auth = error instanceof ZaloApiError && error.isAuth;
    const message = auth
      ? "Zalo rejected ZALO_BOT_TOKEN (401). Copy the token again from Zalo Bot Creator (it changes when reset) and restart."
      : `Zalo channel stopped: ${(error as Error).message}`;
    if (fatalReported) return;
    fatalReported = true;
    logger.error({ err: error }, message);
    options.onFatal?.(new Error(message, { cause: error }));
  };
  const runner = new KeyedRunner((error, chatId) => {
    if (error instanceof ZaloApiError && error.isAuth) fatal(error);
    else logger.error({ err: error, chatId }, "zalo: turn failed");
  });

  async function send(chatId: string, isGroup: boolean, reply: Reply, menuKey: string): Promise<void> {
    const { parts, menu } = renderZaloReply(reply);
    if (menu) menus.set(menuKey, menu);
    else menus.delete(menuKey);
    for (const part of parts) await queue.enqueue(chatId, isGroup, () => client.sendMessage(chatId, part));
  }

  async function ask(message: IncomingMessage): Promise<Reply | undefined> {
    try {
      return await options.assistant.handle(message);
    } catch (error) {
      logger.error({ err: error }, "zalo: assistant failed");
      return undefined;
    }
  }

  async function processInbound(event: ZaloInbound): Promise<void> {
    const { chatId, userId, isGroup } = event;
    if (!chatId || !userId) return;
    if (event.eventName !== textEvent) {
      if (nonTextEvents.has(event.eventName)) await queue.enqueue(chatId, isGroup, () => client.sendMessage(chatId, channelTexts.nonText));
      return;
    }
    // In groups the app itself checks the @mention (Zalo should only deliver those, but a setting or platform change
    // must not make the bot answer every family message).
    if (isGroup && !mentionsBot(event.text ?? "", botNames)) return;
    const text = isGroup ? stripLeadingMention(event.text ?? "", botNames) : (event.text ?? "").trim();
    if (!text) return;
    const base = { channel: "zalo" as const, userId, chatId: isGroup ? chatId : undefined, isGroup };
    const typing = startTyping(chatId);
    try {
      const menuKey = `${chatId}:${userId}`;
      // Typed choices refer to the menu the person saw when typing, not to the greeting's menu sent below.
      const action = matchTextMenu(text, menus.get(menuKey));
      const known = await greeted.has(chatId);
      let greetedNow = false;
      if (!known && !/^\/start\b/i.test(text)) {
        // First contact: the core's /start greeting says it is an automated bot and what it keeps (Zalo's terms).
        // The chat counts as greeted only once the greeting was delivered; a failed greeting never costs the answer.
        const greeting = await ask({ ...base, text: "/start" });
        if (greeting) {
          try {
            await send(chatId, isGroup, greeting, menuKey);
            await greeted.add(chatId);
            greetedNow = true;
          } catch (error) {
            if (error instanceof ZaloApiError && error.isAuth) throw error;
            logger.warn({ err: error }, "zalo: first-contact greeting not delivered; will greet again next time");
          }
        }
      }
      const reply = await ask({ ...base, ...(action ? { action } : { text }), deliveryId: event.messageId });
      // "xin chào" as the first message: its answer is the greeting just sent, so it is not sent twice.
      if (reply?.kind === "greeting" && greetedNow) return;
      if (reply) await send(chatId, isGroup, reply, menuKey);
      else await queue.enqueue(chatId, isGroup, () => client.sendMessage(chatId, channelTexts.failure));
      if (reply?.kind === "greeting" && !known && !greetedNow) await greeted.add(chatId);
    } finally {
      typing.stop();
    }
  }

  /** "typing…" lasts ~5 s on Zalo; refresh it while the core works. Failures only cost the indicator. */
  function startTyping(chatId: string): { stop(): void } {
    const ping = () => void client.sendChatAction(chatId, "typing").catch(() => undefined);
    ping();
    const timer = setInterval(ping, pacing.typingEveryMs ?? 4_000);
    return { stop: () => clearInterval(timer) };
  }

  const acceptUpdate = (body: unknown): boolean => {
    const event = parseZaloUpdate(body);
    if (!event) {
      logger.warn("zalo: ignored an update without event_name");
      return true;
    }
    if (event.messageId && !dedup.firstTime(`${event.eventName}:${event.messageId}`)) return false;
    void runner.run(event.chatId ?? "unknown", () => processInbound(event));
    return true;
  };

  if (options.mode === "webhook" && !options.webhookSecret) throw new Error("Zalo webhook mode needs ZALO_WEBHOOK_SECRET");

  return {
    client,
    /** The fastify plugin serving POST /webhooks/zalo (webhook mode only). */
    plugin:
      options.mode === "webhook" && options.webhookSecret ? zaloWebhookPlugin({ secret: options.webhookSecret, acceptUpdate }) : undefined,
    /** Webhook / polling entry: false for a redelivered message_id; processing continues in the background. */
    acceptUpdate,
    async idle(): Promise<void> {
      await runner.idle();
      await queue.drain();
    },
    async start(): Promise<void> {
      try {
        const me = await client.getMe();
        for (const name of [me.display_name, me.account_name]) if (name && !botNames.includes(name)) botNames.push(name);
      } catch (error) {
        if (error instanceof ZaloApiError && error.isAuth) {
          fatal(error);
          throw error;
        }
        logger.warn({ err: error }, "zalo: getMe failed; group mentions are stripped by the first word");
      }
      if (options.mode === "webhook") {
        logger.info("zalo: webhook mode, POST /webhooks/zalo (register it with `npm run zalo:webhook -- set <url>`)");
        return;
      }
      const controller = new AbortController();
      stopPolling = controller;
      void runZaloPolling({
        client,
        onUpdate: (update) => void acceptUpdate(update),
        signal: controller.signal,
        logger,
        timeoutSec: pacing.pollTimeoutSec,
      }).catch((error: unknown) => {
        if (!controller.signal.aborted) fatal(error);
      });
      logger.info("zalo: polling getUpdates");
    },
    async stop(): Promise<void> {
      stopPolling?.abort();
      stopPolling = undefined;
      await runner.idle();
      await queue.drain();
    },
  };
}

export type ZaloChannel = ReturnType<typeof createZaloChannel>;
