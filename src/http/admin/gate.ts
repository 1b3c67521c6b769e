import type { FastifyReply, FastifyRequest } from "fastify";
import { BOOTSTRAP_PRINCIPAL } from "../../admin/roles.js";
import { safeCompare } from "../../shared/safe-compare.js";
import "./principal.js";

/**
 * The admin area's first gate: `Authorization: Bearer <ADMIN_API_TOKEN>`. The token is never logged (fastify logs
 * no headers by default, and we never echo it). Without a configured token the admin API is off.
 */
export function adminGate(token: string | undefined) {
  return async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    if (!token) {
      await reply
        .code(503)
        .send({ error: "unavailable:admin", message: "The admin API is off: set ADMIN_API_TOKEN.", messageVi: "Khu quản trị chưa bật (cần ADMIN_API_TOKEN)." });
      return;
    }
    const header = request.headers.authorization ?? "";
    const bearer = /^Bearer (.+)$/.exec(header)?.[1];
    if (safeCompare(bearer, token)) {
      request.principal = BOOTSTRAP_PRINCIPAL;
      return;
    }
    await reply
      .code(401)
      .header("WWW-Authenticate", 'Bearer realm="admin"')
      .send({ error: "unauthorized:admin", message: "Wrong or missing admin token: send Authorization: Bearer <ADMIN_API_TOKEN>.", messageVi: "Sai mã quản trị." });
  };
}
