import type { FastifyPluginAsync } from "fastify";
import type { UnansweredLog } from "../assistant/index.js";
import { AppError } from "../shared/errors.js";
import { safeCompare } from "../shared/safe-compare.js";

/**
 * GET /api/admin/unanswered?limit=50 — the questions the assistant refused or was unsure about (normalised text and
 * counts, no identity), for the knowledge team. Bearer ADMIN_API_TOKEN; not registered at all without a token.
 */
export function unansweredRoute(log: UnansweredLog, adminToken: string): FastifyPluginAsync {
  return async (app) => {
    app.get("/api/admin/unanswered", async (request) => {
      const header = request.headers.authorization ?? "";
      if (!header.startsWith("Bearer ") || !safeCompare(header.slice(7), adminToken)) {
        throw new AppError("unauthorized:admin", "missing or wrong bearer token (ADMIN_API_TOKEN)");
      }
      const raw = Number((request.query as { limit?: string }).limit ?? 50);
      const limit = Number.isInteger(raw) && raw > 0 ? Math.min(raw, 500) : 50;
      return { items: await log.top(limit) };
    });
  };
}
