/**
 * npm run screenshots — phone (360×780) and desktop (1280×800) screenshots of the web chat, a lesson, a quiz, the
 * admin report page and the knowledge team's pages (lesson list, lesson editor, inbox), taken in real Chromium (CHROMIUM_PATH, default /usr/bin/chromium) against the real app with the
 * real knowledge base, into docs/screenshots/. The app runs on a throw-away data directory; a few learners are
 * enrolled and pass a quiz first so the report has numbers.
 */
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pino } from "pino";
import { chromium, type Browser, type Page } from "playwright-core";
import type { Reply } from "../src/assistant/index.js";
import { TOPIC_LABELS } from "../src/assistant/learning/texts.js";
import { composeApp } from "../src/compose.js";
import { loadConfig } from "../src/config.js";
import { CHROMIUM_ARGS, waitForReply } from "../tests/fixtures/web/chat-page.js";

const outDir = join(process.cwd(), "docs", "screenshots");
const executablePath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const knowledgeDir = join(process.cwd(), "knowledge");
const WAIT = { timeout: 60_000 };
/** The lesson the learners take and the editor shows. */
const LESSON = "vneid-cai-dat-ung-dung";
const DEVICES = [
  { name: "phone", viewport: { width: 360, height: 780 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 },
  { name: "desktop", viewport: { width: 1280, height: 800 }, isMobile: false, hasTouch: false, deviceScaleFactor: 1 },
] as const;

if (!existsSync(executablePath)) {
  console.error(`Chromium not found at ${executablePath}; set CHROMIUM_PATH.`);
  process.exit(1);
}
mkdirSync(outDir, { recursive: true });
const dataDir = mkdtempSync(join(tmpdir(), "troly-screenshots-"));
const token = randomBytes(18).toString("hex");
const app = await composeApp(loadConfig({ DATA_DIR: dataDir, KNOWLEDGE_DIR: knowledgeDir, ADMIN_API_TOKEN: token }), pino({ level: "warn" }));
let browser: Browser | undefined;
try {
  await seedLearners(6);
  const server = await app.buildHttp();
  await server.listen({ host: "127.0.0.1", port: 0 });
  const base = `http://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
  browser = await chromium.launch({
    executablePath,
    args: CHROMIUM_ARGS,
  });
  for (const device of DEVICES) {
    const context = await browser.newContext({ ...device, locale: "vi-VN" });
    const page = await context.newPage();
    const shot = async (what: string) => {
      await page.waitForTimeout(300); // let the smooth scroll to the latest reply settle
      const file = join(outDir, `${device.name}-${what}.png`);
      await page.screenshot({ path: file });
      console.log(`wrote ${file}`);
    };
    // Chat: the greeting, then a question.
    await waitReply(page, () => page.goto(base), true);
    await waitReply(page, type(page, "cách cài VNeID"));
    await shot("chat");
    // A lesson: consent, the VNeID topic, its first lesson, part 2.
    await waitReply(page, type(page, "/baihoc"));
    await waitReply(page, tap(page, "Đồng ý"));
    await waitReply(page, type(page, "/baihoc"));
    await waitReply(page, tap(page, TOPIC_LABELS.vneid!));
    await waitReply(page, () => page.locator(".msg.latest .buttons button").first().click(WAIT));
    await waitReply(page, tap(page, "Tiếp ▶"));
    await shot("lesson");
    // The quiz: one answer given, its feedback and the next question.
    await waitReply(page, type(page, "/kiemtra"));
    await waitReply(page, () => page.locator(".msg.quiz.latest .options button").first().click(WAIT));
    await shot("quiz");
    // The admin report page, loaded with the admin token.
    await page.goto(`${base}/admin/report`, WAIT);
    await page.fill("#token", token);
    await page.click("#load");
    await page.waitForSelector("body[data-loaded]", WAIT);
    await shot("report");
    // The knowledge team's pages, signed in with the same token: the lesson list, one lesson in the editor (its check
    // and channel preview) and the inbox of questions the assistant could not answer.
    await page.evaluate((t) => (globalThis as unknown as { sessionStorage: { setItem(k: string, v: string): void } }).sessionStorage.setItem("adminToken", t), token);
    await page.goto(`${base}/admin/lessons`, WAIT);
    await page.waitForSelector(`a[href="/admin/lessons/${LESSON}"]`, WAIT);
    await shot("admin-lessons");
    await page.goto(`${base}/admin/lessons/${LESSON}`, WAIT);
    await page.waitForSelector("#preview .preview", WAIT);
    await shot("admin-editor");
    await page.goto(`${base}/admin/inbox`, WAIT);
    // A function, not a string: the admin pages' CSP forbids evaluating strings.
    await page.waitForFunction(() => ((globalThis as unknown as { document: { getElementById(id: string): { children: { length: number } } | null } }).document.getElementById("groups")?.children.length ?? 0) > 0, undefined, WAIT);
    await shot("admin-inbox");
    await context.close();
  }
  await server.close();
} finally {
  await browser?.close();
  await app.close();
  rmSync(dataDir, { recursive: true, force: true });
}

/** Learners who consent, give a place and group, and pass the first core lesson's quiz: numbers for the report. */
async function seedLearners(count: number): Promise<void> {
  for (let i = 0; i < count; i++) {
    const say = (m: { text?: string; action?: string }) => app.assistant.handle({ channel: "web", userId: `screenshot-${i}`, ...m });
    let reply: Reply = await say({ action: "ob:yes" });
    for (let step = 0; step < 8; step++) {
      const next = reply.buttons?.find((b) => /^ob:(u|g|a):/.test(b.action)) ?? reply.buttons?.find((b) => b.action === "ob:skip");
      if (!next) break;
      reply = await say({ action: next.action });
    }
    reply = await say({ text: "/baihoc" });
    reply = await say({ action: `qz:s:${LESSON}` });
    for (let q = 0; q < 20 && reply.quiz; q++) reply = await say({ action: `${reply.quiz.answerActionPrefix}${reply.quiz.correctIndex}` });
    await say({ text: "cách cài VNeID" });
    // Questions outside what the lessons teach, so the inbox has something to show.
    await say({ text: i % 2 ? "xem tử vi tuổi Dần năm nay thế nào" : "giá vàng hôm nay bao nhiêu một chỉ" });
  }
}

function waitReply(page: Page, act: () => Promise<unknown>, load = false): Promise<void> {
  return waitForReply(page, act, load, WAIT);
}

function type(page: Page, text: string) {
  return async () => {
    await page.fill("#question", text);
    await page.press("#question", "Enter");
  };
}

function tap(page: Page, name: string) {
  return () => page.locator(".msg.latest").getByRole("button", { name, exact: true }).first().click(WAIT);
}
