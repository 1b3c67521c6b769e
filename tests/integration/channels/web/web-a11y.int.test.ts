import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startWebChat, waitForReply, type RunningWebChat } from "../../../fixtures/web/chat-page.js";
import { TOPIC_LABELS } from "../../../../src/assistant/learning/texts.js";

/**
 * WCAG 2.2 AA in the web chat, checked by axe-core in real Chromium on a 360×780 phone and a desktop: the greeting,
 * an answer with buttons, a lesson part, a quiz question and its feedback. Plus what axe cannot see: every live
 * button at least 44×44 px, the page in Vietnamese, keyboard focus order input → send, and text at 200 % without
 * sideways scrolling. Generous timeouts, no timing assertions.
 */
const executablePath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const haveChromium = existsSync(executablePath);
if (!haveChromium && process.env.CI === "true") throw new Error(`Chromium not found at ${executablePath} (required in CI)`);
const WAIT = { timeout: 30_000 };
const knowledgeDir = join(process.cwd(), "knowledge");
const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

interface AxeViolation {
  id: string;
  impact: string;
  help: string;
  nodes: Array<{ target: string[]; failureSummary: string }>;
}

/** axe-core over the whole page, WCAG 2.0/2.1/2.2 A and AA rules; returns the violations, readable. */
async function axeViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate("typeof window.axe !== 'undefined'"))) await page.addScriptTag({ content: axeSource });
  const result = (await page.evaluate(
    "axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] }, resultTypes: ['violations'] })",
  )) as { violations: AxeViolation[] };
  return result.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => `${n.target.join(" ")}: ${n.failureSummary.replace(/\s+/g, " ")}`).join(" | ")}`,
  );
}

const SMALL_TARGETS = `Array.from(document.querySelectorAll('button:not([disabled]), a[href], textarea')).filter((el) => {
  const r = el.getBoundingClientRect();
  if (r.width === 0 && r.height === 0) return false;
  if (el.tagName === 'A' && el.closest('.sources')) return false; // inline links in a sentence are exempt (2.5.8)
  return r.height < 44 || r.width < 44;
}).map((el) => el.tagName + ' "' + el.textContent.trim().slice(0, 30) + '" ' + Math.round(el.getBoundingClientRect().width) + 'x' + Math.round(el.getBoundingClientRect().height))`;

describe.skipIf(!haveChromium)("web chat accessibility (axe-core, WCAG 2.2 AA)", () => {
  let web: RunningWebChat | undefined;
  let browser: Browser;
  let baseUrl: string;

  beforeAll(async () => {
    web = await startWebChat(knowledgeDir, executablePath, "troly-a11y-");
    ({ browser, baseUrl } = web);
  }, 180_000);
  afterAll(async () => {
    await web?.close();
  });

  const waitReply = (page: Page, act: () => Promise<unknown>, load = false) => waitForReply(page, act, load, WAIT);
  const type = (page: Page, text: string) => async () => {
    await page.fill("#question", text);
    await page.press("#question", "Enter");
  };
  const tap = (page: Page, name: string) => () => page.locator(".msg.latest").getByRole("button", { name, exact: true }).first().click(WAIT);

  it("the checker itself works: a planted low-contrast text and an unlabeled button are reported", async () => {
    const context = await browser.newContext({ viewport: { width: 360, height: 780 }, bypassCSP: true });
    const page = await context.newPage();
    await waitReply(page, () => page.goto(baseUrl), true);
    await page.evaluate(
      "(() => { const p = document.createElement('p'); p.textContent = 'mờ quá'; p.style.color = '#ccc'; p.style.background = '#fff'; document.querySelector('header').appendChild(p); const b = document.createElement('button'); document.querySelector('header').appendChild(b); })()",
    );
    const ids = (await axeViolations(page)).map((v) => v.split(" ")[0]);
    expect(ids).toEqual(expect.arrayContaining(["color-contrast", "button-name"]));
    await context.close();
  }, 120_000);

  for (const device of [
    { name: "phone 360×780", viewport: { width: 360, height: 780 }, isMobile: true, hasTouch: true },
    { name: "desktop 1280×800", viewport: { width: 1280, height: 800 }, isMobile: false, hasTouch: false },
  ]) {
    it(`has no WCAG 2.2 AA violations on ${device.name}: greeting, answer, lesson, quiz`, async () => {
      const context = await browser.newContext({ viewport: device.viewport, isMobile: device.isMobile, hasTouch: device.hasTouch, bypassCSP: true });
      const page = await context.newPage();
      const found: Record<string, string[]> = {};
      const check = async (state: string) => {
        found[state] = [...(await axeViolations(page)), ...((await page.evaluate(SMALL_TARGETS)) as string[]).map((t) => `target < 44 px: ${t}`)];
      };
      await waitReply(page, () => page.goto(baseUrl), true);
      expect(await page.getAttribute("html", "lang")).toBe("vi");
      await check("greeting");
      await waitReply(page, type(page, "cách cài VNeID"));
      await check("answer");
      await waitReply(page, type(page, "/baihoc"));
      await waitReply(page, tap(page, "Đồng ý"));
      await waitReply(page, type(page, "/baihoc"));
      await waitReply(page, tap(page, TOPIC_LABELS.vneid!));
      await check("lesson list");
      const firstLesson = page.locator(".msg.latest .buttons button").first();
      await waitReply(page, () => firstLesson.click(WAIT));
      await check("lesson part");
      await waitReply(page, type(page, "/kiemtra"));
      await check("quiz question");
      await waitReply(page, () => page.locator(".msg.quiz.latest .options button").first().click(WAIT));
      await check("quiz feedback");
      // The admin report page (its token form; the data needs ADMIN_API_TOKEN).
      await page.goto(`${baseUrl}/admin/report`, WAIT);
      found["admin report page"] = await axeViolations(page);
      expect(found).toEqual(Object.fromEntries(Object.keys(found).map((k) => [k, []])));
      await context.close();
    }, 180_000);
  }

  it("keyboard: the question box takes focus first, Tab goes to Gửi; text at 200 % needs no sideways scrolling", async () => {
    const context = await browser.newContext({ viewport: { width: 360, height: 780 }, isMobile: true, hasTouch: true, bypassCSP: true });
    const page = await context.newPage();
    await waitReply(page, () => page.goto(baseUrl), true);
    await page.focus("#question");
    await page.keyboard.type("xin chào");
    await page.keyboard.press("Tab");
    expect(await page.evaluate("document.activeElement && document.activeElement.id")).toBe("send");
    // A visible focus indicator on the focused control.
    expect(await page.evaluate("getComputedStyle(document.activeElement).outlineStyle")).not.toBe("none");
    // The root size is relative, so the reader's own browser text size applies (a fixed px size would override it).
    const rootRule = String(
      await page.evaluate("Array.from(document.styleSheets[0].cssRules).find((r) => r.selectorText === 'html').style.fontSize"),
    );
    expect(rootRule).toMatch(/%|em$/);
    // 200 % text: the root font size doubled (what browser text zoom does); nothing overflows sideways.
    await page.addStyleTag({ content: "html { font-size: 200% !important; }" });
    expect(await page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")).toBe(true);
    await context.close();
  }, 120_000);
});
