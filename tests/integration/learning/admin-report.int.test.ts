import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Fastify, { type FastifyInstance } from "fastify";
import { chromium } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LearningStore } from "../../../src/assistant/learning/index.js";
import { quizResultStatement } from "../../../src/assistant/learning/xapi.js";
import { createAdminPlugin } from "../../../src/http/admin/index.js";
import { openSqlite } from "../../../src/storage/sqlite/database.js";
import { createSqliteLearningStore } from "../../../src/storage/sqlite/learning-store.js";
import { LESSONS, PATHS } from "../../fixtures/learning/lessons.js";

const TOKEN = "admin-token-0123456789";
const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const haveChromium = existsSync(chromiumPath);
if (!haveChromium && process.env.CI === "true") throw new Error(`Chromium not found at ${chromiumPath} (required in CI)`);

describe("admin: statements API and report page", () => {
  let app: FastifyInstance;
  let store: LearningStore;
  const now = new Date("2026-11-23T05:00:00.000Z");
  beforeAll(async () => {
    const db = openSqlite(join(mkdtempSync(join(tmpdir(), "admin-")), "admin.sqlite"));
    store = createSqliteLearningStore(db);
    await store.importUnits([{ code: "01", name: "Thành phố Hà Nội", level: "province" }, { code: "79", name: "Thành phố Hồ Chí Minh", level: "province" }]);
    for (const [i, province] of ["01", "01", "79"].entries()) {
      await store.saveProfile({ learnerId: `L${i}`, consentAt: "2026-11-01T00:00:00.000Z", updatedAt: "2026-11-01T00:00:00.000Z", provinceCode: province, targetGroup: "citizen" });
      for (const [j, lesson] of (i === 0 ? ["l-one", "l-two"] : ["l-one"]).entries()) {
        await store.appendStatements([quizResultStatement({ homePage: "https://troly.so", learnerId: `L${i}`, platform: "web", at: `2026-11-1${i}T00:00:00.000Z` }, { ...LESSONS[0]!, id: lesson }, { attemptId: `00000000-0000-4000-8000-0000000000${i}${j}`, correct: 3, total: 3, passed: true, startedAt: "2026-11-10T00:00:00.000Z" })]);
      }
    }
    // A learner who did not say their target group.
    await store.saveProfile({ learnerId: "L9", consentAt: "2026-11-02T00:00:00.000Z", updatedAt: "2026-11-02T00:00:00.000Z", provinceCode: "79" });
    app = Fastify();
    await app.register(createAdminPlugin({ store, paths: PATHS, apiToken: TOKEN, homePage: "https://troly.so", clock: () => now }));
    await app.listen({ port: 0, host: "127.0.0.1" });
  });
  afterAll(async () => {
    await app.close();
    await store.close();
  });

  it("refuses without the bearer token", async () => {
    expect((await app.inject({ url: "/xapi/statements" })).statusCode).toBe(401);
    expect((await app.inject({ url: "/admin/reports", headers: { authorization: "Bearer wrong-token-xxxxxxxx" } })).statusCode).toBe(401);
  });

  it("pages statements with an opaque `more` URL and the version header", async () => {
    const auth = { authorization: `Bearer ${TOKEN}` };
    const first = await app.inject({ url: "/xapi/statements?limit=2", headers: auth });
    expect(first.headers["x-experience-api-version"]).toBe("1.0.3");
    const body = first.json() as { statements: Array<{ id: string }>; more: string };
    expect(body.statements).toHaveLength(2);
    const second = (await app.inject({ url: body.more, headers: auth })).json() as { statements: unknown[]; more: string };
    expect(second.statements).toHaveLength(2);
    expect(second.more).toBe("");
    const agent = encodeURIComponent(JSON.stringify({ objectType: "Agent", account: { homePage: "https://troly.so", name: "L0" } }));
    expect(((await app.inject({ url: `/xapi/statements?agent=${agent}`, headers: auth })).json() as { statements: unknown[] }).statements).toHaveLength(2);
    expect((await app.inject({ url: "/xapi/statements?agent=notjson", headers: auth })).statusCode).toBe(400);
    const csv = await app.inject({ url: "/admin/reports?quarter=2026-Q4&format=csv", headers: auth });
    expect(csv.headers["content-type"]).toContain("text/csv");
  });

  it.skipIf(!haveChromium && process.env.CI !== "true")("renders the report page with charts in headless Chromium", async () => {
    const browser = await chromium.launch({
      executablePath: chromiumPath,
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    });
    try {
      const page = await browser.newPage();
      const port = (app.server.address() as { port: number }).port;
      await page.goto(`http://127.0.0.1:${port}/admin/report`);
      await page.fill("#token", TOKEN);
      await page.fill("#quarter", "2026-Q4");
      await page.click("#load");
      await page.waitForSelector("body[data-loaded='2026-Q4']");
      // Two provinces × three series.
      expect(await page.locator("#chart rect.bar").count()).toBe(6);
      const cells = await page.locator("#table tbody tr").first().locator("td").allTextContents();
      expect(cells.slice(0, 7)).toEqual(["Thành phố Hà Nội", "Tỉnh", "2", "2", "0", "3", "1"]);
      // "Chưa khai báo" lists the learner without a target group (not counted as citizen).
      await page.selectOption("#group", "unknown");
      await page.click("#load");
      await page.waitForFunction(`document.querySelector("#table tbody tr td")?.textContent === "Thành phố Hồ Chí Minh"`);
      expect(await page.locator("#table tbody tr", { hasText: "Hà Nội" }).count()).toBe(0);
      const unknown = await page.locator("#table tbody tr").first().locator("td").allTextContents();
      expect(unknown.slice(0, 3)).toEqual(["Thành phố Hồ Chí Minh", "Tỉnh", "1"]);
      await page.selectOption("#group", "citizen");
      await page.click("#load");
      await page.waitForFunction(`document.querySelector("#table tbody tr td:nth-child(3)")?.textContent === "2"`);
      expect(await page.locator("#table tbody tr", { hasText: "Thành phố Hồ Chí Minh" }).first().locator("td").nth(2).textContent()).toBe("1");
    } finally {
      await browser.close();
    }
  });
});
if (!haveChromium) console.warn(`admin-report: Chromium not found at ${chromiumPath}; skipping the page test (set CHROMIUM_PATH)`);
