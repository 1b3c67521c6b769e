import Fastify from "fastify";
import { describe, expect, it } from "vitest";
import { readCookie, setSessionCookies } from "../../../../src/http/admin/cookies.js";

describe("admin session cookies", () => {
  const app = Fastify({ trustProxy: true });
  app.get("/set", async (request, reply) => {
    setSessionCookies(request, reply, { id: "sid", csrf: "c/sr f", maxAgeS: 60 });
    return { read: readCookie(request, "troly_admin_session") ?? null };
  });

  it("is Secure only behind HTTPS (X-Forwarded-Proto through trustProxy), always HttpOnly + SameSite=Strict for the session", async () => {
    const https = await app.inject({ url: "/set", headers: { "x-forwarded-proto": "https" } });
    expect(https.headers["set-cookie"]).toEqual([
      "troly_admin_session=sid; Path=/; HttpOnly; SameSite=Strict; Secure; Max-Age=60",
      "troly_admin_csrf=c%2Fsr%20f; Path=/; SameSite=Strict; Secure; Max-Age=60",
    ]);
    const http = await app.inject({ url: "/set" });
    expect(String(http.headers["set-cookie"])).not.toContain("Secure");
  });

  it("reads one cookie by exact name", async () => {
    const res = await app.inject({ url: "/set", headers: { cookie: "x_troly_admin_session=no; troly_admin_session=yes%20it; other=1" } });
    expect(res.json()).toEqual({ read: "yes it" });
  });
});
