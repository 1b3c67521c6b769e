/** npm run ask -- "câu hỏi" [--user <id>] — asks one question and prints the JSON reply (as POST /api/chat returns it). */
import { pino } from "pino";
import { composeApp } from "../src/compose.js";
import { ConfigError, loadConfig } from "../src/config.js";
import { toChatResponse } from "../src/http/index.js";

const args = process.argv.slice(2);
const userFlag = args.indexOf("--user");
const userId = userFlag >= 0 ? args[userFlag + 1] ?? "cli-ask" : "cli-ask";
const question = args.filter((_, i) => i !== userFlag && i !== userFlag + 1 || userFlag < 0).join(" ").trim();
if (!question) {
  console.error('Usage: npm run ask -- "câu hỏi" [--user <id>]');
  process.exit(2);
}

try {
  const config = loadConfig(process.env);
  const logger = pino({ level: process.env.LOG_LEVEL ? config.logLevel : "warn" }, pino.destination(2));
  const app = await composeApp(config, logger);
  try {
    const started = performance.now();
    const reply = await app.assistant.handle({ channel: "cli", userId, text: question });
    console.log(JSON.stringify(toChatResponse(reply), null, 2));
    console.error(`(${Math.round(performance.now() - started)} ms, knowledge ${app.knowledge.version})`);
  } finally {
    await app.close();
  }
} catch (error) {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
}
