import type { FastifyPluginAsync } from "fastify";
import type { Update } from "telegraf/types";
import { safeCompare } from "../../shared/safe-compare.js";
import { isWellFormedUpdate } from "./update-shape.js";

export const telegramWebhookPath = "/webhooks/telegram";

/**
 * POST /webhooks/telegram. Checks X-Telegram-Bot-Api-Secret-Token in constant time (401 otherwise), answers 200 at
 * once — Telegram redelivers after ~60 s, and an answer may take longer — and hands the update to the channel, which
 * drops redeliveries by update_id.
 */
export function telegramWebhookPlugin(opts: {
  secret: string;
  acceptUpdate: (update: Update) => boolean;
}): FastifyPluginAsync {
  return async (app) => {
    // Updates quoting a long message can exceed the server-wide body limit meant for the web chat; a 413 here
    // would make the platform redeliver the same update forever.
    app.post(telegramWebhookPath, { bodyLimit: 1024 * 1024 }, async (request, reply) => {
      const header = request.headers["x-telegram-bot-api-secret-token"];
      if (!safeCompare(typeof header === "string" ? header : undefined, opts.secret)) {
        request.log.warn("telegram webhook: wrong or missing secret token");
        return reply.code(401).send({ error: "unauthorized" });
      }
      const body = request.body as Partial<Update> | undefined;
      if (!body || typeof body !== "object" || typeof body.update_id !== "number") {
        return reply.code(400).send({ error: "expected a Telegram Update with a numeric update_id" });
      }
      // Authentic but malformed: acknowledged (a non-2xx would be redelivered for hours) and never handled.
      if (!isWellFormedUpdate(body as Record<string, unknown>)) {
        request.log.info("telegram webhook: malformed update ignored");
        return reply.code(200).send({ ok: true, ignored: true });
      }
      const fresh = opts.acceptUpdate(body as Update);
      return reply.code(200).send({ ok: true, duplicate: !fresh });
    });
  };
}
