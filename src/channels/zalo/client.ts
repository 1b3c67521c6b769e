import axios, { type AxiosInstance } from "axios";
import type { Logger } from "../../shared/logger.js";
import { silentLogger } from "../../shared/logger.js";

/** A failed Zalo Bot API call. The message never contains the URL: it embeds the bot token. */
export class ZaloApiError extends Error {
  constructor(
    readonly method: string,
    readonly code: number,
    readonly description: string,
    readonly retryAfterSec?: number,
  ) {
    super(`Zalo ${method} failed: ${code} ${description}`);
    this.name = "ZaloApiError";
  }
  /** 401: wrong or reset token — fatal until an operator fixes ZALO_BOT_TOKEN. */
  get isAuth(): boolean {
    return this.code === 401;
  }
}

export interface ZaloClientOptions {
  token: string;
  apiBase: string;
  logger?: Logger;
  /** First retry delay for 429/5xx/network errors; doubles each attempt. */
  backoffBaseMs?: number;
  maxAttempts?: number;
  http?: AxiosInstance;
}

interface Envelope {
  ok?: boolean;
  result?: unknown;
  error_code?: number;
  description?: string;
  parameters?: { retry_after?: number };
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Zalo Bot Platform client (`${apiBase}/bot${token}/${method}`, JSON POST, `{ok, result}` envelope). Retries 429,
 * 5xx and network failures with backoff (honouring retry_after when given); everything else fails at once.
 */
export function createZaloClient(options: ZaloClientOptions) {
  const http = options.http ?? axios.create();
  const logger = options.logger ?? silentLogger;
  const base = `${options.apiBase.replace(/\/$/, "")}/bot${options.token}`;
  const backoff = options.backoffBaseMs ?? 1_000;
  const maxAttempts = options.maxAttempts ?? 4;

  async function once<T>(method: string, params: object, timeoutMs: number, signal?: AbortSignal): Promise<T> {
    let status: number;
    let data: Envelope | undefined;
    try {
      const response = await http.post(`${base}/${method}`, params, {
        timeout: timeoutMs,
        signal,
        validateStatus: () => true,
        headers: { "Content-Type": "application/json" },
      });
      status = response.status;
      data = typeof response.data === "object" && response.data !== null ? (response.data as Envelope) : undefined;
    } catch (error) {
      if (axios.isCancel(error) || signal?.aborted) throw error;
      // Network failure: rethrow without axios's config (it holds the token-bearing URL).
      throw new ZaloApiError(method, 0, (error as { code?: string }).code ?? "network error");
    }
    if (data?.ok === true) return data.result as T;
    const code = data?.error_code ?? (status >= 400 ? status : 500);
    throw new ZaloApiError(method, code, data?.description ?? `HTTP ${status}`, data?.parameters?.retry_after);
  }

  async function call<T>(
    method: string,
    params: object = {},
    opts: { timeoutMs?: number; signal?: AbortSignal; maxAttempts?: number } = {},
  ): Promise<T> {
    const attempts = opts.maxAttempts ?? maxAttempts;
    for (let attempt = 1; ; attempt++) {
      try {
        return await once<T>(method, params, opts.timeoutMs ?? 15_000, opts.signal);
      } catch (error) {
        const retryable = error instanceof ZaloApiError && (error.code === 0 || error.code === 429 || error.code >= 500);
        if (!retryable || attempt >= attempts || opts.signal?.aborted) throw error;
        const delay = error.retryAfterSec !== undefined ? error.retryAfterSec * 1_000 : backoff * 2 ** (attempt - 1);
        logger.warn({ method, code: error.code, attempt, delayMs: delay }, "zalo: call failed, retrying");
        await sleep(delay);
      }
    }
  }

  return {
    call,
    getMe: () => call<{ id?: string; account_name?: string; display_name?: string }>("getMe"),
    sendMessage: (chatId: string, text: string) => call<{ message_id?: string }>("sendMessage", { chat_id: chatId, text }),
    /** One attempt, no retry: the outbox retries durably (and across restarts) instead. */
    sendMessageOnce: (chatId: string, text: string) =>
      call<{ message_id?: string }>("sendMessage", { chat_id: chatId, text }, { maxAttempts: 1 }),
    sendChatAction: (chatId: string, action: "typing") => call<unknown>("sendChatAction", { chat_id: chatId, action }),
    setWebhook: (url: string, secretToken: string) => call<{ url: string }>("setWebhook", { url, secret_token: secretToken }),
    deleteWebhook: () => call<{ url: string }>("deleteWebhook"),
    getWebhookInfo: () => call<{ url?: string; updated_at?: number }>("getWebhookInfo"),
    /** One long poll. Zalo returns one update (sometimes an array); 408 means "nothing new" and gives []. */
    async getUpdates(timeoutSec: number, signal?: AbortSignal): Promise<unknown[]> {
      try {
        const result = await call<unknown>("getUpdates", { timeout: String(timeoutSec) }, { timeoutMs: (timeoutSec + 10) * 1_000, signal });
        if (Array.isArray(result)) return result;
        return result ? [result] : [];
      } catch (error) {
        if (error instanceof ZaloApiError && error.code === 408) return [];
        throw error;
      }
    },
  };
}

export type ZaloClient = ReturnType<typeof createZaloClient>;
