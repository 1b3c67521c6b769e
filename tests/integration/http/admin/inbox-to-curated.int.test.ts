import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { FastifyInstance } from "fastify";
import { pino } from "pino";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { composeApp, type App } from "../../../../src/compose.js";
import { loadConfig } from "../../../../src/config.js";
import { CHROMIUM_ARGS, REPLY_WAIT, waitForReply } from "../../../fixtures/web/chat-page.js";
import { writeMiniKnowledge } from "../../retrieval/mini-knowledge.js";

const executablePath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const haveChromium = existsSync(executablePath);
if (!haveChromium && process.env.CI === "true") throw new Error(`Chromium not found at ${executablePath}: CI must run the admin browser tests`);

const TOKEN = "admin-token-0123456789";
const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

/** axe-core's WCAG 2.x A/AA violations on the page, as "rule: target" lines (the context bypasses the CSP for it). */
async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: axeSource });
  const result = (await page.evaluate(
    "axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] }, resultTypes: ['violations'] })",
  )) as { violations: Array<{ id: string; nodes: Array<{ target: string[] }> }> };
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}
const root = mkdtempSync(join(tmpdir(), "troly-inbox-ui-"));
let app: App;
let server: FastifyInstance;
let browser: Browser;
let baseUrl: string;

describe.skipIf(!haveChromium)("unanswered inbox → curated answer → chat, in headless Chromium", () => {
  beforeAll(async () => {
    const knowledgeDir = join(root, "knowledge");
    writeMiniKnowledge(knowledgeDir);
    for (const folder of ["paths", "units"]) cpSync(resolve("knowledge", folder), join(knowledgeDir, folder), { recursive: true });
    app = await composeApp(
      loadConfig({ DATA_DIR: join(root, "data"), KNOWLEDGE_DIR: knowledgeDir, LOG_LEVEL: "silent", ADMIN_API_TOKEN: TOKEN }),
      pino({ level: "silent" }),
    );
    server = await app.buildHttp();
    await server.listen({ host: "127.0.0.1", port: 0 });
    baseUrl = `http://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
    browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await app?.close();
    rmSync(root, { recursive: true, force: true });
  });

  it("turns the most asked unanswered group into a draft, publishes it, and the chat answers with it", async () => {
    // Citizens ask something the knowledge base does not cover (refused, so it lands in the inbox).
    for (const [i, text] of ["Làm sao gia hạn bằng lái xe máy?", "làm sao gia hạn bằng lái xe máy", "gia hạn bằng lái xe máy online"].entries()) {
      const reply = await app.assistant.handle({ channel: "web", userId: `citizen-${i}`, text });
      expect(reply.kind).toBe("refusal");
    }

    const admin = await (await browser.newContext({ bypassCSP: true })).newPage();
    // The page's own way in without a session: a token pasted once, kept in sessionStorage (admin.js).
    await admin.addInitScript((token) => {
      (globalThis as unknown as { sessionStorage: { setItem(k: string, v: string): void } }).sessionStorage.setItem("adminToken", token);
    }, TOKEN);
    await admin.goto(`${baseUrl}/admin/inbox`);
    const group = admin.locator("section.group").first();
    await group.waitFor(REPLY_WAIT);
    expect(await group.locator("h2").textContent()).toContain("làm sao gia hạn bằng lái xe máy");
    expect(await group.textContent()).toContain("Chưa chắc chắn: 3");
    expect(await admin.locator('a[href="/admin/lessons/new"]').first().textContent()).toBe("Soạn bài mới");

    expect(await axeViolations(admin)).toEqual([]);

    await group.getByRole("button", { name: "Tạo câu trả lời" }).click();
    await admin.waitForURL(/\/admin\/curated\?id=\d+$/, REPLY_WAIT);
    await expect.poll(() => admin.inputValue("#question"), REPLY_WAIT).toBe("làm sao gia hạn bằng lái xe máy");
    expect(await admin.inputValue("#alternatives")).toBe("gia hạn bằng lái xe máy online");
    expect(await axeViolations(admin)).toEqual([]);
    await admin.fill("#answer", "Bạn gia hạn giấy phép lái xe trên Cổng Dịch vụ công quốc gia, mục Cấp đổi giấy phép lái xe.");
    await admin.fill("#sourceTitle", "Cổng Dịch vụ công quốc gia");
    await admin.fill("#sourceUrl", "https://dichvucong.gov.vn");
    await admin.click("#publish");
    await expect.poll(() => admin.textContent("#status"), REPLY_WAIT).toMatch(/Đã đăng/);
    expect(await admin.textContent("#editor-state")).toContain("đang dùng phiên bản 1");

    const chat = await browser.newPage();
    await waitForReply(chat, () => chat.goto(baseUrl), true);
    await chat.fill("#question", "Làm sao gia hạn bằng lái xe máy?");
    await waitForReply(chat, () => chat.click("#send"));
    const answer = chat.locator(".msg.bot").last();
    expect(await answer.textContent()).toContain("Bạn gia hạn giấy phép lái xe trên Cổng Dịch vụ công quốc gia");
    expect(await answer.locator(".sources").textContent()).toContain("Cổng Dịch vụ công quốc gia – Câu trả lời đã được cán bộ duyệt");
    expect(await answer.locator(".sources a").getAttribute("href")).toBe("https://dichvucong.gov.vn");
    await expect.poll(() => chat.getByRole("button", { name: "👎 Chưa đúng ý tôi" }).count()).toBe(1);

    // The group left the open inbox, and the answer's hit is counted on the list.
    await admin.goto(`${baseUrl}/admin/inbox`);
    await expect.poll(() => admin.textContent("#groups"), REPLY_WAIT).toContain("Không còn câu hỏi nào cần xử lý.");
    await admin.goto(`${baseUrl}/admin/curated`);
    await expect.poll(() => admin.locator("#items tr").first().textContent(), REPLY_WAIT).toMatch(/Đang dùng.*v1.*1/);
  });
});
