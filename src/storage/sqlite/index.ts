export { openSqlite, type SqliteDatabase } from "./database.js";
export { createSqliteConversationStore } from "./conversation-store.js";
export { createSqliteUnansweredLog } from "./unanswered-log.js";
export { createSqliteGreetedStore, createSqlitePollActionStore } from "./channel-state.js";
