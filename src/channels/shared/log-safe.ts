import type { Logger } from "../../shared/logger.js";

/**
 * Log hygiene for the chat apps (issue 11 item 8): raw platform chat/user ids and message payloads never reach the
 * logs. telegraf's TelegramError carries the whole request (`on.payload`: chat_id and the text sent), and fetch errors
 * name the token-bearing URL (`/bot<token>/…`), so errors are reduced to what an operator needs: type, code, the
 * platform's description, the API method and a stack, with any bot token masked.
 */
const DROPPED_FIELDS = new Set(["chatId", "chat_id", "userId", "user_id", "payload", "text", "update", "body", "message"]);
const TOKEN_IN_URL = /\/bot[^/\s"']+/g;

const mask = (s: string) => s.replace(TOKEN_IN_URL, "/bot<token>");

export function errorForLog(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { type: typeof error, message: mask(String(error)).slice(0, 300) };
  const e = error as Error & {
    code?: unknown;
    method?: unknown;
    description?: unknown;
    on?: { method?: unknown };
    response?: { error_code?: unknown; description?: unknown };
  };
  const code = e.response?.error_code ?? e.code;
  const description = e.response?.description ?? e.description;
  const method = e.on?.method ?? e.method;
  return {
    type: e.name,
    message: mask(e.message).slice(0, 500),
    ...(typeof code === "number" || typeof code === "string" ? { code } : {}),
    ...(typeof description === "string" ? { description: description.slice(0, 300) } : {}),
    ...(typeof method === "string" ? { method } : {}),
    ...(e.stack ? { stack: mask(e.stack) } : {}),
  };
}

function clean(fields: object): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields)) {
    if (DROPPED_FIELDS.has(key)) continue;
    out[key] = key === "err" || key === "error" || value instanceof Error ? errorForLog(value) : value;
  }
  return out;
}

/** A channel's logger: every line goes through `clean` (ids and payloads dropped, errors reduced). */
export function channelLogger(inner: Logger): Logger {
  const at =
    (level: "info" | "warn" | "error" | "debug") =>
    (obj: object | string, msg?: string): void => {
      if (typeof obj === "string") inner[level](obj);
      else inner[level](clean(obj), msg);
    };
  return {
    info: at("info"),
    warn: at("warn"),
    error: at("error"),
    debug: at("debug"),
    child: (bindings) => channelLogger(inner.child(clean(bindings))),
  };
}
