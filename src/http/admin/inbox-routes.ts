import type { FastifyInstance } from "fastify";
import type { InboxAdmin } from "../../admin/inbox-admin.js";
import type { InboxDecisionKind } from "../../admin/inbox.js";
import { principalOf, requirePermission } from "./principal.js";

const ACTIONS: readonly InboxDecisionKind[] = ["out_of_scope", "needs_section", "curated"];

/**
 * /admin/api/unanswered — the unanswered inbox (issue 13): open groups, most frequent first, and the actions on a
 * group. The older GET /api/admin/unanswered (flat list, http/unanswered-route.ts) keeps working beside it.
 */
export function inboxRoutes(app: FastifyInstance, inbox: InboxAdmin): void {
  const work = { preHandler: requirePermission("inbox:work") };
  app.get("/admin/api/unanswered", work, async (request) => {
    const raw = Number((request.query as { limit?: string }).limit ?? 100);
    const limit = Number.isInteger(raw) && raw > 0 ? Math.min(raw, 500) : 100;
    return { groups: await inbox.openGroups(limit) };
  });
  app.get("/admin/api/unanswered/decided", work, async () => ({ decisions: await inbox.decided() }));
  app.post("/admin/api/unanswered/actions", work, async (request, reply) => {
    const body = (request.body ?? {}) as { texts?: unknown; action?: unknown; note?: unknown };
    const action = ACTIONS.find((a) => a === body.action);
    if (!action || !Array.isArray(body.texts)) {
      return reply.code(400).send({ error: "invalid:inbox", messageVi: "Cần chọn một nhóm câu hỏi và một việc cần làm." });
    }
    const result = await inbox.act(principalOf(request), {
      texts: body.texts.filter((t): t is string => typeof t === "string"),
      action,
      ...(typeof body.note === "string" ? { note: body.note } : {}),
    });
    if (!result.ok) return reply.code(400).send({ error: "invalid:inbox", messageVi: result.message });
    const draft = result.draft?.ok ? result.draft.answer : undefined;
    return { ok: true, ...(draft ? { curatedId: draft.id } : {}) };
  });
}
