import type { FastifyPluginAsync, FastifyRequest } from "fastify";
import { z } from "zod";
import { TOO_FAST_TEXT, type Assistant, type QuizPrompt, type Reply } from "../assistant/index.js";
import { webReplyHtml, webSources } from "../channels/web/index.js";
import { AppError } from "../shared/errors.js";

/** Default text cap (config MAX_TEXT_LENGTH); the core applies the same cap to every channel. */
export const MAX_TEXT_LENGTH = 1000;

/** Per-IP limit of POST /api/chat (config RATE_LIMIT_IP_MAX / RATE_LIMIT_WINDOW_MS). */
export interface ChatRouteOptions {
  maxTextLength?: number;
  perIp?: { max: number; windowMs: number };
}

const chatBodyFor = (maxText: number) => z
  .object(
    {
    userId: z
      .string({ required_error: "userId is required", invalid_type_error: "userId must be a string" })
      .trim()
      .min(1, "userId must not be empty")
      .max(128, "userId must be at most 128 characters"),
    text: z.string({ invalid_type_error: "text must be a string" }).max(maxText, `text must be at most ${maxText} characters`).optional(),
    action: z.string({ invalid_type_error: "action must be a string" }).max(64, "action must be at most 64 characters").optional(),
    },
    { invalid_type_error: 'body must be a JSON object {"userId", "text"}' },
  )
  .strict()
  .refine((b) => (b.text ?? "").trim().length > 0 || (b.action ?? "").trim().length > 0, {
    message: "text must not be empty",
    path: ["text"],
  });

/**
 * What the API returns: the Reply minus internal fields, stable for the web page and integrators. `html` is the text
 * rendered by the web channel (escaped; bold, lists). A quiz question carries no answer key (see publicQuiz).
 */
export function toChatResponse(reply: Reply) {
  return {
    kind: reply.kind,
    text: reply.text,
    html: webReplyHtml(reply),
    ...(reply.steps ? { steps: reply.steps } : {}),
    ...(reply.stepIndex !== undefined ? { stepIndex: reply.stepIndex } : {}),
    ...(reply.buttons ? { buttons: reply.buttons } : {}),
    ...(reply.quiz ? { quiz: publicQuiz(reply.quiz) } : {}),
    sources: webSources(reply.sources),
    confidence: reply.confidence,
  };
}

/**
 * The question as the learner's browser may see it: the server alone grades, so `correctIndex` and `explanation`
 * never leave it (otherwise any script could forge "passed" evidence). Listed field by field so a field added to
 * QuizPrompt later is not sent by accident. `actions[i]` answers with option i and names the attempt and question,
 * so a stale or repeated tap cannot answer the next question.
 */
export function publicQuiz(quiz: QuizPrompt) {
  return {
    question: quiz.question,
    options: quiz.options,
    actions: quiz.options.map((_, i) => `${quiz.answerActionPrefix}${i}`),
    position: quiz.position,
    total: quiz.total,
  };
}

const strings = { type: "array", items: { type: "string" } } as const;
/**
 * toChatResponse's shape as a JSON schema: fastify then serialises the 200 with a compiled serializer instead of
 * JSON.stringify, and a field missing here is never sent (the same rule as publicQuiz, at the wire).
 */
const chatResponseSchema = {
  type: "object",
  required: ["kind", "text", "html", "sources", "confidence"],
  properties: {
    kind: { type: "string" },
    text: { type: "string" },
    html: { type: "string" },
    steps: strings,
    stepIndex: { type: "number" },
    buttons: {
      type: "array",
      items: { type: "object", required: ["label", "action"], properties: { label: { type: "string" }, action: { type: "string" } } },
    },
    quiz: {
      type: "object",
      properties: { question: { type: "string" }, options: strings, actions: strings, position: { type: "number" }, total: { type: "number" } },
    },
    sources: {
      type: "array",
      items: {
        type: "object",
        properties: { id: { type: "string" }, title: { type: "string" }, section: { type: "string" }, url: { type: "string" }, updated: { type: "string" } },
      },
    },
    confidence: { type: "number" },
  },
} as const;

/** The per-IP 429: through the error handler, with the same friendly Vietnamese text as the core's limit. */
export function tooFastError(): AppError {
  return Object.assign(new AppError("rate_limit:api", "Too many messages; wait a moment and send again."), { messageVi: TOO_FAST_TEXT });
}

// Loopback is exempt from the per-IP limit: a reverse proxy on the same host that does not send X-Forwarded-For
// would otherwise make every citizen one IP (and in-process scripts inject from 127.0.0.1). The core's per-learner
// limit still applies to them.
const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|::ffff:127\.\d+\.\d+\.\d+)$/;
const isLoopback = (request: FastifyRequest) => LOOPBACK.test(request.ip);

/**
 * POST /api/chat {userId, text, action?} → the assistant's reply as JSON (the web channel). Limited per IP (needs
 * @fastify/rate-limit registered with `global: false`, as buildServer does) and, in the core, per learner: both
 * answer 429 with `messageVi` "Bạn gửi nhanh quá…".
 */
export function chatRoute(assistant: Assistant, options: ChatRouteOptions = {}): FastifyPluginAsync {
  const maxText = options.maxTextLength ?? MAX_TEXT_LENGTH;
  const chatBody = chatBodyFor(maxText);
  return async (app) => {
    const rateLimit = options.perIp
      ? { max: options.perIp.max, timeWindow: options.perIp.windowMs, allowList: isLoopback, errorResponseBuilder: tooFastError }
      : undefined;
    app.post("/api/chat", { config: rateLimit ? { rateLimit } : {}, schema: { response: { 200: chatResponseSchema } } }, async (request) => {
      const parsed = chatBody.safeParse(request.body ?? {});
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        const tooLong = issue?.path[0] === "text" && issue.code === "too_big";
        const error = new AppError("bad_request:api", issue ? issue.message : "invalid body");
        Object.assign(error, {
          messageVi: tooLong
            ? `Câu hỏi dài quá ${maxText} ký tự. Bạn viết ngắn lại giúp tôi nhé.`
            : issue?.path[0] === "text"
              ? "Bạn chưa gõ câu hỏi."
              : "Tin nhắn chưa hợp lệ. Bạn tải lại trang rồi thử lại nhé.",
        });
        throw error;
      }
      const { userId, text, action } = parsed.data;
      const reply = await assistant.handle({ channel: "web", userId, text, action: action?.trim() || undefined });
      // The core's per-learner limit or full queue: the same 429 as the per-IP limit.
      if (reply.throttled) throw Object.assign(tooFastError(), { messageVi: reply.text });
      return toChatResponse(reply);
    });
  };
}
