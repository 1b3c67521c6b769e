import type { FastifyInstance, FastifyPluginAsync } from "fastify";
import type { CorePaths, LearningStore } from "../../assistant/learning/index.js";
import { contactsRoute } from "./contacts-route.js";
import { adminGate } from "./gate.js";
import { mentorsRoute } from "./mentors-route.js";
import { REPORT_PAGE_CSP, REPORT_PAGE_HTML } from "./report-page.js";
import { reportsRoute } from "./reports-route.js";
import { statementsRoute } from "./statements-route.js";

export interface AdminPluginOptions {
  store: LearningStore;
  paths: CorePaths;
  /** config.admin.apiToken (undefined = admin API off). */
  apiToken: string | undefined;
  /** config.xapi.homePage */
  homePage: string;
  clock?: () => Date;
}

/**
 * Admin area for learning evidence: GET /xapi/statements, GET /admin/reports, mentor codes — all behind the bearer
 * gate — and the report page GET /admin/report (public HTML without data; it asks for the token).
 */
export function createAdminPlugin(opts: AdminPluginOptions): FastifyPluginAsync {
  const clock = opts.clock ?? (() => new Date());
  return async (app: FastifyInstance) => {
    app.get("/admin/report", async (_request, reply) =>
      reply
        .header("Content-Type", "text/html; charset=utf-8")
        .header("Cache-Control", "no-store")
        .header("Content-Security-Policy", REPORT_PAGE_CSP)
        .header("X-Content-Type-Options", "nosniff")
        .header("X-Frame-Options", "DENY")
        .header("Referrer-Policy", "no-referrer")
        .send(REPORT_PAGE_HTML),
    );
    await app.register(async (gated) => {
      gated.addHook("onRequest", adminGate(opts.apiToken));
      statementsRoute(gated, opts.store, opts.homePage);
      reportsRoute(gated, { store: opts.store, paths: opts.paths, clock });
      mentorsRoute(gated, { store: opts.store, paths: opts.paths, clock });
      contactsRoute(gated, { store: opts.store, clock });
    });
  };
}
