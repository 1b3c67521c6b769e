import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAdminAuth } from "../../../../src/admin/auth.js";
import { adminGate } from "../../../../src/http/admin/gate.js";
import { principalOf, requirePermission } from "../../../../src/http/admin/principal.js";
import { signIn, startAdminApp, type AdminApp } from "../../../fixtures/admin/admin-app.js";

const TOKEN = "admin-token-0123456789";
const bearer = { authorization: `Bearer ${TOKEN}` };
let t: AdminApp;
let app: FastifyInstance;

/** A test-only route guarded like the knowledge editor's (not in src): who may save a draft. */
async function registerDraftRoute(a: AdminApp): Promise<void> {
  const auth = createAdminAuth({ stores: a.stores, clock: a.clock });
  await a.app.register(async (gated) => {
    gated.addHook("onRequest", adminGate(TOKEN, auth));
    gated.post("/admin/api/test-draft", { preHandler: requirePermission("knowledge:draft") }, async (request) => ({ savedBy: principalOf(request).username }));
  });
}

beforeAll(async () => {
  t = await startAdminApp({ apiToken: TOKEN });
  app = t.app;
  await registerDraftRoute(t);
  await t.account("quan.tri", "admin");
  await t.account("bien.tap", "editor");
  await t.account("xem.tinh", "viewer", { provinceCode: "01" });
  await t.account("xem.phucxa", "viewer", { provinceCode: "01", communeCode: "00001" });
});
afterAll(async () => t.close());

describe("sign-in", () => {
  it("rejects a wrong password with 401 and the Vietnamese message, and audits the failure without the password", async () => {
    const { res } = await signIn(app, "bien.tap", "mat-khau-sai-99999", "10.1.0.1");
    expect(res.statusCode).toBe(401);
    expect(res.json().messageVi).toBe("Sai tên đăng nhập hoặc mật khẩu.");
    expect(res.headers["set-cookie"]).toBeUndefined();
    // An unknown username gets the very same answer.
    expect((await signIn(app, "khong.co.ai", "mat-khau-sai-99999", "10.1.0.2")).res.json().messageVi).toBe("Sai tên đăng nhập hoặc mật khẩu.");
    const id = (await t.stores.accounts.findByUsername("bien.tap"))!.id;
    const log = await t.stores.audit.list({ limit: 10, target: `account:${id}` });
    expect(log[0]).toMatchObject({ action: "login.fail", actorId: "anonymous" });
    expect(log[0]!.detail).toMatch(/sai mật khẩu/);
    expect((await t.stores.audit.list({ limit: 1, target: "login:khong.co.ai" }))[0]).toMatchObject({ action: "login.fail" });
    expect(JSON.stringify(await t.stores.audit.list({ limit: 100 }))).not.toContain("mat-khau-sai");
  });

  it("answers 429 after 5 failures for a username, even from new IPs, and then refuses the right password too", async () => {
    await t.account("bi.doan", "viewer");
    for (let i = 0; i < 5; i++) expect((await signIn(app, "bi.doan", "sai-mat-khau-000", `10.2.0.${i}`)).res.statusCode).toBe(401);
    const limited = await signIn(app, "bi.doan", "sai-mat-khau-000", "10.2.1.1");
    expect(limited.res.statusCode).toBe(429);
    expect(limited.res.json().messageVi).toMatch(/quá nhiều lần/);
    expect((await signIn(app, "bi.doan", undefined, "10.2.1.2")).res.statusCode).toBe(429);
  });

  it("answers 429 after 5 failures from one IP, whatever the usernames", async () => {
    for (let i = 0; i < 5; i++) expect((await signIn(app, `doan.${i}`, "sai-mat-khau-000", "10.3.0.1")).res.statusCode).toBe(401);
    expect((await signIn(app, "quan.tri", undefined, "10.3.0.1")).res.statusCode).toBe(429);
  });

  it("sets an httpOnly SameSite=Strict session cookie, a readable CSRF cookie, and audits the login", async () => {
    const { res } = await signIn(app, "Quan.Tri");
    expect(res.statusCode).toBe(200);
    const [session, csrf] = res.headers["set-cookie"] as string[];
    expect(session).toMatch(/^troly_admin_session=[\w-]{40,}; Path=\/; HttpOnly; SameSite=Strict; Max-Age=43200$/);
    expect(csrf).toMatch(/^troly_admin_csrf=[\w-]{40,}; Path=\/; SameSite=Strict; Max-Age=43200$/);
    // Stored hashed: the cookie value is not in the database.
    const value = session!.split(";")[0]!.split("=")[1]!;
    expect(t.db.prepare("SELECT COUNT(*) AS n FROM admin_session WHERE id_hash = ?").get(value)).toEqual({ n: 0 });
    expect((await t.stores.audit.list({ limit: 50 })).some((e) => e.action === "login.ok" && e.actorName === "quan.tri")).toBe(true);
  });

  it("logs out: the session no longer works", async () => {
    const s = await signIn(app, "bien.tap", undefined, "10.5.0.1");
    expect((await app.inject({ url: "/admin/api/me", headers: { cookie: s.cookie } })).json()).toMatchObject({ username: "bien.tap", role: "editor" });
    expect((await app.inject({ method: "POST", url: "/admin/api/logout", headers: { cookie: s.cookie, "x-csrf-token": s.csrf }, payload: {} })).statusCode).toBe(200);
    expect((await app.inject({ url: "/admin/api/me", headers: { cookie: s.cookie } })).statusCode).toBe(401);
  });
});

describe("roles and CSRF", () => {
  it("refuses a viewer on a knowledge:draft route with 403 and lets an editor through", async () => {
    const viewer = await signIn(app, "xem.tinh", undefined, "10.6.0.1");
    const denied = await app.inject({ method: "POST", url: "/admin/api/test-draft", headers: { cookie: viewer.cookie, "x-csrf-token": viewer.csrf }, payload: {} });
    expect(denied.statusCode).toBe(403);
    expect(denied.json().messageVi).toMatch(/không có quyền/);
    const editor = await signIn(app, "bien.tap", undefined, "10.6.0.2");
    const ok = await app.inject({ method: "POST", url: "/admin/api/test-draft", headers: { cookie: editor.cookie, "x-csrf-token": editor.csrf }, payload: {} });
    expect(ok.json()).toEqual({ savedBy: "bien.tap" });
  });

  it("refuses a session write without (or with a wrong) X-CSRF-Token with 403; reads need none", async () => {
    const editor = await signIn(app, "bien.tap", undefined, "10.7.0.1");
    for (const headers of [{ cookie: editor.cookie }, { cookie: editor.cookie, "x-csrf-token": "not-the-token" }]) {
      const res = await app.inject({ method: "POST", url: "/admin/api/test-draft", headers, payload: {} });
      expect(res.statusCode).toBe(403);
      expect(res.json().messageVi).toMatch(/chống giả mạo/);
    }
    expect((await app.inject({ url: "/admin/api/me", headers: { cookie: editor.cookie } })).statusCode).toBe(200);
  });

  it("accepts a bearer write without any CSRF token", async () => {
    const res = await app.inject({ method: "POST", url: "/admin/api/test-draft", headers: bearer, payload: {} });
    expect(res.json()).toEqual({ savedBy: "ADMIN_API_TOKEN" });
  });

  it("keeps the bearer failure answer: 401, WWW-Authenticate: Bearer, \"Sai mã quản trị.\"", async () => {
    const res = await app.inject({ url: "/admin/reports", headers: { authorization: "Bearer wrong-token-000000" } });
    expect(res.statusCode).toBe(401);
    expect(res.headers["www-authenticate"]).toMatch(/^Bearer/);
    expect(res.json().messageVi).toBe("Sai mã quản trị.");
  });

  it("keeps xAPI statements for deployment-wide admins only", async () => {
    const viewer = await signIn(app, "xem.tinh", undefined, "10.8.0.1");
    expect((await app.inject({ url: "/xapi/statements", headers: { cookie: viewer.cookie } })).statusCode).toBe(403);
    expect((await app.inject({ url: "/xapi/statements", headers: bearer })).statusCode).toBe(200);
  });
});

describe("report scope", () => {
  const places = (body: { rows: Array<{ provinceCode: string; communeCode: string; level: string }> }) =>
    [...new Set(body.rows.map((r) => `${r.level}:${r.provinceCode}/${r.communeCode}`))].sort();

  it("shows a commune viewer only its own commune and neighbourhoods, never another commune or the province total", async () => {
    const s = await signIn(app, "xem.phucxa", undefined, "10.9.0.1");
    const res = await app.inject({ url: "/admin/reports?quarter=2026-Q4", headers: { cookie: s.cookie } });
    expect(res.statusCode).toBe(200);
    expect(places(res.json())).toEqual(["commune:01/00001", "neighbourhood:01/00001"]);
    const csv = (await app.inject({ url: "/admin/reports?quarter=2026-Q4&format=csv", headers: { cookie: s.cookie } })).body;
    expect(csv).toContain("Phường Phúc Xá");
    expect(csv).not.toContain("Phường Ba Đình");
    expect(csv).not.toContain("Thành phố Hà Nội");
  });

  it("shows a province viewer its province only; a deployment-wide admin sees all", async () => {
    const s = await signIn(app, "xem.tinh", undefined, "10.9.0.2");
    expect(places((await app.inject({ url: "/admin/reports?quarter=2026-Q4", headers: { cookie: s.cookie } })).json())).toEqual([
      "commune:01/00001", "commune:01/00004", "neighbourhood:01/00001", "neighbourhood:01/00004", "province:01/",
    ]);
    const all = places((await app.inject({ url: "/admin/reports?quarter=2026-Q4", headers: bearer })).json());
    expect(all).toContain("commune:79/26734");
  });
});

describe("accounts API, API tokens and the audit log", () => {
  it("lets only admins manage accounts, and audits create, role change and disable with before/after", async () => {
    const editor = await signIn(app, "bien.tap", undefined, "10.10.0.1");
    const denied = await app.inject({ url: "/admin/api/accounts", headers: { cookie: editor.cookie } });
    expect(denied.statusCode).toBe(403);
    const admin = await signIn(app, "quan.tri", undefined, "10.10.0.2");
    const h = { cookie: admin.cookie, "x-csrf-token": admin.csrf };
    const weak = await app.inject({ method: "POST", url: "/admin/api/accounts", headers: h, payload: { username: "moi", role: "viewer", password: "ngan" } });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().messageVi).toMatch(/ít nhất 10 ký tự/);
    const wrongWard = await app.inject({ method: "POST", url: "/admin/api/accounts", headers: h, payload: { username: "nguoi.moi", role: "viewer", provinceCode: "79", communeCode: "00001", password: "mat-khau-moi-12345" } });
    expect(wrongWard.json().messageVi).toMatch(/không thuộc/);
    const created = await app.inject({ method: "POST", url: "/admin/api/accounts", headers: h, payload: { username: "Nguoi.Moi", role: "viewer", provinceCode: "01", communeCode: "00004", password: "mat-khau-moi-12345" } });
    expect(created.statusCode).toBe(201);
    const id = created.json().account.id as string;
    expect(created.json().account).toMatchObject({ username: "nguoi.moi", scope: { provinceCode: "01", communeCode: "00004" } });
    expect(JSON.stringify(created.json())).not.toContain("scrypt");
    const promoted = await app.inject({ method: "PATCH", url: `/admin/api/accounts/${id}`, headers: h, payload: { role: "editor" } });
    expect(promoted.json().account).toMatchObject({ role: "editor", scope: { provinceCode: "01", communeCode: "00004" } });
    const user = await signIn(app, "nguoi.moi", "mat-khau-moi-12345", "10.10.0.3");
    expect(user.res.statusCode).toBe(200);
    await app.inject({ method: "PATCH", url: `/admin/api/accounts/${id}`, headers: h, payload: { disabled: true } });
    // Disabled: its session stops working at once and it cannot sign in again.
    expect((await app.inject({ url: "/admin/api/me", headers: { cookie: user.cookie } })).statusCode).toBe(401);
    expect((await signIn(app, "nguoi.moi", "mat-khau-moi-12345", "10.10.0.4")).res.statusCode).toBe(401);
    const log = await t.stores.audit.list({ limit: 10, target: `account:${id}` });
    expect(log.map((e) => e.action)).toEqual(["login.fail", "account.disable", "login.ok", "account.update", "account.create"]);
    expect(log.find((e) => e.action === "account.update")).toMatchObject({ actorName: "quan.tri", before: expect.stringContaining("viewer"), after: expect.stringContaining("editor") });
    // The audit API and its CSV export (admin only).
    const api = await app.inject({ url: `/admin/api/audit?target=account:${id}`, headers: { cookie: admin.cookie } });
    expect(api.json().entries).toHaveLength(5);
    expect((await app.inject({ url: "/admin/api/audit", headers: { cookie: editor.cookie } })).statusCode).toBe(403);
  });

  it("an admin cannot disable itself", async () => {
    const admin = await signIn(app, "quan.tri", undefined, "10.11.0.1");
    const me = (await app.inject({ url: "/admin/api/me", headers: { cookie: admin.cookie } })).json().id as string;
    const res = await app.inject({ method: "PATCH", url: `/admin/api/accounts/${me}`, headers: { cookie: admin.cookie, "x-csrf-token": admin.csrf }, payload: { disabled: true } });
    expect(res.statusCode).toBe(403);
  });

  it("creates a personal API token shown once and stored only as its SHA-256; it acts as its account until revoked", async () => {
    const editorId = (await t.stores.accounts.findByUsername("bien.tap"))!.id;
    const created = await app.inject({ method: "POST", url: `/admin/api/accounts/${editorId}/tokens`, headers: bearer, payload: { name: "máy nhập dữ liệu" } });
    expect(created.statusCode).toBe(201);
    const { token, info } = created.json() as { token: string; info: { id: string } };
    expect(token).toMatch(/^tls_[\w-]{40,}$/);
    const dump = JSON.stringify(t.db.prepare("SELECT * FROM admin_api_token").all());
    expect(dump).not.toContain(token);
    expect(dump).toContain((await import("node:crypto")).createHash("sha256").update(token).digest("hex"));
    expect(JSON.stringify((await app.inject({ url: `/admin/api/accounts/${editorId}/tokens`, headers: bearer }).then((r) => r.json())))).not.toContain(token);
    // Acts as the editor: may draft (no CSRF needed for a bearer), may not manage accounts.
    const auth = { authorization: `Bearer ${token}` };
    expect((await app.inject({ method: "POST", url: "/admin/api/test-draft", headers: auth, payload: {} })).json()).toEqual({ savedBy: "bien.tap" });
    expect((await app.inject({ url: "/admin/api/accounts", headers: auth })).statusCode).toBe(403);
    expect((await app.inject({ method: "DELETE", url: `/admin/api/accounts/${editorId}/tokens/${info.id}`, headers: bearer })).statusCode).toBe(200);
    const revoked = await app.inject({ method: "POST", url: "/admin/api/test-draft", headers: auth, payload: {} });
    expect(revoked.statusCode).toBe(401);
    expect(revoked.json().messageVi).toBe("Sai mã quản trị.");
    const actions = (await t.stores.audit.list({ limit: 5, target: `account:${editorId}` })).map((e) => e.action);
    expect(actions.slice(0, 2)).toEqual(["token.revoke", "token.create"]);
  });
});

describe("admin area switch", () => {
  it("is off (503) without ADMIN_API_TOKEN and without accounts, and on once an account exists", async () => {
    const bare = await startAdminApp();
    try {
      expect((await bare.app.inject({ url: "/admin/reports" })).statusCode).toBe(503);
      await bare.account("dau.tien", "admin");
      expect((await bare.app.inject({ url: "/admin/reports" })).statusCode).toBe(401);
      const s = await signIn(bare.app, "dau.tien");
      expect((await bare.app.inject({ url: "/admin/reports?quarter=2026-Q4", headers: { cookie: s.cookie } })).statusCode).toBe(200);
    } finally {
      await bare.close();
    }
  });
});
