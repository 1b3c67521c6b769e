import type { FastifyReply, FastifyRequest } from "fastify";
import { can, type Permission, type Principal } from "../../admin/roles.js";

declare module "fastify" {
  interface FastifyRequest {
    /** Set by the admin gate once the request has proved who it is (session cookie or bearer token). */
    principal?: Principal;
  }
}

/** The signed-in principal; the admin gate runs first, so inside gated routes it is always there. */
export function principalOf(request: FastifyRequest): Principal {
  if (!request.principal) throw new Error("admin route registered outside the admin gate");
  return request.principal;
}

/**
 * A preHandler for one route: 403 with a plain Vietnamese reason when the account's role lacks the permission
 * (a viewer trying to edit, an editor trying to publish).
 */
export function requirePermission(permission: Permission) {
  return async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    const principal = request.principal;
    if (principal && can(principal, permission)) return;
    await reply.code(403).send({
      error: "forbidden:admin",
      message: `This account may not do that (needs ${permission}).`,
      messageVi: "Tài khoản của bạn không có quyền làm việc này. Hãy nhờ quản trị viên cấp quyền.",
    });
  };
}
