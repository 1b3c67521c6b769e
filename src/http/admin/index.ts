import type { FastifyInstance, FastifyPluginAsync } from "fastify";
import type { AdminStores } from "../../admin/accounts.js";
import { createMemoryAuditLog, type AuditLog } from "../../admin/audit.js";
import { createAdminAuth } from "../../admin/auth.js";
import { createCuratedAdmin } from "../../admin/curated-admin.js";
import { createInboxAdmin, type InboxAdminDeps } from "../../admin/inbox-admin.js";
import type { CuratedCatalog } from "../../assistant/curated/catalog.js";
import type { CuratedStore } from "../../assistant/curated/ports.js";
import type { CorePaths, LearningStore } from "../../assistant/learning/index.js";
import type { NoticeStore } from "../../assistant/notices/index.js";
import { accountsRoute } from "./accounts-route.js";
import { auditRoute } from "./audit-route.js";
import { contactsRoute } from "./contacts-route.js";
import { curatedRoutes } from "./curated-routes.js";
import { inboxRoutes } from "./inbox-routes.js";
import { lessonsRoutes, type LessonsRouteDeps } from "./lessons-routes.js";
import { lessonsPages } from "./pages/lessons-page.js";
import { adminGate } from "./gate.js";
import { requireDeploymentAdmin } from "./learner-data-guard.js";
import { loginRoute } from "./login-route.js";
import { mentorsRoute } from "./mentors-route.js";
import type { DeadLetterList } from "../../shared/delivery-ports.js";
import { outboxRoute } from "./outbox-route.js";
import { noticesRoute } from "./notices-route.js";
import { adminPagesRoute } from "./pages/admin-pages.js";
import { curatedPage } from "./pages/curated-page.js";
import { inboxPage } from "./pages/inbox-page.js";
import { adminAssetsRoute } from "./pages/layout.js";
import { noticesPage } from "./pages/notices-page.js";
import { reportsRoute } from "./reports-route.js";
import { sessionRoutes } from "./session-routes.js";
import { statementsRoute } from "./statements-route.js";

export interface AdminPluginOptions {
  store: LearningStore;
  paths: CorePaths;
  /** config.admin.apiToken (undefined = admin API off). */
  apiToken: string | undefined;
  /** config.xapi.homePage */
  homePage: string;
  clock?: () => Date;
  /** Chat messages the outbox gave up on (issue 11); absent = no outbox API. */
  deadLetters?: DeadLetterList;
  /** Local notices (issue 13); absent = no notices API. */
  notices?: NoticeStore;
  /** Where admin changes are recorded (issue 13); defaults to adminStores.audit, else an in-memory log. */
  audit?: AuditLog;
  /** Named accounts, sessions and API tokens (issue 13); absent = only the ADMIN_API_TOKEN bearer works. */
  adminStores?: AdminStores;
  /** Lesson editor, versions and publishing (issue 13); absent = neither pages nor API. */
  lessons?: LessonsRouteDeps;
  /** Curated answers and the unanswered inbox (issue 13); absent = neither page nor API. */
  curated?: {
    store: CuratedStore;
    /** The assistant's matcher, told about each publish so the next question gets it. */
    catalog: Pick<CuratedCatalog, "invalidate">;
    inbox: Pick<InboxAdminDeps, "unanswered" | "feedback" | "decisions">;
  };
}

/**
 * The admin area: public page shells (/admin, /admin/login, /admin/report, /admin/accounts, /admin/audit, …) and
 * assets, POST /admin/api/login, and everything else behind the gate (gate.ts: ADMIN_API_TOKEN, personal API tokens
 * or the session cookie with CSRF on writes), each route asking requirePermission(...) for what it needs.
 */
export function createAdminPlugin(opts: AdminPluginOptions): FastifyPluginAsync {
  const clock = opts.clock ?? (() => new Date());
  return async (app: FastifyInstance) => {
    // Accounts and sign-in (issue 13): routes reach the log as `audit` and the caller with principalOf(request).
    const audit = opts.audit ?? opts.adminStores?.audit ?? createMemoryAuditLog(clock);
    const auth = opts.adminStores ? createAdminAuth({ stores: opts.adminStores, clock }) : undefined;
    adminPagesRoute(app);
    loginRoute(app, auth);
    // Admin pages are static shells (their data comes from the gated API), and their scripts and style sheet.
    adminAssetsRoute(app);
    if (opts.notices) noticesPage(app);
    if (opts.lessons) lessonsPages(app);
    if (opts.curated) {
      curatedPage(app);
      inboxPage(app);
    }
    await app.register(async (gated) => {
      gated.addHook("onRequest", adminGate(opts.apiToken, auth));
      sessionRoutes(gated, { auth, audit });
      if (opts.adminStores && auth) accountsRoute(gated, { stores: opts.adminStores, auth, audit, units: opts.store, clock });
      auditRoute(gated, audit);
      reportsRoute(gated, { store: opts.store, paths: opts.paths, clock });
      // Learner data of every locality: deployment-wide admins only (learner-data-guard.ts).
      await gated.register(async (learnerData) => {
        learnerData.addHook("preHandler", requireDeploymentAdmin);
        statementsRoute(learnerData, opts.store, opts.homePage);
        mentorsRoute(learnerData, { store: opts.store, paths: opts.paths, clock });
        contactsRoute(learnerData, { store: opts.store, clock });
      });
      if (opts.deadLetters) outboxRoute(gated, { deadLetters: opts.deadLetters, clock });
      if (opts.lessons) lessonsRoutes(gated, opts.lessons);
      if (opts.notices) noticesRoute(gated, { notices: opts.notices, units: opts.store, audit, clock });
      if (opts.curated) {
        const curated = createCuratedAdmin({ store: opts.curated.store, catalog: opts.curated.catalog, audit, clock });
        curatedRoutes(gated, curated);
        inboxRoutes(gated, createInboxAdmin({ ...opts.curated.inbox, curated, audit, clock }));
      }
    });
  };
}
