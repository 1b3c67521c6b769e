import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { FastifyInstance } from "fastify";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Reply } from "../../../src/assistant/index.js";
import { composeApp, type App } from "../../../src/compose.js";
import { loadConfig } from "../../../src/config.js";
import { writeMiniKnowledge } from "../retrieval/mini-knowledge.js";

const TOKEN = "admin-token-0123456789";
const root = mkdtempSync(join(tmpdir(), "troly-curated-"));
let app: App;
let http: FastifyInstance;

beforeAll(async () => {
  const knowledgeDir = join(root, "knowledge");
  writeMiniKnowledge(knowledgeDir);
  for (const folder of ["paths", "units"]) cpSync(resolve("knowledge", folder), join(knowledgeDir, folder), { recursive: true });
  app = await composeApp(
    loadConfig({ DATA_DIR: join(root, "data"), KNOWLEDGE_DIR: knowledgeDir, LOG_LEVEL: "silent", ADMIN_API_TOKEN: TOKEN }),
    pino({ level: "silent" }),
  );
  http = await app.buildHttp();
});
afterAll(async () => {
  await http?.close();
  await app?.close();
  rmSync(root, { recursive: true, force: true });
});

const admin = (method: "GET" | "POST" | "PUT" | "DELETE", url: string, payload?: object) =>
  http.inject({ method, url, headers: { authorization: `Bearer ${TOKEN}` }, ...(payload ? { payload } : {}) });
let asker = 0;
/** Each question from a new learner, so no earlier turn colours it. */
const ask = (text: string) => app.assistant.handle({ channel: "web", userId: `curated-${++asker}`, text });
const CURATED = {
  question: "Mã OTP là gì?",
  alternatives: ["otp nghĩa là gì"],
  sourceTitle: "Ngân hàng Nhà nước Việt Nam",
  sourceUrl: "https://sbv.gov.vn",
};

describe("curated answers in the composed app (real retriever, SQLite)", () => {
  let id: number;

  it("leaves retrieval in charge while the curated answer is only a draft", async () => {
    const before = await ask("Mã OTP là gì?");
    expect(before.kind).toBe("answer");
    expect(before.sources[0]?.id).toBe("safety-otp");
    const created = await admin("POST", "/admin/api/curated", { ...CURATED, answer: "Bản duyệt 1: OTP là mã dùng một lần, chỉ mình bạn được biết." });
    id = created.json().id;
    expect((await ask("Mã OTP là gì?")).sources[0]?.id).toBe("safety-otp");
  });

  it("answers a close question with the published curated answer first, cited, and counts the hit", async () => {
    expect((await admin("POST", `/admin/api/curated/${id}/publish`)).statusCode).toBe(200);
    const reply = await ask("ma otp la gi vay");
    expect(reply.kind).toBe("answer");
    expect(reply.text).toMatch(/^Bản duyệt 1: OTP là mã dùng một lần/);
    expect(reply.text).toMatch(/\n\nNguồn: Ngân hàng Nhà nước Việt Nam – Câu trả lời đã được cán bộ duyệt \(cập nhật \d\d\/\d\d\/\d{4}\)$/);
    expect(reply.sources).toEqual([expect.objectContaining({ id: `curated:${id}`, url: "https://sbv.gov.vn" })]);
    expect((await ask("OTP nghĩa là gì ạ")).sources[0]?.id).toBe(`curated:${id}`);
    expect((await ask("/hoi mã OTP là gì")).sources[0]?.id).toBe(`curated:${id}`);
    expect((await admin("GET", `/admin/api/curated/${id}`)).json().hits).toBe(3);
  });

  it("does not answer a different question from the same lesson with it", async () => {
    const far = await ask("Đặt mật khẩu thế nào cho an toàn?");
    expect(far.sources[0]?.id).not.toBe(`curated:${id}`);
    expect(far.text).not.toMatch(/Bản duyệt/);
  });

  it("serves each new version at once, rolls back to an old one, and stops when retired", async () => {
    await admin("PUT", `/admin/api/curated/${id}`, { ...CURATED, answer: "Bản duyệt 2: OTP là mật khẩu dùng một lần." });
    expect((await ask("Mã OTP là gì?")).text).toMatch(/^Bản duyệt 1/);
    await admin("POST", `/admin/api/curated/${id}/publish`);
    expect((await ask("Mã OTP là gì?")).text).toMatch(/^Bản duyệt 2/);
    expect((await admin("POST", `/admin/api/curated/${id}/rollback`, { version: 1 })).statusCode).toBe(200);
    expect((await ask("Mã OTP là gì?")).text).toMatch(/^Bản duyệt 1/);
    await admin("DELETE", `/admin/api/curated/${id}`);
    expect((await ask("Mã OTP là gì?")).sources[0]?.id).toBe("safety-otp");
  });
});

describe("👎 lands in the unanswered inbox", () => {
  const downOf = (r: Reply) => r.buttons?.find((b) => b.action.startsWith("fb:down:"))?.action ?? "";

  it("groups a Telegram 👎 with a similar web 👎, with the answer that was given", async () => {
    // What the Telegram channel hands the core for a private text message and then for a callback query.
    const tg = await app.assistant.handle({ channel: "telegram", userId: "42", chatId: "42", text: "Điện thoại không cài được VNeID, số 0912345678" });
    expect(tg.kind).toBe("answer");
    const tgThanks = await app.assistant.handle({ channel: "telegram", userId: "42", chatId: "42", action: downOf(tg) });
    expect(tgThanks.text).toMatch(/^Cảm ơn bạn/);

    const web = await http.inject({ method: "POST", url: "/api/chat", payload: { userId: "web-7", text: "điện thoại tôi không cài được vneid" } });
    const webThanks = await http.inject({ method: "POST", url: "/api/chat", payload: { userId: "web-7", action: downOf(web.json()) } });
    expect(webThanks.json().text).toMatch(/^Cảm ơn bạn/);

    const groups = (await admin("GET", "/admin/api/unanswered")).json().groups as Array<{ texts: string[]; reasons: Record<string, number>; answers: Array<{ ref: string }> }>;
    const group = groups.find((g) => g.texts.some((t) => /không cài được vneid/i.test(t)));
    expect(group?.texts).toHaveLength(2);
    expect(group?.reasons.not_helpful).toBe(2);
    expect(group?.answers.map((a) => a.ref)).toEqual(["vneid-cai-dat#dien-thoai-khong-cai-duoc-vneid"]);
    expect(JSON.stringify(groups)).not.toContain("0912345678");
  });
});
