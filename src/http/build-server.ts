import rateLimit from "@fastify/rate-limit";
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance, type FastifyPluginAsync } from "fastify";
import type { Assistant, UnansweredLog } from "../assistant/index.js";
import { webChatPage } from "../channels/web/index.js";
import { chatRoute, MAX_TEXT_LENGTH, type ChatRouteOptions } from "./chat-route.js";
import { installErrorHandler } from "./error-handler.js";
import { healthRoute, type PartStatus } from "./health-route.js";
import { readyRoute, type ReadinessReport } from "./ready-route.js";
import { unansweredRoute } from "./unanswered-route.js";

export interface ServerDeps {
  assistant: Assistant;
  /** A pino logger (main.ts passes its own); fastify logs nothing when absent. */
  logger?: FastifyBaseLogger;
  /** Extra fields for GET /health, e.g. `{ knowledgeVersion, chunks }`. */
  health?: () => Record<string, unknown>;
  /** Optional parts for GET /health, e.g. `{ embeddings: "down", llm: "off" }`; any "down" makes it "degraded". */
  parts?: () => Record<string, PartStatus>;
  /** GET /ready's checks (database writable, index loaded); without it /ready only says the process is up. */
  ready?: () => Promise<ReadinessReport>;
  /** With `adminToken`, exposes GET /api/admin/unanswered. */
  unanswered?: UnansweredLog;
  adminToken?: string;
  /** Channel webhooks, learning and admin routes, registered by compose.ts. */
  extraPlugins?: FastifyPluginAsync[];
  /** Serve the web chat page at / (default true). */
  webChat?: boolean;
  /** POST /api/chat's text cap and per-IP limit (config.limits); without `perIp` the route has no per-IP limit. */
  chat?: ChatRouteOptions;
}

/** Builds the HTTP app. Never listens: main.ts does, tests use `inject` or listen on 127.0.0.1:0 themselves. */
export async function buildServer(deps: ServerDeps): Promise<FastifyInstance> {
  const app = Fastify({
    ...(deps.logger ? { loggerInstance: deps.logger } : { logger: false }),
    // JSON overhead on top of the longest question (UTF-8, escapes); larger bodies are refused before parsing.
    bodyLimit: 16 * 1024 + (deps.chat?.maxTextLength ?? MAX_TEXT_LENGTH) * 6,
    // Behind a reverse proxy in production; request ids help correlate a citizen's report with the logs.
    trustProxy: true,
    // One line per request (below) instead of fastify's two: at a thousand answers a second the second line is a
    // visible share of the CPU and of the log volume.
    logController: new LogController({ disableRequestLogging: true }),
  }) as unknown as FastifyInstance;
  if (deps.logger) {
    app.addHook("onResponse", async (request, reply) => {
      // The route's pattern, not the raw URL: a query string may carry a token or a search someone typed.
      const url = request.routeOptions.url ?? request.url.split("?")[0];
      request.log.info({ method: request.method, url, statusCode: reply.statusCode, ms: Math.round(reply.elapsedTime) }, "request");
    });
  }
  installErrorHandler(app);
  await app.register(healthRoute(deps.health ?? (() => ({})), deps.parts));
  await app.register(readyRoute(deps.ready ?? (async () => ({ ready: true, checks: {} }))));
  // Per-route limits only (POST /api/chat): webhooks come from the platforms' few IPs, health probes from the host.
  await app.register(rateLimit, { global: false, cache: 20_000 });
  await app.register(chatRoute(deps.assistant, deps.chat));
  if (deps.unanswered && deps.adminToken) await app.register(unansweredRoute(deps.unanswered, deps.adminToken));
  if (deps.webChat !== false) await app.register(webChatPage);
  for (const plugin of deps.extraPlugins ?? []) await app.register(plugin);
  return app;
}
