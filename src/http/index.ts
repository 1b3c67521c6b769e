export { buildServer, type ServerDeps } from "./build-server.js";
export { MAX_TEXT_LENGTH, toChatResponse } from "./chat-route.js";
