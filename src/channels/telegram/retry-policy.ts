/**
 * When to retry a failed Telegram call: 429 after exactly `retry_after` seconds (Telegram bans bots that ignore it),
 * 5xx and network failures with exponential backoff; never a 4xx (it would fail the same way again).
 */
export function telegramRetryDelayMs(error: unknown, attempt: number, backoffBaseMs = 1_000): number | undefined {
  const e = error as { code?: unknown; name?: unknown; response?: { error_code?: number; parameters?: { retry_after?: number } } };
  const code = e.response?.error_code ?? (typeof e.code === "number" ? e.code : undefined);
  if (code === 429) return Math.max(1, e.response?.parameters?.retry_after ?? 1) * 1_000;
  if (code !== undefined && code >= 500) return backoffBaseMs * 2 ** (attempt - 1);
  if (code === undefined && (e.name === "FetchError" || typeof e.code === "string")) return backoffBaseMs * 2 ** (attempt - 1);
  return undefined;
}

/** True when Telegram says the token is wrong or revoked: nothing will work until an operator fixes it. */
export function isTelegramAuthError(error: unknown): boolean {
  return (error as { response?: { error_code?: number } }).response?.error_code === 401;
}

/** An operator-facing explanation for an error that stops the channel. */
export function telegramFatalMessage(error: unknown): string {
  const code = (error as { response?: { error_code?: number } }).response?.error_code;
  if (isTelegramAuthError(error)) {
    return "Telegram rejected TELEGRAM_BOT_TOKEN (401 Unauthorized). Check the token from @BotFather (/token) and restart.";
  }
  if (code === 409) {
    return "Telegram polling conflict (409): another process polls with this token, or a webhook is set (`npm run telegram:webhook -- delete`).";
  }
  return `Telegram channel stopped: ${(error as Error).message}`;
}

/**
 * The outbox's view of a failed call: 429 → after exactly `retry_after`; 5xx, network failures and a rejected token
 * (401: the operator is told and may fix it within the retry window) → backoff; any other 4xx → a dead letter at once.
 */
export function telegramRetryHint(error: unknown): { retryAfterMs?: number } | undefined {
  if (isTelegramAuthError(error)) return {};
  const delay = telegramRetryDelayMs(error, 1);
  if (delay === undefined) return undefined;
  const e = error as { response?: { error_code?: number } };
  return e.response?.error_code === 429 ? { retryAfterMs: delay } : {};
}
