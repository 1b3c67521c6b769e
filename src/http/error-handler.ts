import type { FastifyError, FastifyInstance } from "fastify";
import { isAppError } from "../shared/errors.js";

/** Vietnamese text for the 4xx a citizen's browser may hit, shown by the web chat page. */
const VI_BY_STATUS: Record<number, string> = {
  400: "Tin nhắn chưa hợp lệ. Bạn kiểm tra lại rồi gửi lại nhé.",
  401: "Sai mã quản trị.",
  404: "Không tìm thấy trang này.",
  413: "Tin nhắn quá dài. Bạn chia nhỏ câu hỏi rồi gửi lại nhé.",
  415: "Tin nhắn chưa hợp lệ. Bạn kiểm tra lại rồi gửi lại nhé.",
  429: "Bạn gửi nhanh quá, đợi một chút rồi gửi tiếp nhé.",
  500: "Xin lỗi, hệ thống đang trục trặc. Bạn thử lại sau ít phút.",
  503: "Xin lỗi, hệ thống đang bận. Bạn thử lại sau ít phút.",
};

/**
 * The one place HTTP errors become responses: `{ error, message, messageVi }`. AppErrors carry their own status;
 * fastify's own errors (bad JSON, wrong content type, body too large) keep theirs; anything else is a logged 500
 * whose details never reach the client.
 */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    let status = 500;
    let code = "internal:api";
    let message = "Internal error";
    if (isAppError(error)) {
      status = error.status;
      code = error.code;
      message = error.message;
    } else if (typeof error.statusCode === "number" && error.statusCode >= 400 && error.statusCode < 500) {
      status = error.statusCode;
      code = status === 404 ? "not_found:api" : status === 429 ? "rate_limit:api" : "bad_request:api";
      message = error.message;
    }
    if (status >= 500) request.log.error({ err: error }, "request failed");
    else request.log.info({ code, message }, "request rejected");
    const messageVi = (isAppError(error) && (error as { messageVi?: string }).messageVi) || VI_BY_STATUS[status] || VI_BY_STATUS[500];
    // RFC 6750: a 401 names the scheme it wants (only the admin API answers 401 through here).
    if (status === 401) void reply.header("WWW-Authenticate", 'Bearer realm="admin"');
    void reply.status(status).send({ error: code, message, messageVi });
  });
  app.setNotFoundHandler((request, reply) => {
    void reply.status(404).send({ error: "not_found:api", message: `No route ${request.method} ${request.url}`, messageVi: VI_BY_STATUS[404] });
  });
}
