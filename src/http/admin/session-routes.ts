import type { FastifyInstance } from "fastify";
import { ROLE_NAMES_VI } from "../../admin/accounts.js";
import type { AuditLog } from "../../admin/audit.js";
import type { AdminAuth } from "../../admin/auth.js";
import { can, PERMISSIONS } from "../../admin/roles.js";
import { readCookie, SESSION_COOKIE, setSessionCookies } from "./cookies.js";
import { HOME_LINKS } from "./pages/home-links.js";
import { principalOf } from "./principal.js";

/**
 * Gated: GET /admin/api/me (who is signed in, what they may do: the home page and the header use it) and
 * POST /admin/api/logout (ends the session; CSRF-checked by the gate like any write).
 */
export function sessionRoutes(app: FastifyInstance, deps: { auth: AdminAuth | undefined; audit: AuditLog }): void {
  app.get("/admin/api/me", async (request) => {
    const p = principalOf(request);
    return {
      id: p.id,
      username: p.username,
      role: p.role,
      roleName: ROLE_NAMES_VI[p.role],
      scope: p.scope,
      via: p.via,
      permissions: PERMISSIONS.filter((perm) => can(p, perm)),
      links: HOME_LINKS.filter((l) => can(p, l.permission)).map(({ permission: _p, ...l }) => l),
    };
  });
  app.post("/admin/api/logout", async (request, reply) => {
    const sessionId = readCookie(request, SESSION_COOKIE);
    if (sessionId && deps.auth && principalOf(request).via === "session") {
      await deps.auth.logout(sessionId);
      await deps.audit.record(principalOf(request), { action: "logout", target: `account:${principalOf(request).id}` });
    }
    setSessionCookies(request, reply, undefined);
    return { ok: true };
  });
}
