import Fastify, { type FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMemoryAuditLog } from "../../../src/admin/audit.js";
import { createCuratedAdmin } from "../../../src/admin/curated-admin.js";
import type { Principal } from "../../../src/admin/roles.js";
import { createCuratedCatalog } from "../../../src/assistant/index.js";
import { createInboxAdmin } from "../../../src/admin/inbox-admin.js";
import { curatedRoutes } from "../../../src/http/admin/curated-routes.js";
import { inboxRoutes } from "../../../src/http/admin/inbox-routes.js";
import { createAdminPlugin } from "../../../src/http/admin/index.js";
import { installErrorHandler } from "../../../src/http/error-handler.js";
import { openSqlite } from "../../../src/storage/sqlite/database.js";
import { createSqliteCuratedStore } from "../../../src/storage/sqlite/curated-store.js";
import { createSqliteFeedbackLog } from "../../../src/storage/sqlite/feedback-log.js";
import { createSqliteInboxDecisions } from "../../../src/storage/sqlite/inbox-decisions.js";
import { createSqliteLearningStore } from "../../../src/storage/sqlite/learning-store.js";
import { createSqliteUnansweredLog } from "../../../src/storage/sqlite/unanswered-log.js";
import { PATHS } from "../../fixtures/learning/lessons.js";

const TOKEN = "admin-token-0123456789";
const auth = { authorization: `Bearer ${TOKEN}` };
const SOURCE = { sourceTitle: "Cổng Dịch vụ công quốc gia", sourceUrl: "https://dichvucong.gov.vn" };

const db = openSqlite(":memory:");
const store = createSqliteCuratedStore(db);
const unanswered = createSqliteUnansweredLog(db);
const feedback = createSqliteFeedbackLog(db);
const audit = createMemoryAuditLog();
let invalidated = 0;
let app: FastifyInstance;

beforeAll(async () => {
  app = Fastify();
  installErrorHandler(app);
  await app.register(
    createAdminPlugin({
      store: createSqliteLearningStore(openSqlite(":memory:")),
      paths: PATHS,
      apiToken: TOKEN,
      homePage: "https://troly.so",
      audit,
      curated: {
        store,
        catalog: { invalidate: () => void (invalidated += 1) },
        inbox: { unanswered, feedback, decisions: createSqliteInboxDecisions(db) },
      },
    }),
  );
});
afterAll(async () => {
  await app.close();
});

const api = (method: "GET" | "POST" | "PUT" | "DELETE", url: string, payload?: unknown) =>
  app.inject({ method, url, headers: auth, ...(payload !== undefined ? { payload: payload as object } : {}) });

describe("curated answers API (/admin/api/curated)", () => {
  it("drafts, refuses to publish without a source (in Vietnamese), publishes, versions, rolls back and retires", async () => {
    const created = await api("POST", "/admin/api/curated", { question: "Cách đổi mật khẩu Zalo", alternatives: ["quên mật khẩu zalo"], answer: "Bản 1" });
    expect(created.statusCode).toBe(201);
    const id = created.json().id as number;
    expect(created.json()).toMatchObject({ status: "draft", draft: { alternatives: ["quên mật khẩu zalo"] } });

    const refused = await api("POST", `/admin/api/curated/${id}/publish`);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().problems.map((p: { field: string }) => p.field)).toEqual(["sourceTitle", "sourceUrl"]);
    expect(refused.json().messageVi).toMatch(/nguồn chính thức/);

    expect((await api("PUT", `/admin/api/curated/${id}`, { question: "Cách đổi mật khẩu Zalo", answer: "Bản 1", ...SOURCE })).statusCode).toBe(200);
    const v1 = await api("POST", `/admin/api/curated/${id}/publish`);
    expect(v1.json()).toMatchObject({ status: "published", published: { version: 1, answer: "Bản 1" } });
    await api("PUT", `/admin/api/curated/${id}`, { question: "Cách đổi mật khẩu Zalo", answer: "Bản 2", ...SOURCE });
    expect((await api("GET", `/admin/api/curated/${id}`)).json()).toMatchObject({ hasDraft: true, published: { answer: "Bản 1" } });
    await api("POST", `/admin/api/curated/${id}/publish`);
    expect((await api("GET", `/admin/api/curated/${id}/versions`)).json().versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);

    const back = await api("POST", `/admin/api/curated/${id}/rollback`, { version: 1 });
    expect(back.json()).toMatchObject({ published: { version: 3, answer: "Bản 1" } });
    expect((await api("POST", `/admin/api/curated/${id}/rollback`, { version: 42 })).statusCode).toBe(404);
    expect((await api("POST", `/admin/api/curated/${id}/rollback`, {})).statusCode).toBe(400);

    expect((await api("DELETE", `/admin/api/curated/${id}`)).json().status).toBe("retired");
    expect((await api("GET", "/admin/api/curated")).json().items.map((a: { id: number }) => a.id)).not.toContain(id);
    expect(invalidated).toBe(4);
    expect(audit.entries.filter((e) => e.target === `curated:${id}`).map((e) => e.action).reverse()).toEqual([
      "curated.create", "curated.draft", "curated.publish", "curated.draft", "curated.publish", "curated.rollback", "curated.retire",
    ]);
    expect(audit.entries.find((e) => e.action === "curated.rollback")).toMatchObject({ before: "published v2", after: "published v3", actorName: "ADMIN_API_TOKEN" });
  });

  it("rejects an answer that tells people to share a code, and an unknown id", async () => {
    const bad = await api("POST", "/admin/api/curated", { question: "Nhận mã OTP thì làm gì", answer: "Hãy đọc mã OTP cho nhân viên ngân hàng khi họ gọi.", ...SOURCE });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().problems[0]).toMatchObject({ field: "answer" });
    expect((await api("GET", "/admin/api/curated/999999")).statusCode).toBe(404);
    expect((await api("PUT", "/admin/api/curated/abc", {})).statusCode).toBe(404);
  });

  it("exports CSV that imports back unchanged, and reports added, changed and rejected rows", async () => {
    await api("POST", "/admin/api/curated", { question: "=Câu bắt đầu bằng dấu bằng", answer: "Trả lời, có dấu phẩy\nvà xuống dòng \"trích\"", ...SOURCE });
    const csv = await api("GET", "/admin/api/curated.csv");
    expect(csv.headers["content-type"]).toMatch(/text\/csv/);
    expect(csv.body).toContain("'=Câu bắt đầu bằng dấu bằng");
    const same = await api("POST", "/admin/api/curated/import", { csv: csv.body });
    expect(same.json()).toMatchObject({ added: [], changed: [], rejected: [] });
    expect(same.json().unchanged).toBeGreaterThanOrEqual(1);

    const lines = [
      "id,question,alternatives,answer,source_title,source_url",
      ",Đăng ký tạm trú online,tạm trú trên vneid | dang ky tam tru,Vào VNeID > Thủ tục hành chính.,Bộ Công an,https://vneid.gov.vn",
      ",,,Không có câu hỏi,,",
      "999999,Câu không có,,x,,",
      ",Nguồn sai,,Trả lời,Nguồn,javascript:alert(1)",
    ];
    const report = (await api("POST", "/admin/api/curated/import", { csv: lines.join("\n") })).json();
    expect(report.added).toHaveLength(1);
    expect(report.rejected.map((r: { line: number }) => r.line)).toEqual([3, 4, 5]);
    expect(report.rejected[0].reason).toMatch(/Cần nhập câu hỏi/);
    expect(report.rejected[1].reason).toMatch(/Không có câu trả lời số 999999/);
    expect(report.rejected[2].reason).toMatch(/https:\/\//);
    const added = (await api("GET", `/admin/api/curated/${report.added[0].id}`)).json();
    expect(added.draft.alternatives).toEqual(["tạm trú trên vneid", "dang ky tam tru"]);
  });
});

describe("unanswered inbox API (/admin/api/unanswered)", () => {
  it("groups refused, unsure and 👎 questions and turns a group into a prefilled draft", async () => {
    await unanswered.record("đăng ký xe máy online như thế nào", "low_confidence");
    await unanswered.record("đăng ký xe máy online như thế nào", "low_confidence");
    await feedback.record({ text: "cách đăng ký xe máy online", answerRef: "dvc#nop-ho-so", vote: "down" });
    await unanswered.record("giá vàng hôm nay", "out_of_scope");
    const groups = (await api("GET", "/admin/api/unanswered")).json().groups;
    expect(groups[0]).toMatchObject({ key: "đăng ký xe máy online như thế nào", total: 3, reasons: { low_confidence: 2, not_helpful: 1 }, answers: [{ ref: "dvc#nop-ho-so", count: 1 }] });

    const made = await api("POST", "/admin/api/unanswered/actions", { texts: groups[0].texts, action: "curated" });
    const draft = (await api("GET", `/admin/api/curated/${made.json().curatedId}`)).json();
    expect(draft).toMatchObject({ status: "draft", draft: { question: "đăng ký xe máy online như thế nào", alternatives: ["cách đăng ký xe máy online"] } });

    await api("POST", "/admin/api/unanswered/actions", { texts: ["giá vàng hôm nay"], action: "out_of_scope" });
    expect((await api("GET", "/admin/api/unanswered")).json().groups).toEqual([]);
    const decided = (await api("GET", "/admin/api/unanswered/decided")).json().decisions;
    expect(decided.map((d: { decision: string }) => d.decision).sort()).toEqual(["curated", "curated", "out_of_scope"]);
    expect(audit.entries.map((e) => e.action)).toEqual(expect.arrayContaining(["inbox.curated", "inbox.out_of_scope"]));
    expect((await api("POST", "/admin/api/unanswered/actions", { texts: [], action: "needs_section" })).statusCode).toBe(400);
  });

  it("serves the two pages as public shells with the admin CSP", async () => {
    for (const url of ["/admin/curated", "/admin/inbox"]) {
      const res = await app.inject({ url });
      expect(res.statusCode).toBe(200);
      expect(String(res.headers["content-security-policy"])).toContain("frame-ancestors 'none'");
    }
    expect((await app.inject({ url: "/admin/assets/curated.js" })).statusCode).toBe(200);
    expect((await app.inject({ url: "/admin/api/unanswered" })).statusCode).toBe(401);
  });
});

describe("permissions", () => {
  it("a viewer gets 403 on every curated write and on the inbox; an editor drafts but cannot publish", async () => {
    for (const role of ["viewer", "editor"] as const) {
      const who: Principal = { id: "1", username: role, role, scope: {}, via: "session" };
      const scoped = Fastify();
      scoped.addHook("onRequest", async (request) => {
        request.principal = who;
      });
      const curated = createCuratedAdmin({ store, catalog: createCuratedCatalog(store), audit: createMemoryAuditLog() });
      curatedRoutes(scoped, curated);
      inboxRoutes(scoped, createInboxAdmin({ unanswered, feedback, decisions: createSqliteInboxDecisions(db), curated, audit: createMemoryAuditLog() }));
      const send = (method: "POST" | "PUT" | "DELETE", url: string, payload?: object) => scoped.inject({ method, url, ...(payload ? { payload } : {}) });
      const existing = (await store.list())[0]?.id ?? 1;
      const created = await send("POST", "/admin/api/curated", { question: "Câu hỏi mới của " + role });
      const publish = await send("POST", `/admin/api/curated/${existing}/publish`);
      const rollback = await send("POST", `/admin/api/curated/${existing}/rollback`, { version: 1 });
      const retire = await send("DELETE", `/admin/api/curated/${existing}`);
      const importPublish = await send("POST", "/admin/api/curated/import", { csv: "question,answer\nx y,z", publish: true });
      if (role === "viewer") {
        for (const res of [created, publish, rollback, retire, importPublish, await send("PUT", `/admin/api/curated/${existing}`, { question: "x" })]) {
          expect(res.statusCode).toBe(403);
          expect(res.json().messageVi).toMatch(/không có quyền/);
        }
        expect((await scoped.inject({ url: "/admin/api/unanswered" })).statusCode).toBe(403);
        expect((await send("POST", "/admin/api/unanswered/actions", { texts: ["x"], action: "out_of_scope" })).statusCode).toBe(403);
      } else {
        expect(created.statusCode).toBe(201);
        expect([publish.statusCode, rollback.statusCode, retire.statusCode, importPublish.statusCode]).toEqual([403, 403, 403, 403]);
        expect((await scoped.inject({ url: "/admin/api/unanswered" })).statusCode).toBe(200);
      }
      await scoped.close();
    }
  });
});
