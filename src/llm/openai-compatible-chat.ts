import type { ChatModel } from "../assistant/index.js";
import { AppError } from "../shared/errors.js";

export interface OpenAiCompatibleChatOptions {
  /** Base URL, e.g. http://127.0.0.1:11434/v1 (Ollama) — `/chat/completions` is appended. */
  url: string;
  model: string;
  apiKey?: string;
  /** A citizen is waiting: past this the QA feature falls back to the extractive answer. */
  timeoutMs?: number;
  /** Injected in tests; the global fetch otherwise. */
  fetchImpl?: typeof fetch;
}

/** Default deadline for one completion (LLM_TIMEOUT_MS): past it the extractive answer is used. */
export const DEFAULT_LLM_TIMEOUT_MS = 4000;

interface CompletionResponse {
  choices?: Array<{ message?: { content?: unknown } }>;
}

/** ChatModel over any OpenAI-compatible `/chat/completions` endpoint (Ollama, vLLM, llama.cpp server, OpenAI). */
export function createOpenAiCompatibleChat(options: OpenAiCompatibleChatOptions): ChatModel {
  const endpoint = `${options.url.replace(/\/+$/, "")}/chat/completions`;
  const doFetch = options.fetchImpl ?? fetch;
  const timeoutMs = options.timeoutMs ?? DEFAULT_LLM_TIMEOUT_MS;

  return {
    async complete(system, user) {
      let response: Response;
      try {
        response = await doFetch(endpoint, {
          method: "POST",
          headers: {
            "content-type": "application/json",
            ...(options.apiKey ? { authorization: `Bearer ${options.apiKey}` } : {}),
          },
          body: JSON.stringify({
            model: options.model,
            // Low temperature: the model re-words a given text, it should not be creative.
            temperature: 0.2,
            messages: [
              { role: "system", content: system },
              { role: "user", content: user },
            ],
          }),
          // Covers the whole exchange including the body read below: a server that sends headers and then stalls
          // is cut too.
          signal: AbortSignal.timeout(timeoutMs),
        });
      } catch (error) {
        throw new AppError("unavailable:chat", `LLM endpoint ${endpoint} unreachable or slower than ${timeoutMs} ms`, { cause: error });
      }
      if (!response.ok) {
        const hint = response.status === 401 || response.status === 403 ? " (check LLM_API_KEY)" : response.status === 404 ? " (check LLM_URL and LLM_MODEL)" : "";
        throw new AppError("unavailable:chat", `LLM endpoint ${endpoint} answered HTTP ${response.status}${hint}`);
      }
      const body = (await response.json().catch(() => ({}))) as CompletionResponse;
      const content = body.choices?.[0]?.message?.content;
      if (typeof content !== "string") throw new AppError("unavailable:chat", `LLM endpoint ${endpoint} returned no message content`);
      return content;
    },
  };
}
