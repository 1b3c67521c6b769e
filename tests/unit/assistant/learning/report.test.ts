import { describe, expect, it } from "vitest";
import { buildReport, quarterRange, reportToCsv } from "../../../../src/assistant/learning/report.js";
import { PATHS } from "../../../fixtures/learning/lessons.js";
import { REPORT_FACTS } from "../../../fixtures/learning/report-fixture.js";

const report = buildReport(REPORT_FACTS, {
  quarter: "2026-Q4",
  paths: PATHS,
  units: [{ code: "01", name: "Thành phố Hà Nội", level: "province" }, { code: "01-BADINH", name: "Phường Ba Đình", level: "commune", parentCode: "01" }],
});
const row = (level: string, p: string, c: string, n: string, g: string) => {
  const r = report.rows.find((x) => x.level === level && x.provinceCode === p && x.communeCode === c && x.neighbourhoodCode === n && x.targetGroup === g);
  if (!r) throw new Error(`no row ${level} ${p}/${c}/${n} ${g}`);
  const { learners, activeLearners, lessonsCompleted, quizzesPassed, reachedCorePath } = r;
  return [learners, activeLearners, lessonsCompleted, quizzesPassed, reachedCorePath];
};

describe("buildReport against the hand-counted fixture", () => {
  it("uses Vietnam-time quarters", () => {
    expect(quarterRange("2026-Q4")).toEqual({ from: "2026-09-30T17:00:00.000Z", to: "2026-12-31T17:00:00.000Z" });
    expect(() => quarterRange("2026-5")).toThrow(/2026-Q4/);
  });

  it("counts per province, commune/ward, neighbourhood and target group", () => {
    //                                              learners active completed passed reached
    expect(row("province", "01", "", "", "all")).toEqual([3, 3, 3, 4, 2]);
    expect(row("province", "01", "", "", "citizen")).toEqual([2, 2, 2, 2, 1]);
    expect(row("province", "01", "", "", "civil_servant")).toEqual([1, 1, 1, 2, 1]);
    expect(row("commune", "01", "01-BADINH", "", "all")).toEqual([2, 2, 2, 2, 1]);
    expect(row("commune", "01", "01-SOCSON", "", "all")).toEqual([1, 1, 1, 2, 1]);
    expect(row("neighbourhood", "01", "01-BADINH", "01-BADINH-TDP01", "all")).toEqual([1, 1, 2, 2, 1]);
    expect(row("neighbourhood", "01", "01-BADINH", "", "all")).toEqual([1, 1, 0, 0, 0]);
    expect(row("province", "79", "", "", "all")).toEqual([1, 1, 0, 0, 0]);
    expect(row("province", "", "", "", "all")).toEqual([1, 1, 1, 0, 0]);
    // L5 gave no target group: reported as "unknown" (chưa khai báo), never guessed as citizen.
    expect(row("province", "", "", "", "unknown")).toEqual([1, 1, 1, 0, 0]);
    expect(report.rows.some((r) => r.provinceCode === "" && r.targetGroup === "citizen")).toBe(false);
    expect(report.rows.filter((r) => r.targetGroup === "unknown")).toHaveLength(1);
    // Every learner is in exactly one group: the groups add up to "all".
    for (const all of report.rows.filter((r) => r.targetGroup === "all")) {
      const same = report.rows.filter((r) => r.targetGroup !== "all" && r.level === all.level && r.provinceCode === all.provinceCode && r.communeCode === all.communeCode && r.neighbourhoodCode === all.neighbourhoodCode);
      expect(same.reduce((n, r) => n + r.learners, 0)).toBe(all.learners);
    }
    // L6 consented after the quarter: no Hoàn Kiếm row at all.
    expect(report.rows.some((r) => r.communeCode === "01-HOANKIEM")).toBe(false);
  });

  it("names units and lists no question asked by fewer than 5 learners", () => {
    const hn = report.rows.find((r) => r.level === "province" && r.provinceCode === "01" && r.targetGroup === "all");
    expect(hn?.name).toBe("Thành phố Hà Nội");
    // Each text was asked by one learner: free text of a group that small could name them (issue 11).
    expect(hn?.topQuestions).toEqual([]);
    expect(report.rows.find((r) => r.provinceCode === "" && r.targetGroup === "all")?.name).toBe("(chưa cho biết)");
  });

  it("renders CSV with one line per row and quoted cells", () => {
    const csv = reportToCsv(report).trimEnd().split("\r\n");
    expect(csv[0]).toMatch(/^quarter,level,province_code/);
    expect(csv).toHaveLength(report.rows.length + 1);
    expect(csv.find((l) => l.includes("Thành phố Hà Nội") && l.includes(",all,"))).toContain(",3,3,3,4,2,");
    expect(csv[0]).toMatch(/,target_group_name$/);
    expect(csv.find((l) => l.includes(",unknown,"))).toMatch(/^2026-Q4,province,,,,\(chưa cho biết\),unknown,1,1,1,0,0,.*,Chưa khai báo$/);
    expect(report.rows.find((r) => r.targetGroup === "unknown")?.targetGroupName).toBe("Chưa khai báo");
  });
});
