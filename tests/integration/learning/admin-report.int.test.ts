import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Fastify, { type FastifyInstance } from "fastify";
import { chromium, type Page } from "playwright-core";
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
    // Hà Nội: six learners (big enough to show); Hồ Chí Minh: two (always "dưới 5 người học").
    for (const [i, province] of ["01", "01", "79", "01", "01", "01", "01"].entries()) {
      await store.saveProfile({ learnerId: `L${i}`, consentAt: "2026-11-01T00:00:00.000Z", updatedAt: "2026-11-01T00:00:00.000Z", provinceCode: province, targetGroup: "citizen" });
      for (const [j, lesson] of (i === 0 ? ["l-one", "l-two"] : ["l-one"]).entries()) {
        await store.appendStatements([quizResultStatement({ homePage: "https://troly.so", learnerId: `L${i}`, platform: "web", at: `2026-11-1${i}T00:00:00.000Z` }, { ...LESSONS[0]!, id: lesson }, { attemptId: `00000000-0000-4000-8000-0000000000${i}${j}`, correct: 3, total: 3, passed: true, startedAt: "2026-11-10T00:00:00.000Z" })]);
      }
    }
    // A learner who did not say their target group.
    await store.saveProfile({ learnerId: "L9", consentAt: "2026-11-02T00:00:00.000Z", updatedAt: "2026-11-02T00:00:00.000Z", provinceCode: "79" });
    // Five Hà Nội learners ask the same thing; the lone Hồ Chí Minh learner's own words must never be shown.
    for (const i of [0, 1, 3, 4, 5]) {
      await store.recordQuestion({ learnerId: `L${i}`, text: "cách cài vneid", confidence: 0.5, answered: true, at: "2026-11-20T00:00:00.000Z" });
    }
    await store.recordQuestion({ learnerId: "L2", text: "tôi là nguyễn văn a ở tổ 7 hỏi vneid", confidence: 0.1, answered: false, at: "2026-11-20T00:00:00.000Z" });
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

  it("never shows counts or free text of a group under 5 learners", async () => {
    const auth = { authorization: `Bearer ${TOKEN}` };
    const report = (await app.inject({ url: "/admin/reports?quarter=2026-Q4", headers: auth })).json() as { rows: Array<Record<string, unknown>> };
    const hn = report.rows.find((r) => r.provinceCode === "01" && r.level === "province" && r.targetGroup === "all");
    expect(hn).toMatchObject({ learners: 6, activeLearners: 6, quizzesPassed: 7, reachedCorePath: "dưới 5 người học", suppressed: false });
    expect(hn?.topQuestions).toEqual([{ text: "cách cài vneid", count: 5 }]);
    const hcm = report.rows.filter((r) => r.provinceCode === "79");
    expect(hcm.length).toBeGreaterThan(0);
    for (const row of hcm) {
      expect(row).toMatchObject({ learners: "dưới 5 người học", activeLearners: "dưới 5 người học", quizzesPassed: "dưới 5 người học", topQuestions: [], suppressed: true });
    }
    const csv = (await app.inject({ url: "/admin/reports?quarter=2026-Q4&format=csv", headers: auth })).body;
    expect(csv).not.toContain("nguyễn văn a");
    expect(csv).toMatch(/Thành phố Hồ Chí Minh,all,dưới 5 người học,dưới 5 người học/);
  });

  it("pages statements with an opaque `more` URL and the version header", async () => {
    const auth = { authorization: `Bearer ${TOKEN}` };
    const first = await app.inject({ url: "/xapi/statements?limit=4", headers: auth }); // 8 statements in all
    expect(first.headers["x-experience-api-version"]).toBe("1.0.3");
    const body = first.json() as { statements: Array<{ id: string }>; more: string };
    expect(body.statements).toHaveLength(4);
    const second = (await app.inject({ url: body.more, headers: auth })).json() as { statements: unknown[]; more: string };
    expect(second.statements).toHaveLength(4);
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
      expect(cells.slice(0, 7)).toEqual(["Thành phố Hà Nội", "Tỉnh", "6", "6", "0", "7", "dưới 5 người học"]);
      // "Chưa khai báo" lists the learner without a target group (not counted as citizen).
      await page.selectOption("#group", "unknown");
      await page.click("#load");
      await waitForText(page, "#table tbody tr td", "Thành phố Hồ Chí Minh");
      expect(await page.locator("#table tbody tr", { hasText: "Hà Nội" }).count()).toBe(0);
      const unknown = await page.locator("#table tbody tr").first().locator("td").allTextContents();
      expect(unknown.slice(0, 3)).toEqual(["Thành phố Hồ Chí Minh", "Tỉnh", "dưới 5 người học"]);
      await page.selectOption("#group", "citizen");
      await page.click("#load");
      await waitForText(page, "#table tbody tr td:nth-child(3)", "6");
      expect(await page.locator("#table tbody tr", { hasText: "Thành phố Hồ Chí Minh" }).first().locator("td").nth(2).textContent()).toBe("dưới 5 người học");
    } finally {
      await browser.close();
    }
  });
});
if (!haveChromium) console.warn(`admin-report: Chromium not found at ${chromiumPath}; skipping the page test (set CHROMIUM_PATH)`);

/** Waits until the first element matching `selector` has exactly `text` (a function: the page's CSP forbids evaluating strings). */
function waitForText(page: Page, selector: string, text: string) {
  return page.waitForFunction(
    ([sel, want]) =>
      (globalThis as unknown as { document: { querySelector(s: string): { textContent: string | null } | null } }).document.querySelector(sel)
        ?.textContent === want,
    [selector, text] as const,
  );
}
