import { describe, expect, it } from "vitest";
import { auditToCsv } from "../../../../src/http/admin/audit-route.js";

describe("audit CSV", () => {
  it("neutralises cells a spreadsheet would run as formulas and quotes commas", () => {
    const csv = auditToCsv([
      { id: 1, at: "2026-11-29T08:00:00.000Z", actorId: "3", actorName: "=HYPERLINK(\"x\")", action: "account.update", target: "account:4", before: "+1", after: "-2", detail: "@SUM(A1), b" },
    ]);
    const [header, row] = csv.replace(/^\uFEFF/, "").trim().split("\r\n");
    expect(header).toBe("id,at,actor_id,actor_name,action,target,before,after,detail");
    expect(row).toBe(`1,2026-11-29T08:00:00.000Z,3,"'=HYPERLINK(""x"")",account.update,account:4,'+1,'-2,"'@SUM(A1), b"`);
  });
});
