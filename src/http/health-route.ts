import type { FastifyPluginAsync } from "fastify";

/** GET /health for load balancers and uptime checks; `details` adds e.g. the knowledge version. */
export function healthRoute(details: () => Record<string, unknown>): FastifyPluginAsync {
  const startedAt = Date.now();
  return async (app) => {
    app.get("/health", async () => ({
      status: "ok",
      knowledgeVersion: null,
      ...details(),
      uptimeSeconds: Math.round((Date.now() - startedAt) / 1000),
    }));
  };
}
