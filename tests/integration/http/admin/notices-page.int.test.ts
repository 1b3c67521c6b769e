import { existsSync } from "node:fs";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { App } from "../../../../src/compose.js";
import { REPLY_WAIT, startWebChat, type RunningWebChat } from "../../../fixtures/web/chat-page.js";

const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const haveChromium = existsSync(chromiumPath);
if (!haveChromium && process.env.CI === "true") throw new Error(`Chromium not found at ${chromiumPath} (required in CI)`);
if (!haveChromium) console.warn(`notices page: Chromium not found at ${chromiumPath}; skipping (set CHROMIUM_PATH)`);

const TOKEN = "notices-admin-token-0123456789";
const TITLE = "Cảnh báo: giả danh cán bộ phường gọi điện";

/**
 * /admin/notices in real Chromium on the real composition (SQLite, bundled sample units, real knowledge index): an
 * admin (ADMIN_API_TOKEN pasted into sessionStorage, as the login page is separate) publishes a scam alert for one
 * ward; a learner of that ward gets it from /thongbao, a learner of the next ward does not; "Kết thúc ngay" ends it.
 */
describe.skipIf(!haveChromium)("local notices page (Chromium)", () => {
  let running: RunningWebChat;
  let app: App;
  let browser: Browser;
  let baseUrl: string;

  beforeAll(async () => {
    running = await startWebChat(join(process.cwd(), "knowledge"), chromiumPath, "troly-notices-page-", { ADMIN_API_TOKEN: TOKEN });
    ({ app, browser, baseUrl } = running);
  });
  afterAll(async () => {
    await running?.close();
  });

  /** A learner who consented and chose Hà Nội and a ward through the onboarding buttons, as a citizen would. */
  async function learnerOf(userId: string, ward: string) {
    const say = (m: { text?: string; action?: string }) => app.assistant.handle({ channel: "web", userId, ...m });
    await say({ text: "/hoso" });
    await say({ action: "ob:yes" });
    await say({ action: "ob:u:01" });
    await say({ action: `ob:u:${ward}` });
    // Neighbourhood, target group and age are optional: skipped, so the next message is a question again.
    for (let i = 0; i < 3; i += 1) await say({ action: "ob:skip" });
    return say;
  }

  it("publishes a notice for one ward, shown under a matching answer and by /thongbao to that ward's learner only, then ends it", async () => {
    const page = await browser.newPage();
    try {
      // The token is in sessionStorage before admin.js runs, as if pasted earlier in this tab.
      await page.addInitScript((token) => {
        (globalThis as unknown as { sessionStorage: { setItem(k: string, v: string): void } }).sessionStorage.setItem("adminToken", token);
      }, TOKEN);
      await page.goto(`${baseUrl}/admin/notices`);
      await page.waitForSelector('#provinceCode option[value="01"]', { state: "attached", ...REPLY_WAIT });
      await page.selectOption("#provinceCode", "01");
      await page.waitForSelector('#communeCode option[value="01-HOANKIEM"]', { state: "attached", ...REPLY_WAIT });
      await page.selectOption("#communeCode", "01-HOANKIEM");
      await page.selectOption("#kind", "scam");
      await page.fill("#title", TITLE);
      await page.fill("#text", "Cán bộ phường không gọi điện xin mã OTP. Gặp cuộc gọi như vậy, hãy báo công an phường: 024 3825 0000.");
      await page.fill("#topics", "safety, otp");
      await page.click("#save");
      await page.waitForSelector(`#notices tr:has-text("${TITLE}")`, REPLY_WAIT);
      expect(await page.textContent("#status")).toBe("Đã đăng thông báo.");
      const row = page.locator("#notices tr", { hasText: TITLE });
      expect(await row.locator("td").nth(0).textContent()).toBe("Phường Hoàn Kiếm");
      expect(await row.locator("td").nth(1).textContent()).toBe("Cảnh báo lừa đảo");
      expect(await row.locator("td").nth(4).textContent()).toBe("Đang hiển thị");

      // A link that is not https is refused next to the field, in Vietnamese.
      await page.fill("#title", "Thông báo khác");
      await page.fill("#text", "Nội dung");
      await page.fill("#link", "http://hoankiem.gov.vn");
      await page.click("#save");
      await page.waitForSelector("#link-problem:not(:empty)", REPLY_WAIT);
      expect(await page.textContent("#link-problem")).toContain("https://");

      const lan = await learnerOf("lan", "01-HOANKIEM");
      const minh = await learnerOf("minh", "01-CUANAM");
      // Under an answer on one of its topics (the real index answers; "otp" is one of the notice's keywords).
      const question = "có nên đọc mã OTP cho người gọi điện tự xưng cán bộ không";
      expect((await lan({ text: question })).text).toContain(`📢 Thông báo của Phường Hoàn Kiếm (cảnh báo lừa đảo): ${TITLE}`);
      expect((await minh({ text: question })).text).not.toContain(TITLE);
      expect((await lan({ text: "/thongbao" })).text).toContain(TITLE);
      expect((await minh({ text: "/thongbao" })).text).not.toContain(TITLE);

      page.once("dialog", (dialog) => void dialog.accept());
      await row.locator("button[data-end]").click();
      await page.waitForSelector(`#notices tr:has-text("${TITLE}") >> text=Đã kết thúc`, REPLY_WAIT);
      expect((await lan({ text: "/thongbao" })).text).not.toContain(TITLE);
      // Both changes are in the audit log, under the bootstrap token's name.
      const audit = await fetch(`${baseUrl}/admin/api/audit`, { headers: { authorization: `Bearer ${TOKEN}` } });
      const actions = ((await audit.json()) as { entries: Array<{ action: string; actorName: string }> }).entries.map((e) => e.action);
      expect(actions.slice(0, 2)).toEqual(["notice.end", "notice.create"]);
    } finally {
      await page.close();
    }
  });
});
