import type { FastifyInstance } from "fastify";
import { z } from "zod";
import type { AuditLog, AuditRecord } from "../../admin/audit.js";
import { csvCell } from "../../assistant/learning/report.js";
import { requirePermission } from "./principal.js";

const querySchema = z
  .object({
    target: z.string().trim().max(200).optional(),
    before: z.coerce.number().int().positive().optional(),
    limit: z.coerce.number().int().min(1).max(5000).optional(),
    format: z.enum(["json", "csv"]).optional(),
  })
  .strict();

const COLUMNS = ["id", "at", "actor_id", "actor_name", "action", "target", "before", "after", "detail"] as const;

/** CSV with the report's cell rule (csvCell): texts starting with = + - @ are neutralised for spreadsheets. */
export function auditToCsv(records: AuditRecord[]): string {
  const lines = [COLUMNS.join(",")];
  for (const r of records) {
    lines.push([r.id, r.at, r.actorId, r.actorName, r.action, r.target, r.before ?? "", r.after ?? "", r.detail ?? ""].map(csvCell).join(","));
  }
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}

/**
 * GET /admin/api/audit?target=&before=&limit=&format=json|csv — the audit log, newest first, admin only (audit:read).
 * JSON pages with `before` (the last id seen); CSV exports up to `limit` (default 5000) entries.
 */
export function auditRoute(app: FastifyInstance, audit: AuditLog): void {
  app.get("/admin/api/audit", { preHandler: requirePermission("audit:read") }, async (request, reply) => {
    const q = querySchema.safeParse(request.query);
    if (!q.success) return reply.code(400).send({ error: "bad_request:admin", message: q.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; "), messageVi: "Bộ lọc không hợp lệ." });
    const csv = q.data.format === "csv";
    const entries = await audit.list({ limit: q.data.limit ?? (csv ? 5000 : 100), before: q.data.before, target: q.data.target || undefined });
    if (csv) {
      return reply
        .header("Content-Type", "text/csv; charset=utf-8")
        .header("Content-Disposition", 'attachment; filename="nhat-ky-quan-tri.csv"')
        .send(auditToCsv(entries));
    }
    return { entries };
  });
}
