import { existsSync } from "node:fs";
import { chromium, type Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CHROMIUM_ARGS } from "../../../fixtures/web/chat-page.js";
import { PASSWORD, startAdminApp, type AdminApp } from "../../../fixtures/admin/admin-app.js";

const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const haveChromium = existsSync(chromiumPath);
if (!haveChromium && process.env.CI === "true") throw new Error(`Chromium not found at ${chromiumPath} (required in CI)`);
/** Generous: nothing here measures speed. */
const WAIT = { timeout: 30_000 };

describe.skipIf(!haveChromium && process.env.CI !== "true")("admin sign-in in real Chromium (issue 13)", () => {
  let t: AdminApp;
  let browser: Browser;
  let base: string;
  beforeAll(async () => {
    // No ADMIN_API_TOKEN: the admin area is on because an account exists.
    t = await startAdminApp({ clock: () => new Date() });
    await t.account("xem.phucxa", "viewer", { provinceCode: "01", communeCode: "00001" });
    await t.app.listen({ port: 0, host: "127.0.0.1" });
    base = `http://127.0.0.1:${(t.app.server.address() as { port: number }).port}`;
    browser = await chromium.launch({ executablePath: chromiumPath, args: CHROMIUM_ARGS });
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it("sends an anonymous visitor to /admin/login, signs in, lands on /admin with the nav, and reads its own commune as a tree on a 360 px phone", async () => {
    const page = await browser.newPage({ viewport: { width: 360, height: 740 } });
    await page.goto(`${base}/admin`);
    await page.waitForURL(/\/admin\/login\?next=%2Fadmin$/, WAIT);
    await page.fill("#username", "xem.phucxa");
    await page.fill("#password", "mat-khau-sai-000");
    await page.click("button[type=submit]");
    await page.waitForFunction(() => (globalThis as unknown as { document: { getElementById(id: string): { textContent: string | null } | null } }).document.getElementById("status")?.textContent === "Sai tên đăng nhập hoặc mật khẩu.", undefined, WAIT);
    await page.fill("#password", PASSWORD);
    await page.click("button[type=submit]");
    await page.waitForURL(`${base}/admin`, WAIT);
    await page.waitForSelector("body[data-loaded='home']", WAIT);
    expect(await page.locator("header nav a").allTextContents()).toContain("Báo cáo");
    expect(await page.locator("#who").textContent()).toContain("xem.phucxa");
    // A viewer may only read reports: the home page lists nothing else.
    expect(await page.locator("#links a").allTextContents()).toEqual(["Báo cáo"]);
    const cookies = await page.context().cookies();
    expect(cookies.find((c) => c.name === "troly_admin_session")).toMatchObject({ httpOnly: true, sameSite: "Strict" });

    await page.click("#links a");
    await page.waitForURL(`${base}/admin/report`, WAIT);
    // Signed in: the report loads without a token.
    await page.waitForSelector("body[data-loaded]", WAIT);
    const tree = page.locator("#tree");
    expect(await tree.locator("li[data-level=commune] > details > summary .name").allTextContents()).toEqual(["Phường Phúc Xá"]);
    await tree.locator("li[data-level=commune] > details > summary").click();
    expect(await tree.locator("li[data-level=neighbourhood] .name").allTextContents()).toEqual(["Tổ dân phố 1", "Tổ dân phố 2"]);
    expect(await tree.locator("li[data-level=commune] .totals").first().textContent()).toContain("Người học 12");
    // Another commune and the province total never reach this account's page.
    expect(await page.content()).not.toContain("Phường Ba Đình");
    expect(await page.locator("li[data-level=province]").count()).toBe(0);
    // Usable on a phone: nothing wider than the screen outside the scrollable table and chart.
    const overflow = await page.evaluate(() => {
      const doc = (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document;
      return doc.documentElement.scrollWidth;
    });
    expect(overflow).toBeLessThanOrEqual(360);

    // Sign out: back to the sign-in page, and the session is gone.
    await page.click("#logout");
    await page.waitForURL(/\/admin\/login/, WAIT);
    expect((await page.context().cookies()).find((c) => c.name === "troly_admin_session")?.value ?? "").toBe("");
  });

  it("lets an admin create an account and an API token (shown once) on /admin/accounts, and read both in /admin/audit", async () => {
    await t.account("quan.tri", "admin");
    const page = await browser.newPage({ viewport: { width: 1024, height: 800 } });
    page.on("dialog", (d) => void d.accept());
    await page.goto(`${base}/admin/login?next=%2Fadmin%2Faccounts`);
    await page.fill("#username", "quan.tri");
    await page.fill("#password", PASSWORD);
    await page.click("button[type=submit]");
    await page.waitForURL(`${base}/admin/accounts`, WAIT);
    await page.waitForSelector("body[data-loaded='accounts']", WAIT);
    await page.fill("#c-username", "bien.tap.moi");
    await page.selectOption("#c-role", "editor");
    await page.fill("#c-province", "01");
    await page.fill("#c-password", "mat-khau-moi-12345");
    await page.click("#create button[type=submit]");
    await page.waitForSelector("#accounts td:text-is('bien.tap.moi')", WAIT);
    await page.locator("#accounts tr", { hasText: "bien.tap.moi" }).locator("button").click();
    await page.waitForSelector("#detail:not([hidden])", WAIT);
    await page.fill("#t-name", "máy nhập dữ liệu");
    await page.click("#token-create button[type=submit]");
    await page.waitForSelector("#t-new:not([hidden])", WAIT);
    const shown = (await page.locator("#t-new").textContent()) ?? "";
    const token = /tls_[\w-]+/.exec(shown)?.[0] ?? "";
    expect(token).not.toBe("");
    // The token works as the new editor's, and is never listed again.
    const me = await fetch(`${base}/admin/api/me`, { headers: { authorization: `Bearer ${token}` } }).then((r) => r.json() as Promise<{ username: string }>);
    expect(me.username).toBe("bien.tap.moi");
    await page.waitForSelector("#tokens li", WAIT);
    expect(await page.locator("#tokens").textContent()).not.toContain(token);

    await page.goto(`${base}/admin/audit`);
    await page.waitForSelector("body[data-loaded='audit']", WAIT);
    const actions = await page.locator("#audit tbody tr td:nth-child(3)").allTextContents();
    expect(actions).toEqual(expect.arrayContaining(["account.create", "token.create", "login.ok"]));
  });
});
if (!haveChromium) console.warn(`login-browser: Chromium not found at ${chromiumPath}; skipping (set CHROMIUM_PATH)`);
