export { runChatRepl, type ChatReplOptions } from "./repl.js";
export { renderReplyText } from "./render-text.js";
