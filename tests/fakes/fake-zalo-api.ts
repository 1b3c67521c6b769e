import Fastify from "fastify";
import type { FakeFailure, RecordedCall } from "./fake-telegram-api.js";

/**
 * A Zalo Bot Platform API stand-in on 127.0.0.1:0 (`/bot<token>/<method>`). Records calls, rejects a wrong token
 * with 401, fails chosen calls (429 with retry_after, 5xx), and answers getUpdates one update per call or 408.
 */
export async function startFakeZaloApi(opts: { token: string; pollWaitMs?: number }) {
  const app = Fastify();
  const calls: RecordedCall[] = [];
  const failures = new Map<string, FakeFailure[]>();
  const updates: unknown[] = [];
  let webhook = "";
  let nextId = 1;

  // Control routes for driving the fake from another process (manual end-to-end runs of `npm start`).
  app.post("/__updates", async (request) => {
    updates.push(request.body as never);
    return { ok: true };
  });
  app.get("/__calls", async () => calls);

  app.post("/*", async (request, reply) => {
    const match = /^\/bot([^/]+)\/(\w+)$/.exec(request.url.split("?")[0] ?? "");
    if (!match) return reply.code(404).send({ ok: false, error_code: 404, description: "Not Found" });
    const [, token = "", method = ""] = match;
    const payload = (request.body ?? {}) as Record<string, unknown>;
    calls.push({ method, payload, at: Date.now() });
    if (decodeURIComponent(token) !== opts.token) {
      return reply.code(401).send({ ok: false, error_code: 401, description: "Unauthorized" });
    }
    const failure = failures.get(method)?.shift();
    if (failure) {
      return reply.code(failure.code).send({
        ok: false,
        error_code: failure.code,
        description: failure.description ?? "Error",
        ...(failure.retryAfter !== undefined ? { parameters: { retry_after: failure.retryAfter } } : {}),
      });
    }
    switch (method) {
      case "getMe":
        return { ok: true, result: { id: "bot-1", account_name: "bot.trolyso", account_type: "BASIC", can_join_groups: true, display_name: "Bot Trợ Lý Số" } };
      case "sendMessage":
        return { ok: true, result: { message_id: `out-${nextId++}`, date: Date.now() } };
      case "setWebhook":
        webhook = String(payload.url ?? "");
        return { ok: true, result: { url: webhook, updated_at: Date.now() } };
      case "deleteWebhook":
        webhook = "";
        return { ok: true, result: { url: "", updated_at: Date.now() } };
      case "getWebhookInfo":
        return webhook
          ? { ok: true, result: { url: webhook, updated_at: Date.now() } }
          : reply.code(404).send({ ok: false, error_code: 404, description: "Webhook not found" });
      case "getUpdates": {
        for (let waited = 0; waited < (opts.pollWaitMs ?? 300); waited += 20) {
          const next = updates.shift();
          if (next) return { ok: true, result: next };
          await new Promise((r) => setTimeout(r, 20));
        }
        return reply.code(408).send({ ok: false, error_code: 408, description: "Request timeout" });
      }
      default:
        return { ok: true, result: { ok: true } };
    }
  });

  const address = await app.listen({ host: "127.0.0.1", port: 0 });
  return {
    url: address,
    calls,
    callsOf: (method: string) => calls.filter((c) => c.method === method),
    sentTexts: (chatId?: string) =>
      calls.filter((c) => c.method === "sendMessage" && (chatId === undefined || c.payload.chat_id === chatId)).map((c) => String(c.payload.text)),
    failNext(method: string, failure: FakeFailure, times = 1) {
      failures.set(method, [...(failures.get(method) ?? []), ...Array.from({ length: times }, () => failure)]);
    },
    pushUpdate(update: unknown) {
      updates.push(update);
    },
    get webhookUrl() {
      return webhook;
    },
    reset() {
      calls.length = 0;
      failures.clear();
    },
    close: () => app.close(),
  };
}

export type FakeZaloApi = Awaited<ReturnType<typeof startFakeZaloApi>>;
