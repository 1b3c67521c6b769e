import { createHash } from "node:crypto";
import type { Assistant, IncomingMessage, Reply } from "../../assistant/index.js";
import type { Logger } from "../../shared/logger.js";
import { silentLogger } from "../../shared/logger.js";
import { BoundedMap } from "../shared/bounded-map.js";
import type { InboxStore, OutboxMessage, OutboxStore } from "../../shared/delivery-ports.js";
import { createInbox } from "../shared/inbox.js";
import { channelLogger } from "../shared/log-safe.js";
import { KeyedRunner } from "../shared/keyed-runner.js";
import { channelTexts } from "../shared/reply-text.js";
import { createMemoryInboxStore, createMemoryOutboxStore } from "../shared/memory-delivery-store.js";
import { createOutboxSender, type OutboxSenderOptions } from "../shared/outbox-sender.js";
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
  /** Durable outgoing messages (compose.ts: the database; default: in memory, lost on restart). */
  outbox?: OutboxStore;
  /** Durable incoming updates and their de-duplication (compose.ts: the database; default: in memory). */
  inbox?: InboxStore;
  /** Retry budget, backoff and per-chat bound of the outbox, plus the clock/timer seams for tests. */
  delivery?: Pick<OutboxSenderOptions, "policy" | "now" | "schedule" | "pollIntervalMs">;
}

/** One Zalo message as stored in the outbox. `greets`: delivering it completes the first-contact greeting. */
interface StoredMessage {
  text: string;
  greets?: true;
}

/**
 * The inbox key of an event: its message_id, or — for events without one — a hash of the whole event, so those are
 * de-duplicated too (issue 11, item 7).
 */
export function zaloUpdateKey(event: { eventName: string; messageId?: string }, body: unknown): string {
  if (event.messageId) return `${event.eventName}:${event.messageId}`;
  return `sha256:${createHash("sha256").update(JSON.stringify(body) ?? "", "utf8").digest("hex")}`;
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
  // Retries live in the outbox; the queue only keeps parts ≥ 0.5 s apart.
  const queue = new SendQueue({ perChatIntervalMs: pacing.perChatIntervalMs ?? 500, global: { limit: 30, windowMs: 1_000 } });
  const greeted = options.greeted ?? createMemoryGreetedStore();
  /** Chats whose greeting is in the outbox but not yet delivered: not greeted twice meanwhile. */
  const greetingQueued = new BoundedMap<string, true>(20_000);
  const menus = new BoundedMap<string, TextMenu>(20_000);
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

  /** One attempt at one stored message; a delivered greeting marks the chat greeted (only then, issue 11). */
  async function sendStored(message: OutboxMessage): Promise<void> {
    const stored = JSON.parse(message.payload) as StoredMessage;
    await queue.enqueue(message.chatId, false, () => client.sendMessageOnce(message.chatId, stored.text));
    if (!stored.greets) return;
    greetingQueued.delete(message.chatId);
    await greeted.add(message.chatId).catch((error: unknown) => logger.warn({ err: error }, "zalo: greeting sent but not recorded"));
  }
  const outbox = createOutboxSender({
    channel: "zalo",
    store: options.outbox ?? createMemoryOutboxStore(),
    send: sendStored,
    classify: (error) => {
      if (!(error instanceof ZaloApiError)) return {};
      if (error.isAuth || error.code === 0 || error.code >= 500) return {};
      if (error.code === 429) return error.retryAfterSec !== undefined ? { retryAfterMs: error.retryAfterSec * 1_000 } : {};
      return undefined;
    },
    overflowNotice: () => stored(channelTexts.overflow),
    onError: (error) => {
      if (error instanceof ZaloApiError && error.isAuth) fatal(error);
    },
    // A greeting that can never be delivered: the chat is greeted again with its next message.
    onDead: (message) => {
      if ((JSON.parse(message.payload) as StoredMessage).greets) greetingQueued.delete(message.chatId);
    },
    logger,
    ...options.delivery,
  });
  let outboxStarted = false;
  const startOutbox = () => {
    if (outboxStarted) return;
    outboxStarted = true;
    outbox.start();
  };
  const stored = (text: string, greets = false) => JSON.stringify(greets ? { text, greets: true } : { text });

  /** A reply as outbox payloads; the menu it shows is remembered for the typed choice that follows. */
  function payloadsFor(reply: Reply, menuKey: string, greets = false): string[] {
    const { parts, menu } = renderZaloReply(reply);
    if (menu) menus.set(menuKey, menu);
    else menus.delete(menuKey);
    return parts.map((part, i) => stored(part, greets && i === parts.length - 1));
  }
  /** False when the chat's queue was full and the messages were dropped (see OutboxPolicy.maxPendingPerChat). */
  const enqueue = (chatId: string, payloads: string[]): Promise<boolean> => {
    startOutbox();
    return outbox.enqueue(chatId, payloads);
  };

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
      if (nonTextEvents.has(event.eventName)) await enqueue(chatId, [stored(channelTexts.nonText)]);
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
      const known = greetingQueued.get(chatId) === true || (await greeted.has(chatId));
      const messages: string[] = [];
      if (!known && !/^\/start\b/i.test(text)) {
        // First contact: the core's /start greeting says it is an automated bot and what it keeps (Zalo's terms).
        // The chat counts as greeted only once the greeting was delivered (sendStored); the answer follows it in the
        // same outbox queue, so a greeting that never gets through does not cost the answer.
        const greeting = await ask({ ...base, text: "/start" });
        if (greeting) messages.push(...payloadsFor(greeting, menuKey, true));
      }
      const reply = await ask({ ...base, ...(action ? { action } : { text }), deliveryId: event.messageId });
      // "xin chào" as the first message: its answer is the greeting just queued, so it is not sent twice.
      const greetsNow = messages.length > 0;
      if (!(reply?.kind === "greeting" && greetsNow)) {
        messages.push(...(reply ? payloadsFor(reply, menuKey, reply.kind === "greeting" && !known) : [stored(channelTexts.failure)]));
      }
      const greets = !known && messages.some((m) => (JSON.parse(m) as StoredMessage).greets);
      if (greets) greetingQueued.set(chatId, true);
      const queued = await enqueue(chatId, messages).catch((error: unknown) => {
        if (greets) greetingQueued.delete(chatId);
        throw error;
      });
      if (!queued && greets) greetingQueued.delete(chatId);
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

  /** Runs one stored event in its chat's turn; true once its answer is in the outbox. */
  const processStored = async (payload: string): Promise<boolean> => {
    const event = parseZaloUpdate(JSON.parse(payload));
    if (!event) return true;
    let ok = true;
    await runner.run(event.chatId ?? "unknown", () =>
      processInbound(event).catch((error: unknown) => {
        ok = false;
        throw error;
      }),
    );
    return ok;
  };
  const inbox = createInbox({ channel: "zalo", store: options.inbox ?? createMemoryInboxStore(), process: processStored, logger, now: options.delivery?.now });

  /**
   * Webhook / polling entry: stores the event (keyed by message_id, or a hash of the event without one) before the
   * 200, then processes it in the background. False for a redelivery, even after a restart; rejects when not stored.
   */
  const acceptUpdate = async (body: unknown): Promise<boolean> => {
    const event = parseZaloUpdate(body);
    if (!event) {
      logger.warn("zalo: ignored an update without event_name");
      return true;
    }
    return inbox.accept(zaloUpdateKey(event, body), JSON.stringify(body));
  };
  const idle = async (): Promise<void> => {
    await inbox.idle();
    await runner.idle();
    await outbox.idle();
  };

  if (options.mode === "webhook" && !options.webhookSecret) throw new Error("Zalo webhook mode needs ZALO_WEBHOOK_SECRET");

  return {
    client,
    /** The fastify plugin serving POST /webhooks/zalo (webhook mode only). */
    plugin:
      options.mode === "webhook" && options.webhookSecret ? zaloWebhookPlugin({ secret: options.webhookSecret, acceptUpdate }) : undefined,
    acceptUpdate,
    /** Resolves when every accepted event has been answered and every queued message sent (or dead-lettered). */
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
    /** Processes the updates a previous run stored but did not finish (start() does this). */
    replay: () => inbox.replay(),
    async start(): Promise<void> {
      // Messages and updates a previous run left behind go first: nothing acknowledged is lost.
      startOutbox();
      await inbox.replay().catch((error: unknown) => logger.error({ err: error }, "zalo: could not replay stored updates"));
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
        onUpdate: (update) =>
          void acceptUpdate(update).catch((error: unknown) => logger.error({ err: error }, "zalo: polled update not stored")),
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
      await inbox.idle();
      await runner.idle();
      // Sends in flight finish; messages waiting for a retry stay in the outbox for the next start.
      await outbox.stop();
    },
  };
}

export type ZaloChannel = ReturnType<typeof createZaloChannel>;
