/** Public API of lessons, quizzes and learning evidence (issue 6). */
export { createLearning } from "./create-learning.js";
export type { Learning, LearningDeps, LearningQuestionObserver } from "./create-learning.js";
export { parseCorePaths, pathFor, reachedPath } from "./core-paths.js";
export type { CorePaths } from "./core-paths.js";
export { buildReport, quarterRange, REPORT_GROUP_NAMES, reportToCsv, UNKNOWN_GROUP } from "./report.js";
export type { Report, ReportGroup, ReportRow } from "./report.js";
export { protectSmallGroups, SMALL_GROUP_TEXT } from "./report-privacy.js";
export type { PublishedReport, PublishedRow } from "./report-privacy.js";
export { parseUnitsCsv } from "./units-csv.js";
export * from "./ports.js";
export * from "./xapi-types.js";
export { activityIds } from "./xapi.js";
