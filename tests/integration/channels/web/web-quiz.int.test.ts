import { existsSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startWebChat, waitForReply, type RunningWebChat } from "../../../fixtures/web/chat-page.js";
import { TOPIC_LABELS } from "../../../../src/assistant/learning/texts.js";
import { loadKnowledge, type Lesson } from "../../../../src/curriculum/index.js";

/**
 * A learner on a 360×780 phone takes a whole lesson and its quiz to "ĐẠT" by tapping, reloads the page in the middle
 * of the quiz and carries on. The test knows the right answers only from the lesson file in knowledge/, never from
 * the API (which must not send them). Generous timeouts: nothing here may depend on the machine's speed.
 */
const executablePath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const haveChromium = existsSync(executablePath);
if (!haveChromium && process.env.CI === "true") {
  throw new Error(`Chromium not found at ${executablePath}: CI must run the web quiz end-to-end test (apt-get install chromium)`);
}
const WAIT = { timeout: 30_000 };
const knowledgeDir = join(process.cwd(), "knowledge");

/**
 * The shortest lesson that shows what must not leak: bold text and a link to another lesson in its sections, and a
 * quiz of at least 5 questions (so a reload can happen in the middle).
 */
function pickLesson(): Lesson {
  const { lessons } = loadKnowledge(knowledgeDir);
  const ids = new Set(lessons.map((l) => l.id));
  const fits = lessons.filter(
    (l) =>
      l.quiz.length >= 5 &&
      TOPIC_LABELS[l.topic] &&
      l.sections.some((s) => s.body.includes("**")) &&
      l.sections.some((s) => s.links.some((id) => ids.has(id))),
  );
  const lesson = fits.sort((a, b) => a.sections.length - b.sections.length)[0];
  if (!lesson) throw new Error("no lesson in knowledge/ has bold text, a lesson link and a 5-question quiz");
  return lesson;
}

/** Browser-side checks as strings: the test tsconfig has no DOM lib. */
/**
 * Every live button of the latest reply must be fully inside the chat log's visible area (so above the input box),
 * at least 44×44 px, and really on top at its centre (not covered by anything).
 */
const HIDDEN_BUTTONS = `(() => {
  const log = document.getElementById('log').getBoundingClientRect();
  const composer = document.getElementById('composer').getBoundingClientRect();
  const bottom = Math.min(log.bottom, composer.top, window.innerHeight);
  const bad = [];
  for (const b of document.querySelectorAll('.msg.latest button')) {
    if (b.disabled) continue;
    const r = b.getBoundingClientRect();
    const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    const inside = r.top >= log.top - 1 && r.bottom <= bottom + 1 && r.left >= -1 && r.right <= window.innerWidth + 1;
    if (!inside || r.height < 44 || r.width < 44 || !hit || !b.contains(hit)) {
      bad.push(b.textContent.trim() + ' @ ' + Math.round(r.top) + '–' + Math.round(r.bottom) + ' (log ' + Math.round(log.top) + '–' + Math.round(bottom) + ')');
    }
  }
  return bad;
})()`;
const LATEST_TEXT = "Array.from(document.querySelectorAll('.msg.bot.latest')).map((m) => m.textContent).join('\\n')";

describe.skipIf(!haveChromium)(`web quiz on a phone in headless Chromium${haveChromium ? "" : " (skipped: no Chromium; set CHROMIUM_PATH)"}`, () => {
  let web: RunningWebChat | undefined;
  let browser: Browser;
  let baseUrl: string;
  let lesson: Lesson;

  beforeAll(async () => {
    lesson = pickLesson();
    web = await startWebChat(knowledgeDir, executablePath, "troly-web-quiz-");
    ({ browser, baseUrl } = web);
  }, 180_000);
  afterAll(async () => {
    await web?.close();
  });

  /**
   * Runs `act`, waits for the reply (one more bot bubble at least, request finished), then checks what it shows.
   * `load`: the act (re)loads the page, which starts with no bubbles.
   */
  async function expectReply(page: Page, act: () => Promise<void>, load = false): Promise<string> {
    await waitForReply(page, act, load, WAIT);
    const text = String(await page.evaluate(LATEST_TEXT));
    expect(text).not.toMatch(/\*\*|\]\(kb:|\]\(http/);
    expect(await page.evaluate(HIDDEN_BUTTONS), `hidden buttons after: ${text.slice(0, 80)}`).toEqual([]);
    return text;
  }

  /** Taps the option that the lesson file says is right, after checking the card shows a question of this lesson. */
  async function answerRight(page: Page, how: "tap" | "type"): Promise<string> {
    // By position, not ".latest": the card must stay the same element after the next question arrives.
    const card = page.locator(".msg.quiz").nth((await page.locator(".msg.quiz").count()) - 1);
    expect(await card.getAttribute("class")).toContain("latest");
    const question = (await card.locator(".quiz-question").textContent())?.trim();
    const item = lesson.quiz.find((q) => q.question === question);
    expect(item, `question "${question}" is in ${lesson.file}`).toBeDefined();
    const right = item!.options[item!.answer]!;
    const labels = (await card.locator(".options button span:not(.key)").allTextContents()).map((t) => t.trim());
    const shown = labels.indexOf(right);
    expect(shown).toBeGreaterThanOrEqual(0);
    const text = await expectReply(page, async () => {
      if (how === "tap") await card.locator(".options button").nth(shown).tap(WAIT);
      else {
        await page.fill("#question", String.fromCharCode(97 + shown)); // "a", "b", … as printed on paper tests
        await page.press("#question", "Enter");
      }
    });
    expect(text).toContain("✅ Đúng rồi!");
    // The question just answered cannot be answered again: its options are spent, the chosen one marked.
    expect(await card.locator(".options button:not([disabled])").count()).toBe(0);
    expect(await card.locator(".options button.chosen").count()).toBe(1);
    return text;
  }

  it("takes a whole lesson and its quiz to ĐẠT by tapping, across a reload in the middle of the quiz", async () => {
    const context = await browser.newContext({ viewport: { width: 360, height: 780 }, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    const apiBodies: Array<Promise<string>> = [];
    page.on("response", (r) => {
      if (r.url().endsWith("/api/chat")) apiBodies.push(r.text().catch(() => ""));
    });
    await expectReply(page, () => page.goto(baseUrl).then(() => undefined), true);

    // Consent (tapped), then the lesson list, the topic and the lesson.
    await expectReply(page, async () => {
      await page.fill("#question", "/baihoc");
      await page.press("#question", "Enter");
    });
    await expectReply(page, () => page.locator(".msg.latest").getByRole("button", { name: "Đồng ý", exact: true }).tap(WAIT));
    await expectReply(page, async () => {
      await page.fill("#question", "/baihoc");
      await page.press("#question", "Enter");
    });
    await expectReply(page, () => page.locator(".msg.latest").getByRole("button", { name: TOPIC_LABELS[lesson.topic]!, exact: true }).tap(WAIT));
    // Lessons come a few per page (one phone screen); "Xem thêm bài ▶" until this one is listed.
    for (let i = 0; (await page.locator(".msg.latest").getByRole("button", { name: lesson.title, exact: true }).count()) === 0; i++) {
      expect(i, `${lesson.title} is listed under its topic`).toBeLessThan(10);
      await expectReply(page, () => page.locator(".msg.latest").getByRole("button", { name: "Xem thêm bài ▶", exact: true }).tap(WAIT));
    }
    let text = await expectReply(page, () => page.locator(".msg.latest").getByRole("button", { name: lesson.title, exact: true }).tap(WAIT));
    expect(text).toContain(`📘 ${lesson.title}`);

    // Every part, by tapping "Tiếp ▶"; the used button is dimmed and inert afterwards.
    for (let part = 2; part <= lesson.sections.length + 1; part++) {
      const next = await page.locator(".msg.latest").getByRole("button", { name: "Tiếp ▶", exact: true }).elementHandle(WAIT);
      text = await expectReply(page, () => next!.tap());
      expect(text).toContain(`Phần ${part}/${lesson.sections.length + 1}`);
      expect(await next!.isDisabled()).toBe(true);
    }
    expect(await page.locator(".msg.bot strong").count()).toBeGreaterThan(0); // bold kept as emphasis, not as **
    expect(await page.locator(".msg.bot button", { hasText: "Xem bài:" }).count()).toBeGreaterThan(0); // kb: links

    // The quiz: two answers tapped, then a reload, then the rest (one of them typed as a letter).
    text = await expectReply(page, () => page.locator(".msg.latest").getByRole("button", { name: "Làm bài kiểm tra", exact: true }).tap(WAIT));
    expect(text).toContain(`Câu 1/${lesson.quiz.length}`);
    await answerRight(page, "tap");
    await answerRight(page, "tap");
    text = await expectReply(page, () => page.reload().then(() => undefined), true);
    expect(text).toContain("Bạn đang làm dở bài kiểm tra.");
    expect(text).toContain(`Câu 3/${lesson.quiz.length}`);
    await answerRight(page, "type");
    for (let i = 3; i < lesson.quiz.length; i++) text = await answerRight(page, "tap");
    expect(text).toContain("ĐẠT");

    // Nothing on the page is Markdown, and no answer key ever reached the browser.
    const all = (await page.locator(".msg.bot").allTextContents()).join("\n");
    expect(all).not.toMatch(/\*\*|\]\(kb:/);
    const bodies = await Promise.all(apiBodies);
    expect(bodies.filter((b) => b.includes('"quiz":{')).length).toBeGreaterThanOrEqual(lesson.quiz.length);
    for (const body of bodies) expect(body).not.toMatch(/correctIndex|explanation/);
    await context.close();
  }, 180_000);
});
