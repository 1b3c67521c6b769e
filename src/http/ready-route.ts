import type { FastifyPluginAsync } from "fastify";

/** What GET /ready checks: each entry "ok" or the reason it is not. */
export interface ReadinessReport {
  ready: boolean;
  checks: Record<string, string>;
}

const NOT_READY_VI = "Trợ lý số chưa sẵn sàng (cơ sở dữ liệu hoặc chỉ mục tìm kiếm chưa dùng được). Bạn thử lại sau ít phút nhé.";
const NOT_READY_EN = "Not ready: the database is not writable or the search index is not loaded";

/**
 * GET /ready — readiness for orchestrators: 200 when the database takes a write and the search index is loaded, else
 * 503 with the failing checks, so traffic is sent elsewhere while /health (liveness) keeps the process alive.
 */
export function readyRoute(check: () => Promise<ReadinessReport>): FastifyPluginAsync {
  return async (app) => {
    app.get("/ready", async (_request, reply) => {
      const report = await check().catch((error: unknown) => ({
        ready: false,
        checks: { readiness: (error as Error).message ?? "readiness check failed" },
      }));
      if (report.ready) return { status: "ready", checks: report.checks };
      return reply
        .status(503)
        .send({ status: "not_ready", error: "unavailable:api", message: NOT_READY_EN, messageVi: NOT_READY_VI, checks: report.checks });
    });
  };
}
