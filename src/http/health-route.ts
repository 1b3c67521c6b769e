import type { FastifyPluginAsync } from "fastify";

/** State of an optional part (embeddings endpoint, LLM): "off" when not configured. */
export type PartStatus = "ok" | "down" | "off";

/**
 * GET /health — liveness for load balancers and uptime checks: the process is up and answering, so it is always 200.
 * `status` is "degraded" while an optional part is down (answers still come, from the built-in fallbacks); `parts`
 * says which. Readiness (database writable, index loaded) is GET /ready.
 */
export function healthRoute(details: () => Record<string, unknown>, parts: () => Record<string, PartStatus> = () => ({})): FastifyPluginAsync {
  const startedAt = Date.now();
  return async (app) => {
    app.get("/health", async () => {
      const current = parts();
      return {
        status: Object.values(current).includes("down") ? "degraded" : "ok",
        parts: current,
        knowledgeVersion: null,
        ...details(),
        uptimeSeconds: Math.round((Date.now() - startedAt) / 1000),
      };
    });
  };
}
