/** One error vocabulary: `${kind}:${surface}`, mapped to HTTP status / user replies in one place per surface. */
export type ErrorKind = "bad_request" | "unauthorized" | "forbidden" | "not_found" | "rate_limit" | "unavailable" | "internal";
export type ErrorSurface = "config" | "api" | "chat" | "storage" | "retrieval" | "knowledge" | "channel" | "admin" | "xapi";
export type ErrorCode = `${ErrorKind}:${ErrorSurface}`;

const statusByKind: Record<ErrorKind, number> = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  rate_limit: 429,
  unavailable: 503,
  internal: 500,
};

export class AppError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "AppError";
    this.code = code;
  }
  get status(): number {
    return statusByKind[this.code.split(":")[0] as ErrorKind];
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof Error && error.name === "AppError" && "code" in error;
}
