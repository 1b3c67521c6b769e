import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { SESSION_IDLE_MS, type AdminAuth } from "../../admin/auth.js";
import { setSessionCookies } from "./cookies.js";
import { adminPage, sendAdminPage } from "./pages/layout.js";

const bodySchema = z.object({ username: z.string().max(100), password: z.string().max(1000) }).strict();

const LOGIN_BODY = `<form id="login" class="narrow" autocomplete="on">
<label>Tên đăng nhập <input id="username" name="username" autocomplete="username" required maxlength="40" autocapitalize="none" spellcheck="false"></label>
<label>Mật khẩu <input id="password" name="password" type="password" autocomplete="current-password" required></label>
<button class="primary" type="submit">Đăng nhập</button>
</form>
<p class="note">Chưa có tài khoản? Nhờ quản trị viên tạo cho bạn. Người cài đặt tạo tài khoản đầu tiên bằng lệnh <code>npm run admin:create</code>.</p>`;

/**
 * Public part of signing in: the page GET /admin/login and POST /admin/api/login, which answers 401 "Sai tên đăng
 * nhập hoặc mật khẩu." (the same whether the username exists or not) and 429 once an IP or a username has failed too
 * often (see login-limiter.ts). Success sets the session and CSRF cookies (cookies.ts).
 */
export function loginRoute(app: FastifyInstance, auth: AdminAuth | undefined): void {
  app.get("/admin/login", async (_request, reply) =>
    sendAdminPage(reply, adminPage({ title: "Đăng nhập", path: "/admin/login", body: LOGIN_BODY, scripts: ["login.js"] })),
  );
  app.post("/admin/api/login", async (request, reply) => {
    if (!auth) return reply.code(503).send({ error: "unavailable:admin", messageVi: "Chưa bật đăng nhập bằng tài khoản." });
    const body = bodySchema.safeParse(request.body);
    if (!body.success) {
      return reply.code(400).send({ error: "bad_request:admin", message: "body: {username, password}", messageVi: "Hãy nhập tên đăng nhập và mật khẩu." });
    }
    const result = await auth.login(body.data.username, body.data.password, request.ip);
    if (!result.ok && result.reason === "limited") {
      return reply.code(429).header("Retry-After", "900").send({
        error: "rate_limit:admin",
        message: "Too many failed sign-ins; try again in 15 minutes.",
        messageVi: "Bạn đã nhập sai quá nhiều lần. Hãy đợi 15 phút rồi thử lại.",
      });
    }
    if (!result.ok) {
      return reply.code(401).send({ error: "unauthorized:admin", message: "Wrong username or password.", messageVi: "Sai tên đăng nhập hoặc mật khẩu." });
    }
    setSessionCookies(request, reply, { id: result.sessionId, csrf: result.csrf, maxAgeS: SESSION_IDLE_MS / 1000 });
    return { username: result.account.username, role: result.account.role };
  });
}
