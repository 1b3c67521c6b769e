export { PHRASINGS, loadFieldSet, parseFieldItems, stripDiacritics, type FieldItem, type Phrasing } from "./field-set.js";
export { abbreviate } from "./abbreviate.js";
export { gradeReply, isRefusal, missingGroups, mustNotHits, type Grade } from "./grade.js";
export { createNaiveBaseline, type NaiveBaseline } from "./naive-baseline.js";
export { evaluateAnswers, rate, SYSTEMS, type AnswerReport, type ItemOutcome, type SystemName } from "./answer-eval.js";
export { loadDialogues, runDialogue, checkTurn, type Dialogue, type DialogueResult } from "./dialogues.js";
export { formatAnswerReport, formatDialogueReport } from "./report.js";
export { halfOf, splitHalves, type Half } from "./split.js";
export { compareRetrievalModes, formatRetrievalTable, RETRIEVAL_MODES, type RankedSections, type RetrievalTable } from "./retrieval-modes.js";
