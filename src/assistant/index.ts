/** The assistant core's public API: what channels, http/, main.ts and scripts use. */
export { createAssistant, type AssistantDeps } from "./assistant.js";
export { DEFAULT_TURN_LIMITS, TOO_FAST_TEXT, tooLongText, type TurnLimits } from "./turn-limits.js";
export { createCommandsFeature, type CommandsDeps } from "./commands/commands-feature.js";
export { createQaFeature, type QaDeps, type QaFeature } from "./answering/qa-feature.js";
export { createConfidenceScorer, type ConfidenceScorer } from "./answering/confidence.js";
export { CONFIDENCE_THRESHOLD, calibrateThreshold, outcomeAccuracy, type CalibrationSample } from "./answering/calibration.js";
export { findUnsafeInstruction, isSafeAnswer } from "./answering/safety-guard.js";
export { createStepFeature, type StepDeps } from "./steps/step-feature.js";
export { createConversationFeature, type ConversationDeps } from "./dialogue/conversation-feature.js";
export { createWhatFollows, type WhatFollows } from "./dialogue/what-follows.js";
export { opaqueLearnerId } from "./learner-id.js";
export { TEMPLATE_NAMES, type TemplateName, type Templates } from "./templates.js";
export { STEP_ACTIONS } from "./ui-text.js";
export { plainLine, plainOfRich, richLines } from "./rich-text.js";
export type { Feature, Turn } from "./feature.js";
export type * from "./ports.js";
export type * from "./types.js";
