import type { FastifyPluginAsync } from "fastify";
import { safeCompare } from "../../shared/safe-compare.js";

export const zaloWebhookPath = "/webhooks/zalo";

/**
 * POST /webhooks/zalo. Checks X-Bot-Api-Secret-Token in constant time (403 like Zalo's own sample), answers 200 once
 * the event is stored in the channel's inbox, and lets the channel process it in the background (replayed at start-up
 * if the process stopped first; redeliveries are recognised by message_id, or a hash of the event without one).
 */
export function zaloWebhookPlugin(opts: { secret: string; acceptUpdate: (body: unknown) => Promise<boolean> }): FastifyPluginAsync {
  return async (app) => {
    // Updates quoting a long message can exceed the server-wide body limit meant for the web chat; a 413 here
    // would make the platform redeliver the same update forever.
    app.post(zaloWebhookPath, { bodyLimit: 1024 * 1024 }, async (request, reply) => {
      const header = request.headers["x-bot-api-secret-token"];
      if (!safeCompare(typeof header === "string" ? header : undefined, opts.secret)) {
        request.log.warn("zalo webhook: wrong or missing secret token");
        return reply.code(403).send({ message: "Unauthorized" });
      }
      let fresh: boolean;
      try {
        fresh = await opts.acceptUpdate(request.body);
      } catch (error) {
        // Not stored, so not acknowledged: the platform may deliver it again instead of it being lost.
        request.log.error({ err: error }, "zalo webhook: update not stored");
        return reply.code(503).send({ message: "Update not stored, retry later" });
      }
      return reply.code(200).send({ message: "Success", duplicate: !fresh });
    });
  };
}
