import type { CountField, Report, ReportRow } from "./report.js";
import { MIN_GROUP } from "./report.js";

/** Shown instead of a count of fewer than MIN_GROUP learners. */
export const SMALL_GROUP_TEXT = "dưới 5 người học";

export type ShownCount = number | typeof SMALL_GROUP_TEXT;

export type PublishedRow = Omit<ReportRow, CountField> & Record<CountField, ShownCount> & {
  /** True when the row's group has fewer than MIN_GROUP learners: no count and no question text is shown. */
  suppressed: boolean;
};

export interface PublishedReport extends Omit<Report, "rows"> {
  rows: PublishedRow[];
}

const small = (n: number): ShownCount => (n > 0 && n < MIN_GROUP ? SMALL_GROUP_TEXT : n);

/**
 * What an admin may see (issue 11): a neighbourhood with one or two learners is one or two people, so a group of
 * fewer than MIN_GROUP learners shows no count and no free text, and within bigger groups a count of 1–4 learners
 * (active, reached the core path) is shown as "dưới 5 người học". Lessons and quizzes are not people: in a big
 * enough group their totals stay.
 */
export function protectSmallGroups(report: Report): PublishedReport {
  return {
    ...report,
    rows: report.rows.map((row): PublishedRow => {
      if (row.learners < MIN_GROUP) {
        return {
          ...row, learners: SMALL_GROUP_TEXT, activeLearners: SMALL_GROUP_TEXT, lessonsCompleted: SMALL_GROUP_TEXT,
          quizzesPassed: SMALL_GROUP_TEXT, reachedCorePath: SMALL_GROUP_TEXT, topQuestions: [], suppressed: true,
        };
      }
      return { ...row, activeLearners: small(row.activeLearners), reachedCorePath: small(row.reachedCorePath), suppressed: false };
    }),
  };
}
