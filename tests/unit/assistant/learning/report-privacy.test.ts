import { describe, expect, it } from "vitest";
import type { ReportFacts } from "../../../../src/assistant/learning/index.js";
import { buildReport, reportToCsv } from "../../../../src/assistant/learning/report.js";
import { protectSmallGroups, SMALL_GROUP_TEXT } from "../../../../src/assistant/learning/report-privacy.js";
import { PATHS } from "../../../fixtures/learning/lessons.js";

const at = "2026-11-10T00:00:00.000Z";
const profile = (learnerId: string, communeCode: string) =>
  ({ learnerId, consentAt: at, updatedAt: at, provinceCode: "01", communeCode, targetGroup: "citizen" }) as const;
/** Ba Đình: six learners, five of whom ask the same question; Sóc Sơn: one learner who types her own details. */
const FACTS: ReportFacts = {
  profiles: [...["A", "B", "C", "D", "E", "F"].map((id) => profile(id, "BD")), profile("S", "SS")],
  events: [
    ...["A", "B"].map((learnerId) => ({ learnerId, verb: "passed", lessonId: "l-one", at })),
    { learnerId: "S", verb: "completed", lessonId: "l-one", at },
  ],
  questions: [
    ...["A", "B", "C", "D", "E"].map((learnerId) => ({ learnerId, text: "cách cài vneid", at })),
    { learnerId: "A", text: "cách cài vneid", at },
    { learnerId: "F", text: "vneid bị khoá", at },
    { learnerId: "S", text: "tôi là nguyễn thị b ở thôn 3 sóc sơn", at },
  ],
};
const units = [{ code: "01", name: "Thành phố Hà Nội", level: "province" as const }, { code: "SS", name: "Xã Sóc Sơn", level: "commune" as const, parentCode: "01" }];
const raw = buildReport(FACTS, { quarter: "2026-Q4", paths: PATHS, units });
const shown = protectSmallGroups(raw);
const row = (commune: string) => shown.rows.find((r) => r.level === "commune" && r.communeCode === commune && r.targetGroup === "all")!;

describe("reports protect groups under 5 learners", () => {
  it("shows a question only when at least 5 different learners asked it", () => {
    expect(row("BD").topQuestions).toEqual([{ text: "cách cài vneid", count: 6 }]);
    const province = shown.rows.find((r) => r.level === "province" && r.targetGroup === "all")!;
    expect(province.topQuestions.map((q) => q.text)).toEqual(["cách cài vneid"]);
  });

  it("replaces every count and all free text of a group under 5 learners", () => {
    expect(raw.rows.find((r) => r.communeCode === "SS" && r.targetGroup === "all")?.learners).toBe(1);
    expect(row("SS")).toMatchObject({
      learners: SMALL_GROUP_TEXT, activeLearners: SMALL_GROUP_TEXT, lessonsCompleted: SMALL_GROUP_TEXT,
      quizzesPassed: SMALL_GROUP_TEXT, reachedCorePath: SMALL_GROUP_TEXT, topQuestions: [], suppressed: true,
    });
    expect(SMALL_GROUP_TEXT).toBe("dưới 5 người học");
  });

  it("keeps the numbers of a big enough group, hiding only counts of 1–4 learners inside it", () => {
    expect(row("BD")).toMatchObject({ learners: 6, activeLearners: 6, quizzesPassed: 2, suppressed: false });
    expect(row("BD").reachedCorePath).toBe(0);
    const withFew = protectSmallGroups({ ...raw, rows: raw.rows.map((r) => ({ ...r, reachedCorePath: 2 })) });
    expect(withFew.rows.find((r) => r.communeCode === "BD" && r.targetGroup === "all")?.reachedCorePath).toBe(SMALL_GROUP_TEXT);
  });

  it("never puts small-group text or counts in the CSV", () => {
    const csv = reportToCsv(shown);
    expect(csv).not.toContain("nguyễn thị b");
    expect(csv).not.toContain("vneid bị khoá");
    expect(csv.split("\r\n").find((l) => l.includes("Xã Sóc Sơn") && l.includes(",all,"))).toContain(`,${SMALL_GROUP_TEXT},${SMALL_GROUP_TEXT},`);
  });
});
