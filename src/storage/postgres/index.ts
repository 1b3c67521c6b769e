export { openPostgres, type PgPool } from "./database.js";
export { createPostgresConversationStore } from "./conversation-store.js";
export { createPostgresUnansweredLog } from "./unanswered-log.js";
export { createPostgresGreetedStore, createPostgresPollActionStore } from "./channel-state.js";
export { createPostgresLessonVersionStore } from "./lesson-versions.js";
export { createPostgresChannelDelivery } from "./channel-outbox.js";
