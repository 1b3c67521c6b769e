/** npm run chat — terminal chat over the same assistant (see src/channels/cli). */
import { userInfo } from "node:os";
import { pino } from "pino";
import { runChatRepl } from "../src/channels/cli/index.js";
import { composeApp } from "../src/compose.js";
import { ConfigError, loadConfig } from "../src/config.js";

try {
  const config = loadConfig(process.env);
  // Logs go to stderr at warn level so the conversation stays readable.
  const logger = pino({ level: process.env.LOG_LEVEL ? config.logLevel : "warn" }, pino.destination(2));
  const app = await composeApp(config, logger);
  try {
    const turns = await runChatRepl({ assistant: app.assistant, input: process.stdin, output: process.stdout, userId: `cli-${userInfo().username}` });
    console.error(`(${turns} lượt trò chuyện; kiến thức phiên bản ${app.knowledge.version}, ${app.knowledge.chunks} mục)`);
  } finally {
    await app.close();
  }
} catch (error) {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
}
