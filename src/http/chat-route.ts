import type { FastifyPluginAsync } from "fastify";
import { z } from "zod";
import type { Assistant, QuizPrompt, Reply } from "../assistant/index.js";
import { webReplyHtml, webSources } from "../channels/web/index.js";
import { AppError } from "../shared/errors.js";

export const MAX_TEXT_LENGTH = 1000;

const chatBody = z
  .object(
    {
    userId: z
      .string({ required_error: "userId is required", invalid_type_error: "userId must be a string" })
      .trim()
      .min(1, "userId must not be empty")
      .max(128, "userId must be at most 128 characters"),
    text: z.string({ invalid_type_error: "text must be a string" }).max(MAX_TEXT_LENGTH, `text must be at most ${MAX_TEXT_LENGTH} characters`).optional(),
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

/** POST /api/chat {userId, text, action?} → the assistant's reply as JSON (the web channel). */
export function chatRoute(assistant: Assistant): FastifyPluginAsync {
  return async (app) => {
    app.post("/api/chat", async (request) => {
      const parsed = chatBody.safeParse(request.body ?? {});
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        const tooLong = issue?.path[0] === "text" && issue.code === "too_big";
        const error = new AppError("bad_request:api", issue ? issue.message : "invalid body");
        Object.assign(error, {
          messageVi: tooLong
            ? `Câu hỏi dài quá ${MAX_TEXT_LENGTH} ký tự. Bạn viết ngắn lại giúp tôi nhé.`
            : issue?.path[0] === "text"
              ? "Bạn chưa gõ câu hỏi."
              : "Tin nhắn chưa hợp lệ. Bạn tải lại trang rồi thử lại nhé.",
        });
        throw error;
      }
      const { userId, text, action } = parsed.data;
      const reply = await assistant.handle({ channel: "web", userId, text, action: action?.trim() || undefined });
      return toChatResponse(reply);
    });
  };
}
