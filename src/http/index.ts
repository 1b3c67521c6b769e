export { buildServer, type ServerDeps } from "./build-server.js";
export { MAX_TEXT_LENGTH, toChatResponse } from "./chat-route.js";
export type { PartStatus } from "./health-route.js";
export type { ReadinessReport } from "./ready-route.js";
