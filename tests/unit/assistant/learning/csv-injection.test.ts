import { describe, expect, it } from "vitest";
import { buildReport, csvCell, reportToCsv } from "../../../../src/assistant/learning/report.js";
import { PATHS } from "../../../fixtures/learning/lessons.js";
import { REPORT_FACTS } from "../../../fixtures/learning/report-fixture.js";

describe("CSV exports neutralise formulas (issue 11 item 8)", () => {
  it("prefixes an apostrophe to text cells a spreadsheet would run, and quotes as RFC 4180 says", () => {
    expect(csvCell("=HYPERLINK(\"http://evil\",\"x\")")).toBe(`"'=HYPERLINK(""http://evil"",""x"")"`);
    expect(csvCell("+84912")).toBe("'+84912");
    expect(csvCell("-1+1")).toBe("'-1+1");
    expect(csvCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvCell("\t=1")).toBe("'\t=1");
    expect(csvCell("\r=1")).toBe(`"'\r=1"`);
    // Ordinary text and numbers are unchanged.
    expect(csvCell("Thành phố Hà Nội")).toBe("Thành phố Hà Nội");
    expect(csvCell("a=b, c")).toBe('"a=b, c"');
    expect(csvCell(-3)).toBe("-3");
    expect(csvCell(12)).toBe("12");
  });

  it("applies to the report: a unit named like a formula cannot run in the admin's spreadsheet", () => {
    const report = buildReport(REPORT_FACTS, {
      quarter: "2026-Q4",
      paths: PATHS,
      units: [{ code: "01", name: "=cmd|' /C calc'!A0", level: "province" }],
    });
    const line = reportToCsv(report).split("\r\n").find((l) => l.includes("cmd|"));
    expect(line).toContain(",'=cmd|' /C calc'!A0,");
    expect(reportToCsv(report)).not.toMatch(/(^|,)=cmd/m);
  });
});
