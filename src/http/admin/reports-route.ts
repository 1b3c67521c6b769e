import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { covers } from "../../admin/roles.js";
import type { CorePaths, LearningStore } from "../../assistant/learning/index.js";
import { buildReport, protectSmallGroups, quarterRange, reportToCsv } from "../../assistant/learning/index.js";
import { quarterOf } from "../../assistant/learning/report.js";
import { principalOf, requirePermission } from "./principal.js";

const querySchema = z.object({
  quarter: z.string().regex(/^\d{4}-Q[1-4]$/, "like 2026-Q4").optional(),
  format: z.enum(["json", "csv"]).optional(),
});

/**
 * GET /admin/reports?quarter=2026-Q4&format=json|csv — per locality and target group (see report.ts), with small
 * groups protected (report-privacy.ts), and only the rows inside the account's scope: a commune viewer gets its
 * commune and its neighbourhoods, never the province total or another commune (issue 13).
 */
export function reportsRoute(app: FastifyInstance, deps: { store: LearningStore; paths: CorePaths; clock: () => Date }): void {
  app.get("/admin/reports", { preHandler: requirePermission("reports:read") }, async (request, reply) => {
    const parsed = querySchema.safeParse(request.query);
    if (!parsed.success) {
      return reply.code(400).send({ error: "bad_request:admin", message: parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ") });
    }
    const quarter = parsed.data.quarter ?? quarterOf(deps.clock());
    const { from, to } = quarterRange(quarter);
    const [facts, provinces, communes, neighbourhoods] = await Promise.all([
      deps.store.reportFacts(from, to),
      deps.store.listUnits("province"),
      deps.store.listUnits("commune"),
      deps.store.listUnits("neighbourhood"),
    ]);
    // Only the protected report leaves the server: no counts or free text of groups under 5 learners.
    const full = protectSmallGroups(buildReport(facts, { quarter, paths: deps.paths, units: [...provinces, ...communes, ...neighbourhoods] }));
    const scope = principalOf(request).scope;
    const report = { ...full, rows: full.rows.filter((r) => covers(scope, { provinceCode: r.provinceCode, communeCode: r.communeCode })) };
    if (parsed.data.format === "csv") {
      return reply
        .header("Content-Type", "text/csv; charset=utf-8")
        .header("Content-Disposition", `attachment; filename="bao-cao-${quarter}.csv"`)
        .send(`\uFEFF${reportToCsv(report)}`);
    }
    return report;
  });
}
