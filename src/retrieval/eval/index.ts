export { loadEvalSet, PHRASINGS } from "./eval-set.js";
export type { EvalItem, Phrasing } from "./eval-set.js";
export { evaluate, chooseThreshold, decisionAt, lessonRank } from "./evaluate.js";
export type { EvalReport, RankMetrics, ThresholdChoice } from "./evaluate.js";
