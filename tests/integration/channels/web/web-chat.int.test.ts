import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pino } from "pino";
import type { AddressInfo } from "node:net";
import type { FastifyInstance } from "fastify";
import { chromium, type Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { composeApp } from "../../../../src/compose.js";
import { loadConfig } from "../../../../src/config.js";
import { buildServer } from "../../../../src/http/index.js";
import { buildTestAssistant } from "../../../fakes/test-assistant.js";

const executablePath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const haveChromium = existsSync(executablePath);
if (!haveChromium && process.env.CI === "true") {
  throw new Error(`Chromium not found at ${executablePath}: CI must run the web chat end-to-end test (apt-get install chromium)`);
}

describe.skipIf(!haveChromium)(`web chat page in headless Chromium${haveChromium ? "" : ` (skipped: no Chromium at ${executablePath}; set CHROMIUM_PATH)`}`, () => {
  let app: FastifyInstance;
  let browser: Browser;
  let baseUrl: string;

  beforeAll(async () => {
    app = await buildServer({ assistant: buildTestAssistant({ threshold: 0.5 }).assistant });
    await app.listen({ host: "127.0.0.1", port: 0 });
    baseUrl = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    browser = await chromium.launch({
      executablePath,
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    });
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it("asks a question, shows the answer with its source, and walks the steps with big buttons", async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true });
    const page = await context.newPage();
    const external: string[] = [];
    page.on("request", (r) => {
      if (!r.url().startsWith(baseUrl)) external.push(r.url());
    });
    await page.goto(baseUrl);
    await expect.poll(() => page.locator(".msg.bot").count()).toBe(1); // the greeting
    expect(await page.locator(".msg.bot").first().textContent()).toContain("[greeting]");

    await page.fill("#question", "tải ứng dụng VNeID ở đâu");
    await page.click("#send");
    const answer = page.locator(".msg.bot").nth(1);
    await answer.waitFor();
    // The first reply is the answer itself (the steps are in it), with the steps offered one at a time.
    expect(await answer.textContent()).toContain("Mở \"CH Play\"");
    expect(await answer.locator(".sources").textContent()).toContain("Cài đặt ứng dụng VNeID – Tải ứng dụng VNeID ở đâu? (cập nhật 20/11/2026)");
    expect(await answer.locator(".sources a").getAttribute("href")).toBe("https://vneid.gov.vn/");
    // The citation is shown once, as the linked footer, not again as a paragraph of the bubble.
    expect((await answer.textContent())?.match(/Nguồn:/g)).toHaveLength(1);

    const start = answer.getByRole("button", { name: "Làm từng bước ▶" });
    const box = await start.boundingBox();
    expect(box?.height).toBeGreaterThanOrEqual(48);
    // Browser-side expressions as strings: the test tsconfig has no DOM lib.
    const fontSize = Number(await page.evaluate("parseFloat(getComputedStyle(document.querySelector('.msg.bot')).fontSize)"));
    expect(fontSize).toBeGreaterThanOrEqual(18);

    await start.click();
    const first = page.locator(".msg.bot").nth(2);
    await first.waitFor();
    expect(await first.textContent()).toContain("Bước 1/3: Mở \"CH Play\"");
    await first.getByRole("button", { name: "Bước tiếp ▶" }).click();
    const second = page.locator(".msg.bot").nth(3);
    await second.waitFor();
    expect(await second.textContent()).toContain("Bước 2/3: Gõ \"VNeID\" vào ô tìm kiếm.");
    expect(await page.locator(".msg.me").last().textContent()).toBe("Bước tiếp ▶");

    // The anonymous id persists: after a reload the step position continues for the same user.
    const uid = await page.evaluate("localStorage.getItem('troLySoUserId')");
    expect(uid).toMatch(/^web-/);
    await page.reload();
    await expect.poll(() => page.locator(".msg.bot").count()).toBe(1);
    await page.fill("#question", "tiếp");
    await page.press("#question", "Enter");
    await page.locator(".msg.bot").nth(1).waitFor();
    expect(await page.locator(".msg.bot").nth(1).textContent()).toContain("Bước 3/3");
    expect(await page.evaluate("localStorage.getItem('troLySoUserId')")).toBe(uid);

    expect(external).toEqual([]);
    await context.close();
  });

  it("shows the Vietnamese message when the question is too long", async () => {
    const page = await browser.newPage();
    await page.goto(baseUrl);
    await page.locator(".msg.bot").first().waitFor();
    // Bypass the textarea's maxlength the way a pasted script would.
    await page.evaluate("document.getElementById('question').removeAttribute('maxlength')");
    await page.fill("#question", "a".repeat(1001));
    await page.click("#send");
    await page.locator(".msg.bot.error").waitFor();
    expect(await page.locator(".msg.bot.error").textContent()).toContain("dài quá 1000 ký tự");
    await page.close();
  });

  it("works end to end on the real app (real knowledge index, real SQLite)", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "troly-web-"));
    const real = await composeApp(loadConfig({ DATA_DIR: dataDir }), pino({ level: "silent" }));
    const server = await real.buildHttp();
    try {
      await server.listen({ host: "127.0.0.1", port: 0 });
      const url = `http://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
      const page = await browser.newPage();
      await page.goto(url);
      await page.locator(".msg.bot").first().waitFor();
      await page.fill("#question", "tai ung dung vneid o dau");
      await page.click("#send");
      const answer = page.locator(".msg.bot").nth(1);
      await answer.waitFor();
      expect(await answer.textContent()).toMatch(/CH Play/);
      expect(await answer.locator(".sources a").count()).toBeGreaterThanOrEqual(1);
      expect(await answer.locator(".sources").textContent()).toMatch(/cập nhật \d{2}\/\d{2}\/\d{4}/);
      await answer.getByRole("button", { name: "Làm từng bước ▶" }).click();
      await page.locator(".msg.bot").nth(2).waitFor();
      expect(await page.locator(".msg.bot").nth(2).textContent()).toMatch(/Bước 1\/\d+:/);
      await page.close();
    } finally {
      await server.close();
      await real.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
