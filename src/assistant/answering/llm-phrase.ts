import type { Logger } from "../../shared/logger.js";
import type { ChatModel } from "../ports.js";
import type { ComposedAnswer } from "./compose-answer.js";
import { isSafeAnswer } from "./safety-guard.js";

/**
 * Optional LLM phrasing: the model sees only the retrieved section (grounded system prompt from prompts/) and the
 * question, and may only re-word it. Any failure, an empty answer or an answer the safety guard rejects falls back
 * to the extractive text, so the LLM can make answers friendlier but never worse or unsafe.
 */
export async function phraseWithModel(
  model: ChatModel,
  system: string,
  question: string,
  answer: ComposedAnswer,
  logger: Logger,
  timeoutMs?: number,
): Promise<string | undefined> {
  const section = answer.fullText.replace(answer.sourceLine, "").trim();
  const user = `Câu hỏi của người dân: ${question}\n\nNội dung được phép dùng (trích từ tài liệu "${answer.source.title}", mục "${answer.source.section}"):\n${section}`;
  try {
    const text = (await model.complete(system, user, timeoutMs === undefined ? undefined : { timeoutMs })).trim();
    if (!text) return undefined;
    if (!isSafeAnswer(text)) {
      logger.warn({ lessonId: answer.source.id }, "LLM phrasing rejected by the safety guard; using the extractive answer");
      return undefined;
    }
    return `${text}\n\n${answer.sourceLine}`;
  } catch (error) {
    logger.warn({ err: error }, "LLM phrasing failed; using the extractive answer");
    return undefined;
  }
}
