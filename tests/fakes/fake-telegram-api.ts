import Fastify from "fastify";

export interface RecordedCall {
  method: string;
  payload: Record<string, unknown>;
  at: number;
}

export interface FakeFailure {
  code: number;
  description?: string;
  retryAfter?: number;
}

/**
 * A Telegram Bot API stand-in on 127.0.0.1:0 (`/bot<token>/<method>`, JSON in, `{ok, result}` out). It records every
 * call, can fail the next calls of a method (e.g. 429 with retry_after), and serves queued updates to getUpdates.
 */
export async function startFakeTelegramApi(opts: { botUsername?: string; botId?: number } = {}) {
  const app = Fastify();
  const calls: RecordedCall[] = [];
  const failures = new Map<string, FakeFailure[]>();
  const updates: Array<{ update_id: number }> = [];
  let webhookUrl = "";
  let nextMessageId = 1000;
  let nextPoll = 1;
  const me = { id: opts.botId ?? 777, is_bot: true, first_name: "Trợ lý số", username: opts.botUsername ?? "TroLySoBot" };

  // Control routes for driving the fake from another process (manual end-to-end runs of `npm start`).
  app.post("/__updates", async (request) => {
    updates.push(request.body as never);
    return { ok: true };
  });
  app.get("/__calls", async () => calls);

  app.post("/*", async (request, reply) => {
    const match = /^\/bot([^/]+)\/(\w+)$/.exec(request.url.split("?")[0] ?? "");
    if (!match) return reply.code(404).send({ ok: false, error_code: 404, description: "Not Found" });
    const method = match[2] ?? "";
    const payload = (request.body ?? {}) as Record<string, unknown>;
    calls.push({ method, payload, at: Date.now() });
    const failure = failures.get(method)?.shift();
    if (failure) {
      return reply.code(failure.code).send({
        ok: false,
        error_code: failure.code,
        description: failure.description ?? (failure.code === 429 ? `Too Many Requests: retry after ${failure.retryAfter}` : "Error"),
        ...(failure.retryAfter !== undefined ? { parameters: { retry_after: failure.retryAfter } } : {}),
      });
    }
    return { ok: true, result: await resultFor(method, payload) };
  });

  async function resultFor(method: string, p: Record<string, unknown>): Promise<unknown> {
    const chat = { id: Number(p.chat_id), type: Number(p.chat_id) < 0 ? "supergroup" : "private" };
    switch (method) {
      case "getMe":
        return me;
      case "sendMessage":
        return { message_id: nextMessageId++, date: 1, chat, from: me, text: p.text };
      case "sendPoll": {
        const options = (p.options as string[]).map((text) => ({ text, voter_count: 0 }));
        const poll = { id: `poll-${nextPoll++}`, question: p.question, options, type: p.type, is_anonymous: p.is_anonymous };
        return { message_id: nextMessageId++, date: 1, chat, from: me, poll };
      }
      case "setWebhook":
        webhookUrl = String(p.url ?? "");
        return true;
      case "deleteWebhook":
        webhookUrl = "";
        return true;
      case "getWebhookInfo":
        return { url: webhookUrl, has_custom_certificate: false, pending_update_count: 0 };
      case "getUpdates": {
        const offset = Number(p.offset ?? 0);
        for (let waited = 0; waited < 500; waited += 25) {
          const ready = updates.filter((u) => u.update_id >= offset);
          if (ready.length > 0) return ready;
          await new Promise((r) => setTimeout(r, 25));
        }
        return [];
      }
      default:
        return true;
    }
  }

  const address = await app.listen({ host: "127.0.0.1", port: 0 });
  return {
    url: address,
    me,
    calls,
    callsOf: (method: string) => calls.filter((c) => c.method === method),
    /** The next `times` calls of `method` fail with this error. */
    failNext(method: string, failure: FakeFailure, times = 1) {
      failures.set(method, [...(failures.get(method) ?? []), ...Array.from({ length: times }, () => failure)]);
    },
    /** Served by getUpdates (polling mode). */
    pushUpdate(update: { update_id: number }) {
      updates.push(update);
    },
    reset() {
      calls.length = 0;
      failures.clear();
    },
    close: () => app.close(),
  };
}

export type FakeTelegramApi = Awaited<ReturnType<typeof startFakeTelegramApi>>;
