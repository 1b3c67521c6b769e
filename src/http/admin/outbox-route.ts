import type { FastifyInstance } from "fastify";
import { z } from "zod";
import type { DeadLetterList } from "../../shared/delivery-ports.js";

const listQuery = z.object({ limit: z.coerce.number().int().min(1).max(500).default(100) });
const idParams = z.object({ id: z.coerce.number().int().positive() });

/** Enough of a chat id to tell chats apart in the list, never the whole platform id (issue 11). */
function maskChat(chatId: string): string {
  return chatId.length <= 4 ? "…" : `…${chatId.slice(-4)}`;
}

/** The first words of a stored message, whatever the channel's payload shape (Zalo text, Telegram call params). */
export function previewOf(payload: string): string {
  let parsed: { text?: unknown; params?: { text?: unknown; question?: unknown } };
  try {
    parsed = JSON.parse(payload) as typeof parsed;
  } catch {
    return "";
  }
  const text = [parsed.text, parsed.params?.text, parsed.params?.question].find((t) => typeof t === "string") as string | undefined;
  const plain = (text ?? "").replace(/<[^>]*>/g, "").replace(/\s+/g, " ").trim();
  return plain.length > 120 ? `${plain.slice(0, 119)}…` : plain;
}

/**
 * GET /admin/api/outbox/dead-letters: Telegram/Zalo messages not delivered within the retry budget (issue 11, item 6),
 * newest first. POST /admin/api/outbox/dead-letters/:id/retry puts one back in its chat's queue.
 */
export function outboxRoute(app: FastifyInstance, deps: { deadLetters: DeadLetterList; clock: () => Date }): void {
  app.get("/admin/api/outbox/dead-letters", async (request, reply) => {
    const query = listQuery.safeParse(request.query ?? {});
    if (!query.success) {
      return reply
        .code(400)
        .send({ error: "bad_request:admin", message: "limit: an integer from 1 to 500", messageVi: "limit phải là số nguyên từ 1 đến 500." });
    }
    const letters = await deps.deadLetters.list(query.data.limit);
    return {
      deadLetters: letters.map((d) => ({
        id: d.id,
        channel: d.channel,
        chat: maskChat(d.chatId),
        preview: previewOf(d.payload),
        attempts: d.attempts,
        lastError: d.lastError,
        createdAt: d.createdAt.toISOString(),
        deadAt: d.deadAt.toISOString(),
      })),
    };
  });

  app.post("/admin/api/outbox/dead-letters/:id/retry", async (request, reply) => {
    const params = idParams.safeParse(request.params);
    if (!params.success) {
      return reply.code(400).send({ error: "bad_request:admin", message: "id: a positive integer", messageVi: "Mã tin nhắn không hợp lệ." });
    }
    if (!(await deps.deadLetters.retry(params.data.id, deps.clock()))) {
      return reply.code(404).send({
        error: "not_found:admin",
        message: "No dead letter with this id",
        messageVi: "Không tìm thấy tin nhắn này trong danh sách gửi không thành công.",
      });
    }
    return reply.code(202).send({ id: params.data.id, state: "pending" });
  });
}
