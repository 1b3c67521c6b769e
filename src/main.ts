/**
 * Entry point (`npm start`): the only file that reads process.env. Validates the config, composes the app, listens,
 * and shuts down cleanly on SIGINT/SIGTERM.
 */
import { pino } from "pino";
import { composeApp } from "./compose.js";
import { ConfigError, loadConfig } from "./config.js";

let config;
try {
  config = loadConfig(process.env);
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(`${error.message}\nSee .env.example and the "Configuration" table in README.md.`);
    process.exit(1);
  }
  throw error;
}

const logger = pino({ level: config.logLevel, base: { app: "tro-ly-so" } });
let app: Awaited<ReturnType<typeof composeApp>>;
try {
  app = await composeApp(config, logger);
} catch (error) {
  logger.fatal({ err: error }, "start-up failed");
  process.exit(1);
}
const server = await app.buildHttp();

let stopping: Promise<void> | undefined;
function shutdown(signal: string): Promise<void> {
  // Idempotent: a second Ctrl+C while closing must not close twice (it would throw on the closed database).
  stopping ??= (async () => {
    logger.info({ signal }, "shutting down");
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    await server.close().catch((err: unknown) => logger.error({ err }, "HTTP close failed"));
    await app.close();
    logger.info("stopped");
  })();
  return stopping;
}
process.on("SIGINT", () => void shutdown("SIGINT"));
process.on("SIGTERM", () => void shutdown("SIGTERM"));

try {
  await server.listen({ host: config.host, port: config.port });
} catch (error) {
  logger.fatal({ err: error, host: config.host, port: config.port }, "cannot listen (is the port in use? set PORT)");
  await app.close();
  process.exit(1);
}
await app.start();
const address = server.server.address();
const port = typeof address === "object" && address ? address.port : config.port;
const shownHost = config.host === "0.0.0.0" || config.host === "127.0.0.1" || config.host === "::" ? "localhost" : config.host;
logger.info(
  { knowledgeVersion: app.knowledge.version, lessons: app.knowledge.lessons, chunks: app.knowledge.chunks, storage: config.storage.driver },
  `Trợ lý số đang chạy tại http://${shownHost}:${port}`,
);
