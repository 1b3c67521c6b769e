import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { createOpenAiCompatibleChat } from "../../../src/llm/openai-compatible-chat.js";

let server: Server | undefined;
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

async function fakeEndpoint(handler: (body: Record<string, unknown>, req: IncomingMessage) => { status: number; body: unknown; delayMs?: number }) {
  server = createServer((req, res) => {
    let raw = "";
    req.on("data", (c) => (raw += c));
    req.on("end", () => {
      const out = handler(JSON.parse(raw || "{}") as Record<string, unknown>, req);
      setTimeout(() => {
        res.writeHead(out.status, { "content-type": "application/json" });
        res.end(JSON.stringify(out.body));
      }, out.delayMs ?? 0);
    });
  });
  await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server!.address() as AddressInfo).port}/v1`;
}

describe("OpenAI-compatible chat model", () => {
  it("posts system + user messages to /chat/completions with the key and returns the content", async () => {
    let seen: { body?: Record<string, unknown>; auth?: string; path?: string } = {};
    const url = await fakeEndpoint((body, req) => {
      seen = { body, auth: req.headers.authorization, path: req.url };
      return { status: 200, body: { choices: [{ message: { role: "assistant", content: "Xin chào" } }] } };
    });
    const model = createOpenAiCompatibleChat({ url: `${url}/`, model: "qwen2.5", apiKey: "k-123" });
    expect(await model.complete("hệ thống", "câu hỏi")).toBe("Xin chào");
    expect(seen.path).toBe("/v1/chat/completions");
    expect(seen.auth).toBe("Bearer k-123");
    expect(seen.body).toMatchObject({ model: "qwen2.5", messages: [{ role: "system", content: "hệ thống" }, { role: "user", content: "câu hỏi" }] });
  });

  it("throws a clear error on HTTP errors, bad bodies and timeouts", async () => {
    const url = await fakeEndpoint((body) =>
      body.model === "slow" ? { status: 200, body: {}, delayMs: 500 } : body.model === "bad" ? { status: 200, body: { choices: [] } } : { status: 401, body: {} },
    );
    await expect(createOpenAiCompatibleChat({ url, model: "x" }).complete("s", "u")).rejects.toThrow(/HTTP 401 \(check LLM_API_KEY\)/);
    await expect(createOpenAiCompatibleChat({ url, model: "bad" }).complete("s", "u")).rejects.toThrow(/no message content/);
    await expect(createOpenAiCompatibleChat({ url, model: "slow", timeoutMs: 100 }).complete("s", "u")).rejects.toThrow(/slower than 100 ms/);
  });
});

describe("QA feature with the real adapter", () => {
  it("falls back to the extractive answer when the endpoint is too slow", async () => {
    const { buildTestAssistant } = await import("../../fakes/test-assistant.js");
    const url = await fakeEndpoint(() => ({ status: 200, body: { choices: [{ message: { content: "quá muộn" } }] }, delayMs: 400 }));
    const slow = createOpenAiCompatibleChat({ url, model: "m", timeoutMs: 100 });
    const withModel = await buildTestAssistant({ threshold: 0.5, chatModel: slow }).say("mã otp là gì");
    const plain = await buildTestAssistant({ threshold: 0.5 }).say("mã otp là gì");
    expect(withModel.text).toBe(plain.text);
    expect(withModel.text).not.toContain("quá muộn");
  });
});
