import type { FastifyReply, FastifyRequest } from "fastify";
import type { AdminAuth } from "../../admin/auth.js";
import { BOOTSTRAP_PRINCIPAL } from "../../admin/roles.js";
import { safeCompare } from "../../shared/safe-compare.js";
import { CSRF_HEADER, readCookie, SESSION_COOKIE } from "./cookies.js";
import "./principal.js";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * The admin area's gate (issue 13). A request proves who it is with, in this order:
 * - `Authorization: Bearer <ADMIN_API_TOKEN>`: the bootstrap/automation token, admin role, whole deployment;
 * - `Authorization: Bearer tls_…`: a personal API token, acting as its account;
 * - the session cookie from /admin/login, acting as its account; a write (not GET/HEAD/OPTIONS) must also carry the
 *   session's CSRF token in X-CSRF-Token, or it is refused with 403 (a bearer token needs none: browsers never attach
 *   it on their own).
 * Tokens are never logged (fastify logs no headers by default, and we never echo them). The area is off (503) until
 * ADMIN_API_TOKEN is set or at least one account exists.
 */
export function adminGate(token: string | undefined, auth?: AdminAuth) {
  return async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    if (!token && !(await auth?.hasAccounts())) {
      await reply.code(503).send({
        error: "unavailable:admin",
        message: "The admin API is off: set ADMIN_API_TOKEN or create an account with npm run admin:create.",
        messageVi: "Khu quản trị chưa bật (cần ADMIN_API_TOKEN hoặc tạo tài khoản bằng npm run admin:create).",
      });
      return;
    }
    const bearer = /^Bearer (.+)$/.exec(request.headers.authorization ?? "")?.[1];
    if (bearer !== undefined) {
      if (token && safeCompare(bearer, token)) {
        request.principal = BOOTSTRAP_PRINCIPAL;
        return;
      }
      const principal = await auth?.token(bearer);
      if (principal) {
        request.principal = principal;
        return;
      }
      return unauthorized(reply);
    }
    const sessionId = readCookie(request, SESSION_COOKIE);
    if (sessionId && auth) {
      const session = await auth.session(sessionId);
      if (!session) {
        await reply.code(401).send({
          error: "unauthorized:admin",
          message: "The admin session has expired: sign in again at /admin/login.",
          messageVi: "Phiên đăng nhập đã hết hạn. Hãy đăng nhập lại.",
        });
        return;
      }
      if (!SAFE_METHODS.has(request.method) && !safeCompare(headerValue(request.headers[CSRF_HEADER]), session.csrf)) {
        await reply.code(403).send({
          error: "forbidden:admin",
          message: "Missing or wrong X-CSRF-Token for this session.",
          messageVi: "Yêu cầu không hợp lệ (thiếu mã chống giả mạo). Hãy tải lại trang rồi thử lại.",
        });
        return;
      }
      request.principal = session.principal;
      return;
    }
    return unauthorized(reply);
  };
}

const headerValue = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

async function unauthorized(reply: FastifyReply): Promise<void> {
  await reply
    .code(401)
    .header("WWW-Authenticate", 'Bearer realm="admin"')
    .send({ error: "unauthorized:admin", message: "Wrong or missing admin token: send Authorization: Bearer <ADMIN_API_TOKEN>.", messageVi: "Sai mã quản trị." });
}
