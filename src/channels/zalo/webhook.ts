import type { FastifyPluginAsync } from "fastify";
import { safeCompare } from "../../shared/safe-compare.js";

export const zaloWebhookPath = "/webhooks/zalo";

/**
 * POST /webhooks/zalo. Checks X-Bot-Api-Secret-Token in constant time (403 like Zalo's own sample), answers 200 at
 * once and lets the channel process the event in the background (it drops redeliveries by message_id).
 */
export function zaloWebhookPlugin(opts: { secret: string; acceptUpdate: (body: unknown) => boolean }): FastifyPluginAsync {
  return async (app) => {
    // Updates quoting a long message can exceed the server-wide body limit meant for the web chat; a 413 here
    // would make the platform redeliver the same update forever.
    app.post(zaloWebhookPath, { bodyLimit: 1024 * 1024 }, async (request, reply) => {
      const header = request.headers["x-bot-api-secret-token"];
      if (!safeCompare(typeof header === "string" ? header : undefined, opts.secret)) {
        request.log.warn("zalo webhook: wrong or missing secret token");
        return reply.code(403).send({ message: "Unauthorized" });
      }
      const fresh = opts.acceptUpdate(request.body);
      return reply.code(200).send({ message: "Success", duplicate: !fresh });
    });
  };
}
