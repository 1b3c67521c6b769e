import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Fastify, { type FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMemoryAuditLog } from "../../../../src/admin/audit.js";
import type { Principal } from "../../../../src/admin/roles.js";
import type { LearningStore } from "../../../../src/assistant/learning/index.js";
import type { NoticeStore } from "../../../../src/assistant/notices/index.js";
import { createAdminPlugin } from "../../../../src/http/admin/index.js";
import { noticesRoute } from "../../../../src/http/admin/notices-route.js";
import "../../../../src/http/admin/principal.js";
import { openSqlite, type SqliteDatabase } from "../../../../src/storage/sqlite/database.js";
import { createSqliteLearningStore } from "../../../../src/storage/sqlite/learning-store.js";
import { createSqliteNoticeStore } from "../../../../src/storage/sqlite/notice-store.js";
import { PATHS } from "../../../fixtures/learning/lessons.js";

const NOW = new Date("2026-12-02T02:00:00.000Z");
const TOKEN = "admin-token-0123456789";

const principals: Record<string, Principal> = {
  hoankiem: { id: "7", username: "bientap.hoankiem", role: "editor", scope: { provinceCode: "01", communeCode: "01-HOANKIEM" }, via: "token" },
  hanoi: { id: "8", username: "bientap.hanoi", role: "editor", scope: { provinceCode: "01" }, via: "token" },
  wide: { id: "1", username: "quantri", role: "admin", scope: {}, via: "token" },
  viewer: { id: "9", username: "xem.hoankiem", role: "viewer", scope: { provinceCode: "01", communeCode: "01-HOANKIEM" }, via: "token" },
};

const notice = {
  kind: "class",
  title: "Lớp Bình dân học vụ số",
  text: "Thứ Bảy 8:00 tại nhà văn hoá tổ 5. Liên hệ: 024 3825 0000.",
  startsAt: "2026-12-01",
  endsAt: "2026-12-07",
  topics: "basics, vneid",
};

describe("admin API for local notices: scope, validation, end now, audit (real SQLite)", () => {
  let dir: string;
  let db: SqliteDatabase;
  let units: LearningStore;
  let notices: NoticeStore;
  let app: FastifyInstance;
  const audit = createMemoryAuditLog(() => NOW);
  const as = (who: string) => ({ "x-test-principal": who });

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "notices-route-"));
    db = openSqlite(join(dir, "n.sqlite"));
    units = createSqliteLearningStore(db);
    notices = createSqliteNoticeStore(db);
    await units.importUnits([
      { code: "01", name: "Thành phố Hà Nội", level: "province" },
      { code: "79", name: "Thành phố Hồ Chí Minh", level: "province" },
      { code: "01-HOANKIEM", name: "Phường Hoàn Kiếm", level: "commune", parentCode: "01" },
      { code: "01-CUANAM", name: "Phường Cửa Nam", level: "commune", parentCode: "01" },
      { code: "79-BENTHANH", name: "Phường Bến Thành", level: "commune", parentCode: "79" },
    ]);
    app = Fastify();
    // Stands in for the admin gate: the accounts and their scopes are the subject here, not how they signed in.
    app.addHook("onRequest", async (request) => {
      request.principal = principals[String(request.headers["x-test-principal"])];
    });
    noticesRoute(app, { notices, units, audit, clock: () => NOW });
  });
  afterAll(async () => {
    await app.close();
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("a commune editor cannot create a notice for another commune or the whole province (403, Vietnamese)", async () => {
    for (const place of [{ provinceCode: "01", communeCode: "01-CUANAM" }, { provinceCode: "01" }, { provinceCode: "79", communeCode: "79-BENTHANH" }]) {
      const res = await app.inject({ method: "POST", url: "/admin/api/notices", headers: as("hoankiem"), payload: { ...notice, ...place } });
      expect(res.statusCode).toBe(403);
      expect(res.json().messageVi).toBe("Bạn chỉ được đăng và sửa thông báo trong địa bàn của tài khoản mình.");
    }
    expect(await notices.list({}, 10)).toEqual([]);
    expect(audit.entries).toEqual([]);
  });

  it("creates in its own commune (the locality defaults to the account's) and audits it", async () => {
    const res = await app.inject({ method: "POST", url: "/admin/api/notices", headers: as("hoankiem"), payload: notice });
    expect(res.statusCode).toBe(201);
    const created = res.json().notice;
    expect(created).toMatchObject({
      provinceCode: "01",
      communeCode: "01-HOANKIEM",
      placeName: "Phường Hoàn Kiếm",
      status: "current",
      startsAt: "2026-11-30T17:00:00.000Z",
      endsAt: "2026-12-07T17:00:00.000Z",
      topics: ["basics", "vneid"],
      updatedBy: "bientap.hoankiem",
    });
    expect(audit.entries[0]).toMatchObject({ action: "notice.create", target: `notice:${created.id}`, actorName: "bientap.hoankiem" });
  });

  it("a viewer may not write; bad input is refused with the field and a Vietnamese reason", async () => {
    expect((await app.inject({ method: "POST", url: "/admin/api/notices", headers: as("viewer"), payload: notice })).statusCode).toBe(403);
    const long = await app.inject({ method: "POST", url: "/admin/api/notices", headers: as("hoankiem"), payload: { ...notice, text: "x".repeat(501) } });
    expect(long.statusCode).toBe(400);
    expect(long.json().problems).toEqual([{ field: "text", messageVi: "Nội dung dài tối đa 500 ký tự (hiện có 501)." }]);
    const http = await app.inject({ method: "POST", url: "/admin/api/notices", headers: as("hoankiem"), payload: { ...notice, link: "http://hoankiem.vn" } });
    expect(http.json().problems.map((p: { field: string }) => p.field)).toEqual(["link"]);
    const noPlace = await app.inject({ method: "POST", url: "/admin/api/notices", headers: as("wide"), payload: { ...notice, provinceCode: "" } });
    expect(noPlace.json().problems).toEqual([{ field: "provinceCode", messageVi: "Cần chọn tỉnh/thành phố." }]);
    const kind = await app.inject({ method: "POST", url: "/admin/api/notices", headers: as("hoankiem"), payload: { ...notice, kind: "tiec" } });
    expect(kind.statusCode).toBe(400);
    const unknown = await app.inject({ method: "POST", url: "/admin/api/notices", headers: as("hanoi"), payload: { ...notice, provinceCode: "01", communeCode: "79-BENTHANH" } });
    expect(unknown.json().problems.map((p: { field: string }) => p.field)).toEqual(["communeCode"]);
  });

  it("a commune editor cannot see, edit or end another commune's notice; a province editor can", async () => {
    const other = await app.inject({ method: "POST", url: "/admin/api/notices", headers: as("hanoi"), payload: { ...notice, provinceCode: "01", communeCode: "01-CUANAM", title: "Của Cửa Nam" } });
    expect(other.statusCode).toBe(201);
    const id = other.json().notice.id;
    const list = (await app.inject({ url: "/admin/api/notices", headers: as("hoankiem") })).json();
    expect(list.notices.map((n: { title: string }) => n.title)).toEqual(["Lớp Bình dân học vụ số"]);
    expect((await app.inject({ url: "/admin/api/notices", headers: as("hanoi") })).json().notices).toHaveLength(2);
    const put = await app.inject({ method: "PUT", url: `/admin/api/notices/${id}`, headers: as("hoankiem"), payload: notice });
    expect(put.statusCode).toBe(403);
    expect(put.json().messageVi).toContain("thuộc địa bàn khác");
    expect((await app.inject({ method: "DELETE", url: `/admin/api/notices/${id}`, headers: as("hoankiem") })).statusCode).toBe(403);
    expect((await app.inject({ method: "DELETE", url: "/admin/api/notices/99999", headers: as("hanoi") })).statusCode).toBe(404);
    const edited = await app.inject({ method: "PUT", url: `/admin/api/notices/${id}`, headers: as("hanoi"), payload: { ...notice, provinceCode: "01", communeCode: "01-CUANAM", title: "Sửa" } });
    expect(edited.json().notice).toMatchObject({ id, title: "Sửa" });
    expect(audit.entries[0]).toMatchObject({ action: "notice.update", target: `notice:${id}` });
    expect(audit.entries[0]?.before).toContain("Của Cửa Nam");
    expect(audit.entries[0]?.after).toContain("Sửa");
  });

  it("DELETE ends a notice now: it stays listed as ended and learners no longer get it; audited", async () => {
    const [mine] = await notices.list({ provinceCode: "01", communeCode: "01-HOANKIEM" }, 1);
    expect(await notices.current({ provinceCode: "01", communeCode: "01-HOANKIEM" }, NOW)).toHaveLength(1);
    const res = await app.inject({ method: "DELETE", url: `/admin/api/notices/${mine!.id}`, headers: as("hoankiem") });
    expect(res.json().notice).toMatchObject({ status: "ended", endsAt: NOW.toISOString() });
    expect(await notices.current({ provinceCode: "01", communeCode: "01-HOANKIEM" }, NOW)).toEqual([]);
    expect(audit.entries[0]).toMatchObject({ action: "notice.end", target: `notice:${mine!.id}` });
    const places = (await app.inject({ url: "/admin/api/notices/places?province=79", headers: as("hoankiem") })).json();
    expect(places).toMatchObject({ provinces: [{ code: "01" }], communes: [{ code: "01-HOANKIEM", name: "Phường Hoàn Kiếm" }] });
  });

  it("is wired into the admin plugin: page shell with the admin CSP, its script, and the API behind the gate", async () => {
    const admin = Fastify();
    await admin.register(createAdminPlugin({ store: units, paths: PATHS, apiToken: TOKEN, homePage: "https://troly.so", notices, audit, clock: () => NOW }));
    const page = await admin.inject({ url: "/admin/notices" });
    expect(page.statusCode).toBe(200);
    expect(page.headers["content-security-policy"]).toContain("script-src 'self'");
    expect(page.body).toContain('<script src="/admin/assets/notices.js" defer></script>');
    expect((await admin.inject({ url: "/admin/assets/notices.js" })).statusCode).toBe(200);
    expect((await admin.inject({ url: "/admin/api/notices" })).statusCode).toBe(401);
    const list = await admin.inject({ url: "/admin/api/notices", headers: { authorization: `Bearer ${TOKEN}` } });
    expect(list.json().notices.length).toBeGreaterThanOrEqual(2);
    await admin.close();
  });
});
