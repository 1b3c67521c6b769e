import type { CorePaths } from "./core-paths.js";
import { pathFor, reachedPath } from "./core-paths.js";
import type { AdminUnit, ReportFacts, TargetGroup } from "./ports.js";
import { GROUP_LABELS } from "./texts.js";

/** Smallest group of learners whose numbers or free text a report may show (issue 11). */
export const MIN_GROUP = 5;

export type ReportLevel = "province" | "commune" | "neighbourhood";

/** Report group of learners who did not say which target group they belong to ("chưa khai báo"). */
export const UNKNOWN_GROUP = "unknown";
export type ReportGroup = TargetGroup | typeof UNKNOWN_GROUP | "all";
export const REPORT_GROUP_NAMES: Record<ReportGroup, string> = { all: "Tất cả", ...GROUP_LABELS, [UNKNOWN_GROUP]: "Chưa khai báo" };

export interface ReportRow {
  level: ReportLevel;
  /** Codes down to this level; "" where the learner did not say. */
  provinceCode: string;
  communeCode: string;
  neighbourhoodCode: string;
  name: string;
  /** A target group, "unknown" (chưa khai báo — never guessed as citizen) or "all". */
  targetGroup: ReportGroup;
  /** Vietnamese name of the group ("Chưa khai báo" for unknown). */
  targetGroupName: string;
  learners: number;
  activeLearners: number;
  lessonsCompleted: number;
  quizzesPassed: number;
  /** Learners who passed every lesson of their group's core path (the "đạt" proxy), cumulative to the period end. */
  reachedCorePath: number;
  /** Only texts asked by at least MIN_GROUP distinct learners of the row (see report-privacy.ts); count = times asked. */
  topQuestions: Array<{ text: string; count: number }>;
}

export interface Report {
  quarter: string;
  from: string;
  to: string;
  rows: ReportRow[];
}

/** "2026-Q4" → the quarter in Vietnam time (UTC+7), as UTC instants [from, to). */
export function quarterRange(quarter: string): { from: string; to: string } {
  const m = /^(\d{4})-Q([1-4])$/.exec(quarter);
  if (!m) throw new Error(`quarter must look like 2026-Q4, got "${quarter}"`);
  const year = Number(m[1]);
  const q = Number(m[2]);
  const at = (y: number, month: number) => new Date(Date.UTC(y, month, 1, -7)).toISOString();
  return { from: at(year, (q - 1) * 3), to: q === 4 ? at(year + 1, 0) : at(year, q * 3) };
}

export function quarterOf(date: Date): string {
  const vn = new Date(date.getTime() + 7 * 3600_000);
  return `${vn.getUTCFullYear()}-Q${Math.floor(vn.getUTCMonth() / 3) + 1}`;
}

interface Acc extends Omit<ReportRow, "topQuestions"> {
  questions: Map<string, { count: number; learners: Set<string> }>;
}

/**
 * Aggregates report facts per province → commune/ward → neighbourhood and per target group. Pure, so the numbers
 * are the same on SQLite and PostgreSQL and can be checked against a hand-counted fixture.
 */
export function buildReport(
  facts: ReportFacts,
  opts: { quarter: string; paths: CorePaths; units: AdminUnit[]; topQuestions?: number; minLearners?: number },
): Report {
  const { from, to } = quarterRange(opts.quarter);
  const names = new Map(opts.units.map((u) => [u.code, u.name]));
  const inPeriod = (at: string) => at >= from && at < to;
  const active = new Set<string>();
  const completed = new Map<string, Set<string>>();
  const passedInPeriod = new Map<string, Set<string>>();
  const passedEver = new Map<string, Set<string>>();
  const add = (m: Map<string, Set<string>>, k: string, v: string) => m.set(k, (m.get(k) ?? new Set()).add(v));
  for (const e of facts.events) {
    if (e.at >= to) continue;
    if (inPeriod(e.at)) active.add(e.learnerId);
    if (e.verb === "passed") add(passedEver, e.learnerId, e.lessonId);
    if (inPeriod(e.at) && e.verb === "completed") add(completed, e.learnerId, e.lessonId);
    if (inPeriod(e.at) && e.verb === "passed") add(passedInPeriod, e.learnerId, e.lessonId);
  }
  const questionsBy = new Map<string, string[]>();
  for (const q of facts.questions) {
    if (!inPeriod(q.at)) continue;
    active.add(q.learnerId);
    questionsBy.set(q.learnerId, [...(questionsBy.get(q.learnerId) ?? []), q.text]);
  }
  const rows = new Map<string, Acc>();
  for (const p of facts.profiles) {
    if (p.consentAt >= to) continue;
    const codes = [p.provinceCode ?? "", p.communeCode ?? "", p.neighbourhoodCode ?? ""] as const;
    const levels: ReportLevel[] = ["province", "commune", "neighbourhood"];
    levels.forEach((level, depth) => {
      if (depth > 0 && !codes[depth - 1]) return; // no commune row under an unknown province
      const key = codes.slice(0, depth + 1) as string[];
      for (const group of ["all", p.targetGroup ?? UNKNOWN_GROUP] as const) {
        const id = `${level}|${key.join("|")}|${group}`;
        let acc = rows.get(id);
        if (!acc) {
          const code = key[depth] ?? "";
          acc = {
            level, provinceCode: key[0] ?? "", communeCode: key[1] ?? "", neighbourhoodCode: key[2] ?? "",
            name: code ? (names.get(code) ?? code) : "(chưa cho biết)", targetGroup: group, targetGroupName: REPORT_GROUP_NAMES[group],
            learners: 0, activeLearners: 0, lessonsCompleted: 0, quizzesPassed: 0, reachedCorePath: 0, questions: new Map(),
          };
          rows.set(id, acc);
        }
        acc.learners += 1;
        if (active.has(p.learnerId)) acc.activeLearners += 1;
        acc.lessonsCompleted += completed.get(p.learnerId)?.size ?? 0;
        acc.quizzesPassed += passedInPeriod.get(p.learnerId)?.size ?? 0;
        if (reachedPath(pathFor(opts.paths, p.targetGroup), passedEver.get(p.learnerId) ?? new Set())) acc.reachedCorePath += 1;
        for (const t of questionsBy.get(p.learnerId) ?? []) {
          const q = acc.questions.get(t) ?? { count: 0, learners: new Set<string>() };
          q.count += 1;
          q.learners.add(p.learnerId);
          acc.questions.set(t, q);
        }
      }
    });
  }
  const top = opts.topQuestions ?? 5;
  // Free text asked by fewer than MIN_GROUP people could point at one of them (a name, a street): never shown.
  const minLearners = opts.minLearners ?? MIN_GROUP;
  const out = [...rows.values()].map(({ questions, ...row }) => ({
    ...row,
    topQuestions: [...questions.entries()]
      .filter(([, q]) => q.learners.size >= minLearners)
      .sort((a, b) => b[1].count - a[1].count || a[0].localeCompare(b[0]))
      .slice(0, top)
      .map(([text, q]) => ({ text, count: q.count })),
  }));
  const levelOrder = { province: 0, commune: 1, neighbourhood: 2 };
  const groupOrder = (g: ReportGroup) => (g === "all" ? 0 : g === UNKNOWN_GROUP ? 2 : 1);
  out.sort(
    (a, b) =>
      a.provinceCode.localeCompare(b.provinceCode) || levelOrder[a.level] - levelOrder[b.level] ||
      a.communeCode.localeCompare(b.communeCode) || a.neighbourhoodCode.localeCompare(b.neighbourhoodCode) ||
      groupOrder(a.targetGroup) - groupOrder(b.targetGroup) || a.targetGroup.localeCompare(b.targetGroup),
  );
  return { quarter: opts.quarter, from, to, rows: out };
}

const CSV_COLUMNS = [
  "quarter", "level", "province_code", "commune_code", "neighbourhood_code", "name", "target_group", "learners",
  "active_learners", "lessons_completed", "quizzes_passed", "reached_core_path", "top_questions", "target_group_name",
] as const;

/**
 * One CSV cell (RFC 4180 quoting). Text that a spreadsheet would run as a formula — starting with = + - @, or a tab or
 * carriage return before one — gets a leading apostrophe (OWASP "CSV injection"): report cells carry learners' own
 * questions and unit names from imported files. Numbers are written as they are.
 */
export function csvCell(v: string | number): string {
  const s = typeof v === "string" && /^[=+\-@\t\r]/.test(v) ? `'${v}` : String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Any report row whose counts may be replaced by SMALL_GROUP_TEXT (see report-privacy.ts). */
type CsvRow = Omit<ReportRow, CountField> & Record<CountField, number | string>;
export type CountField = "learners" | "activeLearners" | "lessonsCompleted" | "quizzesPassed" | "reachedCorePath";

export function reportToCsv(report: { quarter: string; rows: CsvRow[] }): string {
  const lines = [CSV_COLUMNS.join(",")];
  for (const r of report.rows) {
    lines.push(
      [report.quarter, r.level, r.provinceCode, r.communeCode, r.neighbourhoodCode, r.name, r.targetGroup, r.learners,
        r.activeLearners, r.lessonsCompleted, r.quizzesPassed, r.reachedCorePath,
        r.topQuestions.map((q) => `${q.text} (${q.count})`).join("; "), r.targetGroupName].map(csvCell).join(","),
    );
  }
  return `${lines.join("\r\n")}\r\n`;
}
