import Fastify from "fastify";
import { describe, expect, it } from "vitest";
import { outboxRoute, previewOf } from "../../../../src/http/admin/outbox-route.js";
import type { DeadLetter } from "../../../../src/shared/delivery-ports.js";

const letter: DeadLetter = {
  id: 7,
  channel: "zalo",
  chatId: "6ede9afa66b88fe6d6a9",
  payload: JSON.stringify({ text: "Xin chào! Tôi là trợ lý tự động." }),
  attempts: 12,
  lastError: "Zalo sendMessage failed: 502 Bad Gateway",
  createdAt: new Date("2026-11-29T08:00:00.000Z"),
  deadAt: new Date("2026-11-29T08:15:00.000Z"),
};

describe("outbox admin route", () => {
  it("previews Zalo text, Telegram HTML and polls without markup, and never fails on a bad payload", () => {
    expect(previewOf(JSON.stringify({ text: "Chào bạn" }))).toBe("Chào bạn");
    expect(previewOf(JSON.stringify({ method: "sendMessage", params: { text: "<b>Bước 1:</b>\nMở CH Play" } }))).toBe("Bước 1: Mở CH Play");
    expect(previewOf(JSON.stringify({ method: "sendPoll", params: { question: "Câu 1/2: Nên tải VNeID từ đâu?" } }))).toBe(
      "Câu 1/2: Nên tải VNeID từ đâu?",
    );
    expect(previewOf("{not json")).toBe("");
    expect(previewOf(JSON.stringify({ text: "x".repeat(300) }))).toHaveLength(120);
  });

  it("lists dead letters with a masked chat id, validates its input and answers a missing id in Vietnamese", async () => {
    const retried: number[] = [];
    const app = Fastify();
    outboxRoute(app, {
      deadLetters: { list: async (limit) => (limit > 0 ? [letter] : []), retry: async (id) => (id === 7 ? (retried.push(id), true) : false) },
      clock: () => new Date("2026-11-29T09:00:00.000Z"),
    });
    const list = await app.inject({ method: "GET", url: "/admin/api/outbox/dead-letters" });
    expect(list.json()).toEqual({
      deadLetters: [
        {
          id: 7,
          channel: "zalo",
          chat: "…d6a9",
          preview: "Xin chào! Tôi là trợ lý tự động.",
          attempts: 12,
          lastError: "Zalo sendMessage failed: 502 Bad Gateway",
          createdAt: "2026-11-29T08:00:00.000Z",
          deadAt: "2026-11-29T08:15:00.000Z",
        },
      ],
    });
    expect((await app.inject({ method: "GET", url: "/admin/api/outbox/dead-letters?limit=9999" })).statusCode).toBe(400);
    expect((await app.inject({ method: "POST", url: "/admin/api/outbox/dead-letters/abc/retry" })).statusCode).toBe(400);
    const missing = await app.inject({ method: "POST", url: "/admin/api/outbox/dead-letters/8/retry" });
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({ messageVi: "Không tìm thấy tin nhắn này trong danh sách gửi không thành công." });
    expect((await app.inject({ method: "POST", url: "/admin/api/outbox/dead-letters/7/retry" })).statusCode).toBe(202);
    expect(retried).toEqual([7]);
    await app.close();
  });
});
