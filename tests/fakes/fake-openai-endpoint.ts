import Fastify from "fastify";
import type { AddressInfo } from "node:net";
import { vectorOf } from "./fake-embeddings-server.js";

/** What the fake does with each request: answer, fail with HTTP 500, or never answer. Switchable while running. */
export type EndpointMode = "ok" | "error" | "hang";

/** The LLM's reply in "ok" mode: recognisable in answers, and safe for the safety guard. */
export const FAKE_LLM_TEXT = "Bác làm theo hướng dẫn trong tài liệu nhé.";

/**
 * An OpenAI-compatible endpoint on 127.0.0.1 (fastify on port 0) serving both `/v1/embeddings` (deterministic
 * letter-count vectors, see fake-embeddings-server.ts) and `/v1/chat/completions`, for fault tests and
 * scripts/fault-embeddings-llm.ts. Each path has its own mode so embeddings and the LLM can fail separately.
 */
export async function startFakeOpenAiEndpoint() {
  const modes = { embeddings: "ok" as EndpointMode, chat: "ok" as EndpointMode };
  const calls = { embeddings: 0, chat: 0 };
  /** Hung requests, released (with a 503) on close so the server can shut down. */
  const hung = new Set<() => void>();
  // forceCloseConnections: hung requests must not keep close() waiting.
  const app = Fastify({ logger: false, forceCloseConnections: true });

  const behave = async (mode: EndpointMode, reply: { status(code: number): { send(body: unknown): unknown } }, ok: () => unknown) => {
    if (mode === "error") return reply.status(500).send({ error: { message: "boom" } });
    if (mode === "hang") {
      await new Promise<void>((resolve) => hung.add(resolve));
      return reply.status(503).send({ error: { message: "shutting down" } });
    }
    return ok();
  };

  app.post("/v1/embeddings", async (request, reply) => {
    calls.embeddings += 1;
    const input = ((request.body as { input?: string[] }).input ?? []).map(String);
    return behave(modes.embeddings, reply, () => ({
      object: "list",
      data: input.map((text, index) => ({ object: "embedding", index, embedding: vectorOf(text) })),
    }));
  });
  app.post("/v1/chat/completions", async (_request, reply) => {
    calls.chat += 1;
    return behave(modes.chat, reply, () => ({ choices: [{ message: { role: "assistant", content: FAKE_LLM_TEXT } }] }));
  });

  await app.listen({ host: "127.0.0.1", port: 0 });
  const { port } = app.server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    modes,
    calls,
    /** Sets both paths at once. */
    setMode(mode: EndpointMode) {
      modes.embeddings = mode;
      modes.chat = mode;
    },
    async close() {
      for (const release of hung) release();
      hung.clear();
      await app.close();
    },
  };
}
