export { guardOf, openSqlite, type SqliteDatabase } from "./database.js";
export { isBusyError, type BusyRetryOptions, type SqliteWriteGuard } from "./write-guard.js";
export { createSqliteConversationStore } from "./conversation-store.js";
export { createSqliteUnansweredLog } from "./unanswered-log.js";
export { createSqliteGreetedStore, createSqlitePollActionStore } from "./channel-state.js";
export { createSqliteLessonVersionStore } from "./lesson-versions.js";
export { createSqliteChannelDelivery } from "./channel-outbox.js";
