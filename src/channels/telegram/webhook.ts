import type { FastifyPluginAsync } from "fastify";
import type { Update } from "telegraf/types";
import { safeCompare } from "../../shared/safe-compare.js";
import { isWellFormedUpdate } from "./update-shape.js";

export const telegramWebhookPath = "/webhooks/telegram";

/**
 * POST /webhooks/telegram. Checks X-Telegram-Bot-Api-Secret-Token in constant time (401 otherwise), answers 200
 * as soon as the update is stored in the channel's inbox — Telegram redelivers after ~60 s, and an answer may take
 * longer — and the channel processes it afterwards (replayed at start-up if the process stopped first). A redelivered
 * update_id is recognised in the inbox and not answered twice; an update that could not be stored gets a 503.
 */
export function telegramWebhookPlugin(opts: {
  secret: string;
  acceptUpdate: (update: Update) => Promise<boolean>;
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
      let fresh: boolean;
      try {
        fresh = await opts.acceptUpdate(body as Update);
      } catch (error) {
        // Not stored, so not acknowledged: Telegram delivers it again later instead of it being lost.
        request.log.error({ err: error }, "telegram webhook: update not stored; asking Telegram to redeliver");
        return reply.code(503).send({ error: "update not stored, retry later" });
      }
      return reply.code(200).send({ ok: true, duplicate: !fresh });
    });
  };
}
