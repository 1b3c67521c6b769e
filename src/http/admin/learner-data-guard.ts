import type { FastifyReply, FastifyRequest } from "fastify";
import { can, isDeploymentWide } from "../../admin/roles.js";

/**
 * preHandler for the older learner-data routes (xAPI statements, mentor codes, locality contacts): they return data
 * of every locality, so only a deployment-wide admin (or ADMIN_API_TOKEN) may use them until they learn scopes.
 */
export async function requireDeploymentAdmin(request: FastifyRequest, reply: FastifyReply): Promise<void> {
  const p = request.principal;
  if (p && can(p, "accounts:manage") && isDeploymentWide(p.scope)) return;
  await reply.code(403).send({
    error: "forbidden:admin",
    message: "Only a deployment-wide admin may use this route.",
    messageVi: "Chỉ quản trị viên toàn hệ thống mới dùng được chức năng này.",
  });
}
