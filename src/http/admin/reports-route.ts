import type { FastifyInstance } from "fastify";
import { z } from "zod";
import type { CorePaths, LearningStore } from "../../assistant/learning/index.js";
import { buildReport, protectSmallGroups, quarterRange, reportToCsv } from "../../assistant/learning/index.js";
import { quarterOf } from "../../assistant/learning/report.js";

const querySchema = z.object({
  quarter: z.string().regex(/^\d{4}-Q[1-4]$/, "like 2026-Q4").optional(),
  format: z.enum(["json", "csv"]).optional(),
});

/**
 * GET /admin/reports?quarter=2026-Q4&format=json|csv — per locality and target group (see report.ts), with small
 * groups protected (report-privacy.ts).
 */
export function reportsRoute(app: FastifyInstance, deps: { store: LearningStore; paths: CorePaths; clock: () => Date }): void {
  app.get("/admin/reports", async (request, reply) => {
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
    const report = protectSmallGroups(buildReport(facts, { quarter, paths: deps.paths, units: [...provinces, ...communes, ...neighbourhoods] }));
    if (parsed.data.format === "csv") {
      return reply
        .header("Content-Type", "text/csv; charset=utf-8")
        .header("Content-Disposition", `attachment; filename="bao-cao-${quarter}.csv"`)
        .send(`\uFEFF${reportToCsv(report)}`);
    }
    return report;
  });
}
