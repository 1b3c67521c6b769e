import type { FastifyInstance, FastifyReply } from "fastify";
import type { CuratedAdmin, CuratedResult } from "../../admin/curated-admin.js";
import { can } from "../../admin/roles.js";
import { curatedToCsv } from "../../assistant/curated/csv.js";
import { principalOf, requirePermission } from "./principal.js";

/** A CSV of a few thousand answers; the app's default body limit is sized for chat messages. */
const IMPORT_BODY_LIMIT = 4 * 1024 * 1024;

const idOf = (raw: string) => (/^\d{1,9}$/.test(raw) ? Number(raw) : undefined);

function send(reply: FastifyReply, result: CuratedResult) {
  if (result.ok) return reply.send(result.answer);
  const problems = typeof result.problems === "string" ? [] : result.problems;
  const messageVi = typeof result.problems === "string" ? result.problems : "Chưa lưu được: " + result.problems.map((p) => p.message).join(" ");
  return reply.code(result.status).send({ error: result.status === 404 ? "not_found:curated" : "invalid:curated", messageVi, problems });
}

const notFound = (reply: FastifyReply) => reply.code(404).send({ error: "not_found:curated", messageVi: "Không có câu trả lời này." });

/**
 * /admin/api/curated — curated answers (issue 13). Editors draft (curated:edit); reviewers publish, roll back and
 * retire (curated:publish). Inside the admin gate: every request has a principal.
 */
export function curatedRoutes(app: FastifyInstance, curated: CuratedAdmin): void {
  const edit = { preHandler: requirePermission("curated:edit") };
  const publish = { preHandler: requirePermission("curated:publish") };

  app.get("/admin/api/curated", edit, async (request) => {
    const includeRetired = (request.query as { retired?: string }).retired === "1";
    return { items: await curated.store.list({ includeRetired }) };
  });
  app.post("/admin/api/curated", edit, async (request, reply) => {
    const result = await curated.create(principalOf(request), request.body);
    return send(result.ok ? reply.code(201) : reply, result);
  });
  app.get("/admin/api/curated.csv", edit, async (_request, reply) =>
    reply
      .header("Content-Type", "text/csv; charset=utf-8")
      .header("Content-Disposition", 'attachment; filename="cau-tra-loi-duyet-san.csv"')
      .send(`\uFEFF${curatedToCsv(await curated.store.list({ includeRetired: true }))}`),
  );
  app.post("/admin/api/curated/import", { ...edit, bodyLimit: IMPORT_BODY_LIMIT }, async (request, reply) => {
    const body = (request.body ?? {}) as { csv?: unknown; publish?: unknown };
    if (typeof body.csv !== "string") return reply.code(400).send({ error: "invalid:curated", messageVi: "Cần gửi nội dung tệp CSV (trường csv)." });
    const who = principalOf(request);
    const wantsPublish = body.publish === true;
    if (wantsPublish && !can(who, "curated:publish")) {
      return reply.code(403).send({ error: "forbidden:admin", messageVi: "Tài khoản của bạn chỉ được nhập bản nháp, không được đăng." });
    }
    return curated.importCsv(who, body.csv, { publish: wantsPublish });
  });
  app.get<{ Params: { id: string } }>("/admin/api/curated/:id", edit, async (request, reply) => {
    const id = idOf(request.params.id);
    const answer = id === undefined ? undefined : await curated.store.get(id);
    return answer ? answer : notFound(reply);
  });
  app.put<{ Params: { id: string } }>("/admin/api/curated/:id", edit, async (request, reply) => {
    const id = idOf(request.params.id);
    return id === undefined ? notFound(reply) : send(reply, await curated.saveDraft(principalOf(request), id, request.body));
  });
  app.post<{ Params: { id: string } }>("/admin/api/curated/:id/publish", publish, async (request, reply) => {
    const id = idOf(request.params.id);
    return id === undefined ? notFound(reply) : send(reply, await curated.publish(principalOf(request), id));
  });
  app.get<{ Params: { id: string } }>("/admin/api/curated/:id/versions", edit, async (request, reply) => {
    const id = idOf(request.params.id);
    if (id === undefined || !(await curated.store.get(id))) return notFound(reply);
    return { versions: await curated.store.versions(id) };
  });
  app.post<{ Params: { id: string } }>("/admin/api/curated/:id/rollback", publish, async (request, reply) => {
    const id = idOf(request.params.id);
    const version = (request.body as { version?: unknown } | undefined)?.version;
    if (id === undefined) return notFound(reply);
    if (typeof version !== "number" || !Number.isInteger(version) || version < 1) {
      return reply.code(400).send({ error: "invalid:curated", messageVi: "Cần chọn số phiên bản muốn quay lại." });
    }
    return send(reply, await curated.rollback(principalOf(request), id, version));
  });
  app.delete<{ Params: { id: string } }>("/admin/api/curated/:id", publish, async (request, reply) => {
    const id = idOf(request.params.id);
    return id === undefined ? notFound(reply) : send(reply, await curated.retire(principalOf(request), id));
  });
}
