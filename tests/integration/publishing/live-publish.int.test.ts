import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Reply } from "../../../src/assistant/index.js";
import { listLessonFiles } from "../../../src/curriculum/index.js";
import { composeApp, type App } from "../../../src/compose.js";
import { loadConfig } from "../../../src/config.js";

/**
 * Issue 13 through the admin API on the real knowledge base: publish, live swap under concurrent questions, history,
 * rollback, retire. The database (SQLite here) is the source of truth, seeded from knowledge/ on first start.
 */
const TOKEN = "admin-token-0123456789";
const root = mkdtempSync(join(tmpdir(), "troly-publish-"));
let app: App;
let http: FastifyInstance;

beforeAll(async () => {
  app = await composeApp(loadConfig({ DATA_DIR: join(root, "data"), LOG_LEVEL: "silent", ADMIN_API_TOKEN: TOKEN }), pino({ level: "silent" }));
  http = await app.buildHttp();
}, 180_000);
afterAll(async () => {
  await http?.close();
  await app?.close();
  rmSync(root, { recursive: true, force: true });
});

const admin = (method: "GET" | "POST" | "PUT" | "DELETE", url: string, payload?: object) =>
  http.inject({ method, url, headers: { authorization: `Bearer ${TOKEN}` }, ...(payload ? { payload } : {}) });
let asker = 0;
const ask = (text: string): Promise<Reply> => app.assistant.handle({ channel: "web", userId: `publish-${++asker}`, text });

const ID = "basics-lop-hoc-nha-van-hoa";
const QUESTION = "Lớp học kỹ năng số ở nhà văn hoá thôn mở vào buổi nào?";

/** A small valid lesson about a subject no other lesson covers, with `lead` as its one section's opening. */
function lesson(lead: string, extraFrontMatter = ""): string {
  const quiz = [1, 2, 3, 4, 5]
    .map((i) => `  - question: Câu hỏi ôn tập số ${i} về lớp học?\n    options: [Buổi tối, Buổi sáng, Không có lớp]\n    answer: 0\n    explanation: Lớp học mở vào buổi tối.`)
    .join("\n");
  return `---
id: ${ID}
title: Lớp học kỹ năng số ở nhà văn hoá thôn
topic: basics
audience: [citizen, elderly]
skill:
  framework: "3139"
  area: Khai thác dữ liệu và thông tin
  code_confirmed: false
sources:
  - url: https://binhdanhocvuso.gov.vn
    title: Bình dân học vụ số
    checked: 2026-11-20
updated: 2026-11-20${extraFrontMatter}
quiz:
${quiz}
---

Bài này nói về lớp học kỹ năng số ở nhà văn hoá thôn.

## Lớp học kỹ năng số ở nhà văn hoá thôn mở khi nào?

${lead}

1. Hỏi trưởng thôn lịch học tuần này.
2. Mang theo điện thoại đã sạc pin.

<!-- questions
- lớp học kỹ năng số ở nhà văn hoá mở lúc nào
- lop hoc ky nang so o nha van hoa mo luc nao
- học máy tính điện thoại ở nhà văn hoá thôn vào buổi nào
- nhà văn hoá có lớp dạy dùng điện thoại không
-->
`;
}

describe("publishing lessons live (real knowledge base, SQLite)", () => {
  it("seeds the database from knowledge/ and lists every lesson", async () => {
    const res = await admin("GET", "/admin/api/lessons");
    expect(res.statusCode).toBe(200);
    const items = res.json().items as Array<{ id: string; status: string; liveVersion: number }>;
    expect(items).toHaveLength(listLessonFiles("knowledge").length);
    expect(items.every((l) => l.status === "published" && l.liveVersion === 1)).toBe(true);
  });

  it("keeps a draft out of answers, shows its problems in Vietnamese, and refuses to publish a broken one", async () => {
    const broken = lesson("Lớp mở vào tối thứ Bảy hằng tuần.").replace("topic: basics", "topic: khong-co");
    const saved = await admin("PUT", `/admin/api/lessons/${ID}`, { markdown: broken });
    expect(saved.statusCode).toBe(200);
    expect(saved.json().saved).toBe(true);
    expect(saved.json().problems.length).toBeGreaterThan(0);
    expect(saved.json().problems[0].messageVi).toMatch(/[ạ-ỹ]/u);
    const refused = await admin("POST", `/admin/api/lessons/${ID}/publish`);
    expect(refused.statusCode).toBe(422);
    expect((await ask(QUESTION)).sources.map((s) => s.id)).not.toContain(ID);
  });

  it("publishes: the next question gets the new lesson, and questions asked during the swap never fail", async () => {
    expect((await admin("PUT", `/admin/api/lessons/${ID}`, { markdown: lesson("Lớp mở vào tối thứ Bảy hằng tuần, từ 19 giờ.") })).json().problems).toEqual([]);
    const during = Array.from({ length: 40 }, (_, i) => ask(i % 2 ? QUESTION : "cài vneid thế nào"));
    const published = await admin("POST", `/admin/api/lessons/${ID}/publish`);
    expect(published.statusCode).toBe(200);
    expect(published.json().version).toBe(1);
    for (const reply of await Promise.all(during)) {
      expect(reply.kind).not.toBe("error");
      expect(reply.text.trim()).not.toBe("");
    }
    const after = await ask(QUESTION);
    expect(after.sources[0]?.id).toBe(ID);
    expect(after.text).toContain("tối thứ Bảy");
  }, 120_000);

  it("keeps every publish as a version, diffs two of them, and rolls back to the old text", async () => {
    await admin("PUT", `/admin/api/lessons/${ID}`, { markdown: lesson("Từ tháng 12, lớp chuyển sang sáng Chủ nhật.") });
    expect((await admin("POST", `/admin/api/lessons/${ID}/publish`)).json().version).toBe(2);
    expect((await ask(QUESTION)).text).toContain("sáng Chủ nhật");

    const versions = (await admin("GET", `/admin/api/lessons/${ID}/versions`)).json().items as Array<{ version: number; author: string }>;
    expect(versions.map((v) => v.version)).toEqual([2, 1]);
    expect(versions[0]?.author).toBe("ADMIN_API_TOKEN");
    const diff = (await admin("GET", `/admin/api/lessons/${ID}/diff?from=1&to=2`)).json().diff as string;
    expect(diff).toContain("-Lớp mở vào tối thứ Bảy");
    expect(diff).toContain("+Từ tháng 12");

    const rolled = await admin("POST", `/admin/api/lessons/${ID}/rollback`, { version: 1 });
    expect(rolled.statusCode).toBe(200);
    expect(rolled.json().version).toBe(3);
    const back = await ask(QUESTION);
    expect(back.text).toContain("tối thứ Bảy");
    expect(back.text).not.toContain("sáng Chủ nhật");
  }, 60_000);

  it("does not serve a lesson before its effective_from, and stops serving a retired one", async () => {
    await admin("PUT", `/admin/api/lessons/${ID}`, { markdown: lesson("Lớp mới mở vào tối thứ Năm.", "\neffective_from: 2099-01-01") });
    expect((await admin("POST", `/admin/api/lessons/${ID}/publish`)).statusCode).toBe(200);
    const listed = ((await admin("GET", "/admin/api/lessons")).json().items as Array<{ id: string; status: string }>).find((l) => l.id === ID);
    expect(listed?.status).toBe("scheduled");
    expect((await ask(QUESTION)).sources.map((s) => s.id)).not.toContain(ID);

    await admin("POST", `/admin/api/lessons/${ID}/rollback`, { version: 1 });
    expect((await ask(QUESTION)).sources[0]?.id).toBe(ID);
    expect((await admin("POST", `/admin/api/lessons/${ID}/retire`)).statusCode).toBe(200);
    expect((await ask(QUESTION)).sources.map((s) => s.id)).not.toContain(ID);
  }, 60_000);

  it("lets an editor draft but not publish, a viewer neither, and a commune-scoped editor not touch lessons", async () => {
    const tokenFor = async (username: string, role: string, scope: object = {}) => {
      const created = await admin("POST", "/admin/api/accounts", { username, role, password: "mat-khau-rat-dai-123", ...scope });
      expect(created.statusCode).toBe(201);
      const token = await admin("POST", `/admin/api/accounts/${created.json().account.id}/tokens`, { name: "kiểm thử" });
      return token.json().token as string;
    };
    const as = (token: string, method: "PUT" | "POST", url: string, payload?: object) =>
      http.inject({ method, url, headers: { authorization: `Bearer ${token}` }, ...(payload ? { payload } : {}) });
    const editor = await tokenFor("bien.tap", "editor");
    const viewer = await tokenFor("chi.xem", "viewer");
    const communeEditor = await tokenFor("bien.tap.phuong", "editor", { provinceCode: "01", communeCode: "01-HOANKIEM" });
    const markdown = lesson("Lớp mở vào tối thứ Sáu.");

    expect((await as(editor, "PUT", `/admin/api/lessons/${ID}`, { markdown })).statusCode).toBe(200);
    const refused = await as(editor, "POST", `/admin/api/lessons/${ID}/publish`);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().messageVi).toContain("không có quyền");
    expect((await as(viewer, "PUT", `/admin/api/lessons/${ID}`, { markdown })).statusCode).toBe(403);
    expect((await as(communeEditor, "PUT", `/admin/api/lessons/${ID}`, { markdown })).statusCode).toBe(403);
    const versions = (await admin("GET", `/admin/api/lessons/${ID}/versions`)).json().items as Array<{ version: number }>;
    expect(versions[0]?.version).toBe(5); // nothing the refused calls did was published
  });

  it("answers unknown lessons and bad bodies with a clear Vietnamese message", async () => {
    const missing = await admin("GET", "/admin/api/lessons/khong-co-bai-nay");
    expect(missing.statusCode).toBe(404);
    expect(missing.json().messageVi).toContain("Không có bài");
    const noBody = await admin("PUT", `/admin/api/lessons/${ID}`, { text: "x" });
    expect(noBody.statusCode).toBe(400);
    const badId = await admin("PUT", "/admin/api/lessons/Bai%20Moi", { markdown: "x" });
    expect(badId.statusCode).toBe(422);
    expect((await http.inject({ method: "GET", url: "/admin/api/lessons" })).statusCode).toBe(401);
  });
});
