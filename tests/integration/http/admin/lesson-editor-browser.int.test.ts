import { existsSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { App } from "../../../../src/compose.js";
import { parseLesson } from "../../../../src/curriculum/index.js";
import { REPLY_WAIT, startWebChat, type RunningWebChat } from "../../../fixtures/web/chat-page.js";

const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const haveChromium = existsSync(chromiumPath);
if (!haveChromium && process.env.CI === "true") throw new Error(`Chromium not found at ${chromiumPath} (required in CI)`);

const TOKEN = "lessons-admin-token-0123456789";

/** Waits until the element's text (or value) passes `test` (a function: the admin CSP forbids evaluating strings). */
const waitFor = (page: Page, selector: string, test: "startsWith" | "includes", text: string, field: "textContent" | "value" = "textContent") =>
  page.waitForFunction(
    ([sel, how, want, prop]) => {
      type Found = { value?: string; textContent: string | null } | null;
      const el = (globalThis as unknown as { document: { querySelector(s: string): Found } }).document.querySelector(sel);
      const value = String((prop === "value" ? el?.value : el?.textContent) ?? "");
      return how === "startsWith" ? value.startsWith(want) : value.includes(want);
    },
    [selector, test, text, field] as const,
    REPLY_WAIT,
  );
const statusStartsWith = (page: Page, text: string) => waitFor(page, "#status", "startsWith", text);
const LESSON = "vneid-cai-dat-ung-dung";

/**
 * The lesson editor in real Chromium on the real composition (SQLite seeded from knowledge/): an admin edits a
 * section's opening, sees the check and the channel previews, saves a draft, publishes, and the next citizen question
 * gets the new text; the history then offers the rollback, which brings the old text back.
 */
describe.skipIf(!haveChromium)("lesson editor (Chromium)", () => {
  let running: RunningWebChat;
  let app: App;
  let browser: Browser;
  let baseUrl: string;

  beforeAll(async () => {
    running = await startWebChat(join(process.cwd(), "knowledge"), chromiumPath, "troly-lesson-editor-", { ADMIN_API_TOKEN: TOKEN });
    ({ app, browser, baseUrl } = running);
  }, 180_000);
  afterAll(async () => {
    await running?.close();
  });

  let asker = 0;
  const ask = (text: string) => app.assistant.handle({ channel: "web", userId: `editor-${++asker}`, text });

  it("edit → check and preview → save draft → publish: the next question gets the new text; rollback restores it", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    try {
      await page.addInitScript((token) => {
        (globalThis as unknown as { sessionStorage: { setItem(k: string, v: string): void } }).sessionStorage.setItem("adminToken", token);
      }, TOKEN);
      await page.goto(`${baseUrl}/admin/lessons`);
      await page.waitForSelector(`a[href="/admin/lessons/${LESSON}"]`, REPLY_WAIT);
      await page.click(`a[href="/admin/lessons/${LESSON}"]`);
      await waitFor(page, "#markdown", "startsWith", "---", "value");
      await page.waitForSelector("#preview .preview", REPLY_WAIT);
      // The id field is for a new lesson only: an existing lesson's id cannot be changed here.
      expect(await page.isVisible("#lesson-id")).toBe(false);

      const markdown = await page.inputValue("#markdown");
      const section = parseLesson(markdown, `${LESSON}.md`).lesson!.sections[0]!;
      const oldLead = section.lead.split("\n")[0]!;
      const before = await ask(section.heading);
      expect(before.sources[0]?.id).toBe(LESSON);
      const newLead = "Trước khi cài, hãy sạc pin điện thoại và bật Wi-Fi ở nhà cho ổn định.";
      await page.fill("#markdown", markdown.replace(oldLead, newLead));
      // The preview follows the text as it is typed, rendered by the channels' own renderers.
      await waitFor(page, "#preview", "includes", newLead);
      await page.selectOption("#channel", "zalo");
      expect(await page.textContent("#preview")).toContain(newLead);

      await page.click("#save");
      await statusStartsWith(page, "Đã lưu nháp");
      await page.waitForSelector("#publish:not([disabled])", REPLY_WAIT);
      expect(await page.textContent("#problems")).toContain("Không có lỗi");
      // A draft is not what citizens get.
      expect((await ask(section.heading)).text).not.toContain(newLead);

      await page.click("#publish");
      await statusStartsWith(page, "Đã đăng phiên bản 2");
      const after = await ask(section.heading);
      expect(after.text).toContain(newLead);

      page.on("dialog", (dialog) => void dialog.accept());
      await page.waitForSelector('button[data-rollback="1"]', REPLY_WAIT);
      await page.click('button[data-rollback="1"]');
      await statusStartsWith(page, "Đã quay lại");
      const restored = await ask(section.heading);
      expect(restored.text).not.toContain(newLead);
      expect(restored.text).toContain(oldLead.slice(0, 30));

      const audit = await fetch(`${baseUrl}/admin/api/audit`, { headers: { authorization: `Bearer ${TOKEN}` } });
      const actions = JSON.stringify(await audit.json());
      expect(actions).toContain("lesson.publish");
      expect(actions).toContain("lesson.rollback");
    } finally {
      await page.close();
    }
  }, 180_000);
});
