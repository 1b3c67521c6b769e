/**
 * npm run fuzz [-- --n 10000] [--seed 1] [--drain 120] — issue 11: generated hostile inputs against every HTTP entry
 * point of the production composition (src/compose.ts; a real SQLite file in a temp DATA_DIR, the real knowledge
 * base), sent with fastify inject — nothing listens except the fake Telegram and Zalo Bot APIs on 127.0.0.1 that the
 * two channels reply to. Entry points:
 *
 *   POST /api/chat           bodies of every shape and type, huge / NUL / control / lone-surrogate / injection text,
 *                            bad JSON, wrong content types, oversized bodies, forged actions; client IPs varied (one
 *                            flooding IP among them, so the per-IP limit answers too)
 *   POST /webhooks/telegram  Updates with mutated structure (messages, callbacks, poll answers, odd entities, wrong
 *                            types), wrong or missing secret header, repeated update ids
 *   POST /webhooks/zalo      events wrapped and flat, unknown event names, wrong types, wrong or missing secret
 *   admin API                GET /xapi/statements (query and forged cursors), /admin/reports, /admin/mentors,
 *                            /api/admin/unanswered, POST /admin/mentor-codes; right, wrong and missing tokens
 *
 * Prints progress, then per entry point: sent, status counts, server errors (5xx) and replies that leaked a stack
 * trace or internal path; then what the background work did (messages the channels sent to the fake APIs, error and
 * warning lines logged, raw chat ids found in warn/error lines). Deterministic for a seed. Asserts nothing; the exit
 * code is 1 when any 5xx or leak was seen.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import type { FastifyInstance, InjectOptions } from "fastify";
import { pino } from "pino";
import { composeApp } from "../src/compose.js";
import { loadConfig } from "../src/config.js";
import { startFakeTelegramApi } from "../tests/fakes/fake-telegram-api.js";
import { startFakeZaloApi } from "../tests/fakes/fake-zalo-api.js";

const args = process.argv.slice(2);
const opt = (name: string, def: number) => {
  const i = args.indexOf(`--${name}`);
  const v = i >= 0 ? Number(args[i + 1]) : NaN;
  return Number.isFinite(v) && v > 0 ? v : def;
};
const N = opt("n", 10_000);
const SEED = opt("seed", 1);
const DRAIN_S = opt("drain", 120);
/** Requests in flight at once per entry point (inject is in-process; this only overlaps the async work). */
const CONCURRENCY = 16;

// ── deterministic randomness ───────────────────────────────────────────────────────────────────────────────────
function mulberry32(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rnd = mulberry32(SEED);
const int = (n: number) => Math.floor(rnd() * n);
const chance = (p: number) => rnd() < p;
function pick<T>(items: readonly T[]): T {
  return items[int(items.length)] as T;
}

// ── hostile values ─────────────────────────────────────────────────────────────────────────────────────────────
const QUESTIONS = [
  "cách cài VNeID", "cai vneid o dau", "quên mật khẩu vneid", "làm sao nhận biết cuộc gọi lừa đảo", "mã OTP là gì",
  "chuyển tiền nhầm thì làm sao", "tôi bị lừa rồi", "xin chào", "cảm ơn", "tiếp", "1", "2", "a", "có", "không", "bỏ qua",
  "/start", "/hoi cách nộp hồ sơ", "/baihoc", "/kiemtra", "/tiendo", "/hoso", "/trogiup", "/lienket", "/lienket ABCD1234",
  "/moi", "/moi DS23456789", "/daisu", "/gapnguoi", "tôi là Nguyễn Văn A, sđt 0912345678, số CCCD 001099012345",
  "mật khẩu của tôi là Abc@12345", "xổ số hôm nay", "thời tiết mai thế nào",
];
const NASTY = [
  "", " ", "\u0000", "a\u0000b", "/lienket\u0000ABCD", "/moi \u0000\u0000", "\u0007\u001b[31mred\u001b[0m", "\r\n\r\n",
  "\uD800", "\uDFFF\uD800", "\u202Eevil\u202C", "e\u0301\u0301\u0301\u0301", "🧓🏽📱✅", "\uFEFF", "\u200B\u200B",
  "' OR 1=1 --", "'); DROP TABLE learner_profile; --", "<script>alert(1)</script>", "<img src=x onerror=alert(1)>",
  "../../../../etc/passwd", "%s%s%n%x", "${7*7}", "{{7*7}}", "=cmd|' /C calc'!A0", "+SUM(1)", "@import", "-1",
  "__proto__", "constructor", "toString", "null", "undefined", "NaN", "[object Object]", "say:", "say:/hoso",
  "ob:u:01", "ob:u:../../x", "ob:del", "ob:yes", "ob:g:citizen", "ob:a:60+", "qz:r", "qz:a:xx:0", "s:next", "s:all",
  "ls:t", "kb:nope", "x".repeat(64), "x".repeat(65),
];
const SCALARS: unknown[] = [null, true, false, 0, -1, 1.5, 1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, "", "0", [], {}, [1, "a"], { a: 1 }];

function hostileString(): string {
  const r = rnd();
  if (r < 0.35) return pick(QUESTIONS);
  if (r < 0.7) return pick(NASTY);
  if (r < 0.8) return pick(QUESTIONS) + pick(NASTY) + pick(QUESTIONS);
  if (r < 0.87) return pick(["a", "ă", "🙂", "\u0000", "dài "]).repeat(pick([999, 1000, 1001, 2000, 5000, 50_000]));
  if (r < 0.95) return Array.from({ length: 1 + int(40) }, () => String.fromCharCode(int(0x10000))).join("");
  return Array.from({ length: 1 + int(20) }, () => String.fromCodePoint(int(0x110000))).join("");
}
function hostileValue(depth = 0): unknown {
  const r = rnd();
  if (r < 0.45) return hostileString();
  if (r < 0.75 || depth > 3) return pick(SCALARS);
  if (r < 0.88) return Array.from({ length: int(4) }, () => hostileValue(depth + 1));
  const o: Record<string, unknown> = {};
  for (let i = 0; i < int(4); i++) o[pick(["a", "__proto__", "constructor", "text", "userId", hostileString().slice(0, 20)])] = hostileValue(depth + 1);
  return o;
}
/** Deeply nested JSON text, built as text (JSON.stringify itself overflows the stack on such values). */
function deepNest(depth: number): string {
  return chance(0.5) ? `${"[".repeat(depth)}"x"${"]".repeat(depth)}` : `${'{"a":'.repeat(depth)}1${"}".repeat(depth)}`;
}
const IPS = Array.from({ length: 200 }, (_, i) => (i % 4 === 3 ? `2001:db8:${i.toString(16)}::${i}` : `198.51.100.${i}`));
const FLOODER_IP = "203.0.113.66";

// ── requests per entry point ───────────────────────────────────────────────────────────────────────────────────
type Req = InjectOptions & { url: string };

/** A raw body with a content type: bad JSON, wrong types, oversized, or a JSON value. */
function rawBody(value: unknown): Pick<InjectOptions, "payload" | "headers"> {
  const r = rnd();
  if (r < 0.05) return { payload: pick(["{", "{\"userId\":", "[1,2", "nul", "\"unterminated", "{'a':1}", "{\"a\":1}}"]), headers: { "content-type": "application/json" } };
  if (r < 0.08) return { payload: "userId=a&text=b", headers: { "content-type": pick(["application/x-www-form-urlencoded", "text/plain", "multipart/form-data; boundary=x", "application/xml"]) } };
  if (r < 0.1) return { payload: "", headers: { "content-type": "application/json" } };
  if (r < 0.12) return { payload: JSON.stringify({ userId: "u", text: "x".repeat(200_000 + int(2_000_000)) }), headers: { "content-type": "application/json" } };
  if (r < 0.14) return { payload: deepNest(pick([50, 500, 5_000, 50_000])), headers: { "content-type": "application/json" } };
  return { payload: JSON.stringify(value) ?? "null", headers: { "content-type": pick(["application/json", "application/json; charset=utf-8", "APPLICATION/JSON"]) } };
}

let userSeq = 0;
function chatRequest(): Req {
  const r = rnd();
  let body: unknown;
  if (r < 0.45) body = { userId: chance(0.7) ? `fz-${userSeq++ % 3000}` : hostileString(), text: hostileString() };
  else if (r < 0.6) body = { userId: `fz-${int(3000)}`, action: hostileString() };
  else if (r < 0.75) body = { userId: hostileValue(), text: hostileValue(), action: chance(0.5) ? hostileValue() : undefined };
  else if (r < 0.85) body = { userId: "fz-1", text: "hỏi", [pick(["extra", "__proto__", "constructor", "isAdmin"])]: hostileValue() };
  else body = hostileValue();
  const ip = chance(0.15) ? FLOODER_IP : pick(IPS);
  const { payload, headers } = rawBody(body);
  return {
    method: chance(0.97) ? "POST" : pick(["GET", "PUT", "DELETE", "PATCH"]),
    url: chance(0.98) ? "/api/chat" : pick(["/api/chat?x=1", "/api/chat/", "/api//chat", "/API/CHAT"]),
    remoteAddress: ip,
    headers: { ...headers, ...(chance(0.1) ? { "x-forwarded-for": pick([FLOODER_IP, "1.2.3.4, 5.6.7.8", "garbage", "::1"]) } : {}) },
    payload,
  };
}

const TG_CHATS = 400;
const tgChatId = () => 7_000_000_000 + int(TG_CHATS);
let updateSeq = 1;
function telegramUpdate(): unknown {
  const update_id = chance(0.95) ? updateSeq++ : pick<unknown>([1, -1, 0, 1.5, "12", null, 2 ** 53, undefined]);
  const chatId = tgChatId();
  const chatType = chance(0.85) ? "private" : pick(["group", "supergroup", "channel", "weird", 5]);
  const chat = chance(0.9) ? { id: chance(0.95) ? (chatType === "private" ? chatId : -chatId) : hostileValue(), type: chatType } : hostileValue();
  const from = chance(0.9) ? { id: chance(0.95) ? chatId : hostileValue(), is_bot: chance(0.05), first_name: hostileString().slice(0, 30) } : hostileValue();
  const text = hostileString();
  const entities = chance(0.3)
    ? Array.from({ length: 1 + int(3) }, () => ({ type: pick(["bot_command", "mention", "text_mention", "url", "bold", 7]), offset: pick([0, 1, -1, 5, 10_000]), length: pick([0, 1, 4, 999_999, -3]), user: chance(0.3) ? { id: 777 } : undefined }))
    : undefined;
  const r = rnd();
  let body: Record<string, unknown>;
  if (r < 0.55) {
    body = { message: { message_id: int(1e6), date: 1, chat, from, text, entities, ...(chance(0.1) ? { reply_to_message: { message_id: 1, chat, from: { id: 777, is_bot: true, first_name: "Bot" } } } : {}), ...(chance(0.05) ? { via_bot: { id: 1 } } : {}) } };
  } else if (r < 0.65) {
    body = { message: { message_id: int(1e6), date: 1, chat, from, [pick(["photo", "sticker", "voice", "location", "contact", "poll", "dice", "document"])]: hostileValue() } };
  } else if (r < 0.8) {
    body = { callback_query: { id: String(int(1e9)), from, chat_instance: "x", data: chance(0.7) ? pick(["s:next", "s:all", "qz:r", "ob:yes", "ls:t", "#1", "#999999", hostileString().slice(0, 80)]) : hostileValue(), message: chance(0.9) ? { message_id: 1, date: 1, chat } : undefined } };
  } else if (r < 0.88) {
    body = { poll_answer: { poll_id: chance(0.5) ? `poll-${int(5)}` : hostileValue(), user: from, option_ids: chance(0.7) ? [int(5)] : hostileValue() } };
  } else if (r < 0.93) {
    body = { [pick(["edited_message", "channel_post", "my_chat_member", "inline_query", "chosen_inline_result", "shipping_query", "unknown_kind"])]: hostileValue() };
  } else {
    body = hostileValue() as Record<string, unknown>;
    if (body && typeof body === "object" && chance(0.5)) return { ...body, update_id };
    return body;
  }
  return { update_id, ...body };
}
const TG_SECRET = "fuzz_secret_0123456789";
function telegramRequest(): Req {
  const secret = rnd();
  const { payload, headers } = rawBody(telegramUpdate());
  return {
    method: "POST",
    url: "/webhooks/telegram",
    remoteAddress: "149.154.167.220",
    headers: { ...headers, ...(secret < 0.88 ? { "x-telegram-bot-api-secret-token": TG_SECRET } : secret < 0.95 ? { "x-telegram-bot-api-secret-token": pick(["wrong", TG_SECRET.toUpperCase(), `${TG_SECRET}x`, "", " "]) } : {}) },
    payload,
  };
}

const ZALO_CHATS = 400;
let zaloMessageSeq = 1;
function zaloEvent(): unknown {
  const chat = `zc${int(ZALO_CHATS)}`;
  const message = chance(0.9)
    ? {
        message_id: chance(0.9) ? `zm-${zaloMessageSeq++}` : hostileValue(),
        text: chance(0.85) ? hostileString() : hostileValue(),
        from: chance(0.9) ? { id: chance(0.95) ? chat : hostileValue(), display_name: hostileString().slice(0, 20) } : hostileValue(),
        chat: chance(0.9) ? { id: chance(0.95) ? chat : hostileValue(), chat_type: chance(0.85) ? "PRIVATE" : pick(["GROUP", "USER", "x", 1]) } : hostileValue(),
        date: Date.now(),
      }
    : hostileValue();
  const event_name = chance(0.7)
    ? "message.text.received"
    : chance(0.6) ? pick(["message.image.received", "message.sticker.received", "message.unsupported.received", "message.voice.received", "message.link.received"]) : hostileValue();
  const event = { event_name, message };
  const r = rnd();
  if (r < 0.5) return event;
  if (r < 0.9) return { ok: chance(0.9) ? true : hostileValue(), result: event };
  return hostileValue();
}
const ZALO_SECRET = "fuzz-zalo-secret-0123";
function zaloRequest(): Req {
  const secret = rnd();
  const { payload, headers } = rawBody(zaloEvent());
  return {
    method: "POST",
    url: "/webhooks/zalo",
    remoteAddress: "203.0.113.200",
    headers: { ...headers, ...(secret < 0.88 ? { "x-bot-api-secret-token": ZALO_SECRET } : secret < 0.95 ? { "x-bot-api-secret-token": pick(["wrong", "", " ", ZALO_SECRET.slice(1)]) } : {}) },
    payload,
  };
}

const ADMIN_TOKEN = "fuzz-admin-token-0123456789";
const b64 = (v: unknown) => Buffer.from(JSON.stringify(v) ?? "null").toString("base64url");
/** Percent-encodes the UTF-8 bytes (lone surrogates become U+FFFD, as a browser sends them); encodeURIComponent throws. */
const pct = (s: string) => [...Buffer.from(s, "utf8")].map((byte) => (/[A-Za-z0-9_.~-]/.test(String.fromCharCode(byte)) ? String.fromCharCode(byte) : `%${byte.toString(16).toUpperCase().padStart(2, "0")}`)).join("");
const qs = (params: Record<string, unknown>) =>
  Object.entries(params)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${pct(k)}=${pct(typeof v === "string" ? v : JSON.stringify(v) ?? "")}`)
    .join("&");
function adminRequest(): Req {
  const t = rnd();
  const authorization = t < 0.8 ? `Bearer ${ADMIN_TOKEN}` : t < 0.9 ? pick(["Bearer wrong-token-000000000", `bearer ${ADMIN_TOKEN}`, `Bearer ${ADMIN_TOKEN} `, "Basic YWRtaW46YWRtaW4=", "Bearer", "Bearer \u00e9"]) : undefined;
  const headers: Record<string, string> = authorization !== undefined ? { authorization } : {};
  const r = rnd();
  const maybe = (v: () => unknown) => (chance(0.5) ? v() : undefined);
  if (r < 0.35) {
    const cursor = chance(0.3)
      ? chance(0.5) ? b64({ limit: pick<unknown>([1, 10, 500, 501, -1, 1.5, "10", null, 1e9]), afterSeq: pick<unknown>([0, 5, -1, "0", 1e20, null]), ...(chance(0.5) ? { [pick(["verb", "agentName", "since", "until", "activity", "extra"])]: hostileValue() } : {}) }) : hostileString()
      : undefined;
    const query = qs({
      since: maybe(() => pick(["2026-01-01T00:00:00Z", "yesterday", "2026-13-45", "", hostileString()])),
      until: maybe(() => pick(["2027-01-01", "0", hostileString()])),
      verb: maybe(() => pick(["http://adlnet.gov/expapi/verbs/passed", "javascript:alert(1)", hostileString()])),
      activity: maybe(() => pick(["https://troly.so/lessons/x", hostileString()])),
      agent: maybe(() => pick([JSON.stringify({ objectType: "Agent", account: { homePage: "https://troly.so", name: hostileString() } }), JSON.stringify(hostileValue()), hostileString()])),
      limit: maybe(() => pick<unknown>([0, 1, 500, 501, -1, "abc", 1.5, "1e3", hostileString()])),
      cursor,
    });
    return { method: "GET", url: `/xapi/statements${query ? `?${query}` : ""}`, headers };
  }
  if (r < 0.55) {
    const query = qs({ quarter: maybe(() => pick(["2026-Q4", "2026-Q5", "2026-Q1", "9999-Q1", "0000-Q1", hostileString()])), format: maybe(() => pick(["json", "csv", "xml", hostileString()])) });
    return { method: "GET", url: `/admin/reports${query ? `?${query}` : ""}`, headers };
  }
  if (r < 0.65) return { method: "GET", url: "/admin/mentors", headers };
  if (r < 0.8) return { method: "GET", url: `/api/admin/unanswered?${qs({ limit: pick<unknown>([1, 50, 500, 100_000, -5, "x", hostileString()]) })}`, headers };
  if (r < 0.85) return { method: "GET", url: pick(["/admin/report", "/admin/report?x=<script>", "/admin/../admin/report", "/admin/%2e%2e/etc/passwd", "/admin/reports/../../x"]), headers };
  // Mentor codes: a valid label rarely (each one is a row that GET /admin/mentors walks), hostile bodies often.
  const { payload, headers: bodyHeaders } = rawBody(chance(0.02) ? { label: `Đại sứ ${int(1000)}` } : chance(0.5) ? { label: hostileValue() } : hostileValue());
  return { method: "POST", url: "/admin/mentor-codes", headers: { ...headers, ...bodyHeaders }, payload };
}

// ── running and counting ───────────────────────────────────────────────────────────────────────────────────────
/** A stack frame, a source path or an internal error name in a response body. */
const LEAK = /\n\s+at [^\n]+:\d+:\d+|\bat [\w.<>$]+ \((?:file:\/\/)?\/[^)]+:\d+:\d+\)|node_modules|\/src\/[\w/-]+\.[jt]s|SQLITE_|TypeError|RangeError|ReferenceError|ZodError/;

interface Tally {
  name: string;
  sent: number;
  statuses: Map<number, number>;
  serverErrors: number;
  leaks: number;
  examples: string[];
  unsendable: number;
  unsendableExamples: string[];
  ms: number;
}

async function fuzz(app: FastifyInstance, name: string, make: () => Req): Promise<Tally> {
  const tally: Tally = { name, sent: 0, statuses: new Map(), serverErrors: 0, leaks: 0, examples: [], unsendable: 0, unsendableExamples: [], ms: 0 };
  const started = performance.now();
  const step = Math.max(1, Math.floor(N / 10));
  let next = 0;
  async function worker() {
    while (next < N) {
      next++;
      const req = make();
      let status: number;
      let body: string;
      try {
        const res = await app.inject(req);
        status = res.statusCode;
        body = res.body;
      } catch (error) {
        // The request could not even be built (an HTTP client would refuse it too): not sent, not a server error.
        tally.unsendable++;
        next--; // generate another one in its place, so N requests are really sent
        if (tally.unsendableExamples.length < 3) tally.unsendableExamples.push(`${req.method} ${req.url.slice(0, 80)}: ${(error as Error).message}`);
        continue;
      }
      tally.sent++;
      tally.statuses.set(status, (tally.statuses.get(status) ?? 0) + 1);
      const leaked = LEAK.test(body);
      if (status >= 500) tally.serverErrors++;
      if (leaked) tally.leaks++;
      if ((status >= 500 || leaked) && tally.examples.length < 5) {
        tally.examples.push(`${status} ${req.method} ${req.url.slice(0, 120)} → ${body.slice(0, 300).replace(/\s+/g, " ")}`);
      }
      if (tally.sent % step === 0 && tally.sent > 0) {
        console.log(`  ${name}: ${tally.sent}/${N} sent, 5xx ${tally.serverErrors}, leaks ${tally.leaks} (${Math.round((performance.now() - started) / 1000)} s)`);
      }
    }
  }
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  tally.ms = performance.now() - started;
  return tally;
}

const formatStatuses = (m: Map<number, number>) => [...m.entries()].sort(([a], [b]) => a - b).map(([s, n]) => `${s}: ${n}`).join(", ");

// Log lines at warn and above are counted and scanned for raw platform chat ids.
const logged = { warn: 0, error: 0, rawChatIds: 0, errorMsgs: new Map<string, number>() };
const tgChatPattern = /\b7000000\d{3}\b|\bzc\d{1,3}\b/;
const logSink = new Writable({
  write(chunk: Buffer, _enc, done) {
    for (const line of chunk.toString("utf8").split("\n")) {
      if (!line) continue;
      let entry: { level?: number; msg?: string; err?: { message?: string } };
      try {
        entry = JSON.parse(line) as typeof entry;
      } catch {
        continue;
      }
      if ((entry.level ?? 0) < 40) continue;
      if ((entry.level ?? 0) >= 50) {
        logged.error++;
        const key = `${String(entry.msg).slice(0, 80)}${entry.err?.message ? ` (e.g. ${entry.err.message.slice(0, 120)})` : ""}`;
        logged.errorMsgs.set(key, (logged.errorMsgs.get(key) ?? 0) + 1);
      } else logged.warn++;
      if (tgChatPattern.test(line)) logged.rawChatIds++;
    }
    done();
  },
});

const dataDir = mkdtempSync(join(tmpdir(), "tro-ly-so-fuzz-"));
const telegramApi = await startFakeTelegramApi();
const zaloApi = await startFakeZaloApi({ token: "12345:fuzz-zalo-token", pollWaitMs: 10 });
const config = loadConfig({
  DATA_DIR: dataDir,
  KNOWLEDGE_DIR: process.env.KNOWLEDGE_DIR,
  PROMPTS_DIR: process.env.PROMPTS_DIR,
  LOG_LEVEL: "warn",
  TELEGRAM_BOT_TOKEN: "123456:FUZZ-telegram-token",
  TELEGRAM_API_ROOT: telegramApi.url,
  TELEGRAM_WEBHOOK_URL: "https://fuzz.invalid/",
  TELEGRAM_WEBHOOK_SECRET: TG_SECRET,
  ZALO_BOT_TOKEN: "12345:fuzz-zalo-token",
  ZALO_API_BASE: zaloApi.url,
  ZALO_WEBHOOK_SECRET: ZALO_SECRET,
  ZALO_MODE: "webhook",
  ADMIN_API_TOKEN: ADMIN_TOKEN,
});
const logger = pino({ level: "warn" }, logSink);
console.log(`fuzz: ${N} inputs per entry point, seed ${SEED}, temp DATA_DIR ${dataDir} (SQLite), fake Bot APIs on 127.0.0.1`);
console.log("fuzz: composing the app (builds the search index on first start)…");
const app = await composeApp(config, logger);
const http = await app.buildHttp();
await app.start();
const started = performance.now();
const tallies: Tally[] = [];
let exitCode = 0;
try {
  for (const [name, make] of [
    ["POST /api/chat", chatRequest],
    ["POST /webhooks/telegram", telegramRequest],
    ["POST /webhooks/zalo", zaloRequest],
    ["admin API", adminRequest],
  ] as const) {
    console.log(`fuzz: ${name}…`);
    tallies.push(await fuzz(http, name, make));
  }
  console.log(`fuzz: requests done; waiting up to ${DRAIN_S} s for the channels' background answers and sends…`);
  const drainStart = performance.now();
  const drained = await Promise.race([
    app.close().then(() => true),
    new Promise<boolean>((resolve) => setTimeout(() => resolve(false), DRAIN_S * 1000).unref()),
  ]);
  const drainS = Math.round((performance.now() - drainStart) / 1000);

  console.log(`\n== fuzz summary (seed ${SEED}, ${Math.round((performance.now() - started) / 1000)} s) ==`);
  for (const t of tallies) {
    console.log(`${t.name}: sent ${t.sent}; status ${formatStatuses(t.statuses)}; server errors (5xx) ${t.serverErrors}; stack/internal leaks ${t.leaks}; ${Math.round(t.ms / 1000)} s`);
    for (const e of t.examples) console.log(`    e.g. ${e}`);
    if (t.unsendable > 0) console.log(`    (${t.unsendable} generated requests could not be built by inject and were not sent, e.g. ${t.unsendableExamples[0]})`);
    if (t.serverErrors > 0 || t.leaks > 0) exitCode = 1;
  }
  const sent = (api: { calls: Array<{ method: string }> }, method: string) => api.calls.filter((c) => c.method === method).length;
  console.log(
    `background: Telegram sendMessage ${sent(telegramApi, "sendMessage")}, sendPoll ${sent(telegramApi, "sendPoll")}, Zalo sendMessage ${sent(zaloApi, "sendMessage")}; ` +
      `drained ${drained ? `yes (${drainS} s)` : `no (still sending after ${DRAIN_S} s)`}`,
  );
  console.log(`logs: error lines ${logged.error}, warn lines ${logged.warn}, warn/error lines with a raw chat id ${logged.rawChatIds}`);
  for (const [msg, n] of [...logged.errorMsgs.entries()].sort((a, b) => b[1] - a[1]).slice(0, 8)) console.log(`    error ×${n}: ${msg}`);
  if (logged.rawChatIds > 0) exitCode = 1;
} finally {
  await http.close().catch(() => undefined);
  await telegramApi.close().catch(() => undefined);
  await zaloApi.close().catch(() => undefined);
  rmSync(dataDir, { recursive: true, force: true });
}
process.exit(exitCode);
