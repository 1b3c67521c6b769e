/**
 * `npm run fault` scenario e: the Telegram Bot API answers 429 (retry_after 3) and 502 to every sendMessage /
 * sendPoll for a minute while group members keep asking the bot (webhook mode, the fake Bot API of the tests on
 * 127.0.0.1). Updates are sent to POST /webhooks/telegram during the outage and after it; every answer quotes its
 * question in groups, so each delivered message names the update it answers. Counts updates sent and acknowledged
 * (HTTP 200), updates whose answer reached the API once the outage ended, answers delivered twice, and how long the
 * webhook took to acknowledge (Telegram redelivers when that is slow).
 */
import { startFakeTelegramApi } from "../tests/fakes/fake-telegram-api.js";
import { freePort, sleep, startApp } from "./fault-app.js";
import type { ScenarioRow } from "./fault-sqlite.js";
import Database from "better-sqlite3";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const SECRET = "fault-webhook-secret";
const GROUPS = 8;
const QUESTIONS = ["cách cài VNeID", "mã OTP là gì", "làm sao nhận biết lừa đảo qua điện thoại", "cách chuyển tiền an toàn"];
const log = (line: string) => process.stderr.write(`  ${line}\n`);

export async function telegramOutage(options: { outageMs?: number; drainMs?: number } = {}): Promise<ScenarioRow> {
  const outageMs = options.outageMs ?? 60_000;
  const drainMs = options.drainMs ?? 120_000;
  const fake = await startFakeTelegramApi();
  const dataDir = mkdtempSync(join(tmpdir(), "tls-fault-telegram-"));
  const app = await startApp(await freePort(), {
    DATA_DIR: dataDir,
    TELEGRAM_BOT_TOKEN: "123456:fault-token",
    TELEGRAM_API_ROOT: fake.url,
    TELEGRAM_WEBHOOK_URL: "https://bot.example.test/webhooks/telegram",
    TELEGRAM_WEBHOOK_SECRET: SECRET,
  });
  try {
    for (let i = 0; i < 200 && fake.callsOf("setWebhook").length === 0; i++) await sleep(100);
    let updateId = 1;
    let messageId = 1;
    const sent = new Set<number>();
    const acked = new Set<number>();
    const ackMs: number[] = [];
    let serverErrors = 0;
    const post = async (group: number, text: string) => {
      const id = messageId++;
      const user = { id: 5000 + id, is_bot: false, first_name: `Thành viên ${id}` };
      const mention = `@${fake.me.username} `;
      const update = {
        update_id: updateId++,
        message: {
          message_id: id, date: Math.floor(Date.now() / 1000), from: user,
          chat: { id: -1000 - group, type: "supergroup", title: `Lớp học số ${group}` },
          text: `${mention}${text}`, entities: [{ type: "mention", offset: 0, length: mention.length - 1 }],
        },
      };
      sent.add(id);
      const started = performance.now();
      try {
        const res = await fetch(`${app.url}/webhooks/telegram`, {
          method: "POST",
          headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": SECRET },
          body: JSON.stringify(update),
          signal: AbortSignal.timeout(30_000),
        });
        ackMs.push(performance.now() - started);
        if (res.status === 200) acked.add(id);
        else if (res.status >= 500) serverErrors += 1;
      } catch {
        serverErrors += 1;
      }
    };

    // The outage: every send fails, alternating 429 with retry_after and 502, until it ends.
    const failures = Array.from({ length: 5000 }, (_, i) => (i % 2 ? { code: 502, description: "Bad Gateway" } : { code: 429, retryAfter: 3 }));
    for (const method of ["sendMessage", "sendPoll"]) for (const f of failures) fake.failNext(method, f);
    const outageStart = Date.now();
    log(`Bot API failing (429/502) for ${Math.round(outageMs / 1000)} s; updates sent meanwhile`);
    let q = 0;
    while (Date.now() - outageStart < outageMs * 0.6) {
      for (let g = 0; g < GROUPS; g++) await post(g, QUESTIONS[q++ % QUESTIONS.length]!);
      await sleep(outageMs / 10);
    }
    const duringOutage = sent.size;
    await sleep(Math.max(0, outageMs - (Date.now() - outageStart)));
    const failedCalls = fake.calls.filter((c) => c.method === "sendMessage" || c.method === "sendPoll").length;
    fake.reset(); // the outage ends: failures cleared; calls recorded from now on were answered ok
    const recovered = Date.now();
    log(`Bot API healthy again after ${failedCalls} failed sends; ${GROUPS} more updates`);
    for (let g = 0; g < GROUPS; g++) await post(g, QUESTIONS[q++ % QUESTIONS.length]!);

    const quoted = () => {
      const byUpdate = new Map<number, number>();
      for (const call of fake.calls) {
        if (call.method !== "sendMessage" && call.method !== "sendPoll") continue;
        const quote = (call.payload.reply_parameters as { message_id?: number } | undefined)?.message_id;
        if (quote !== undefined) byUpdate.set(quote, (byUpdate.get(quote) ?? 0) + 1);
      }
      return byUpdate;
    };
    let lastProgress = 0;
    while (Date.now() - recovered < drainMs && [...acked].some((id) => !quoted().has(id))) {
      if (Date.now() - lastProgress > 10_000) {
        lastProgress = Date.now();
        log(`${[...acked].filter((id) => quoted().has(id)).length}/${acked.size} acknowledged updates answered so far`);
      }
      await sleep(500);
    }
    // Not delivered yet is not lost while the answer waits in the durable outbox: look there after a clean stop.
    await app.stop();
    const answered = quoted();
    const delivered = [...acked].filter((id) => answered.has(id)).length;
    const lastDelivery = fake.calls.length ? Math.max(...fake.calls.map((c) => c.at)) - recovered : 0;
    const outbox = outboxByQuote(join(dataDir, "tro-ly-so.sqlite"));
    const missing = [...acked].filter((id) => !answered.has(id));
    const queued = missing.filter((id) => outbox.get(id) === "pending").length;
    const dead = missing.filter((id) => outbox.get(id) === "dead").length;
    return {
      scenario: `e Telegram API 429/5xx for ${Math.round(outageMs / 1000)} s`,
      sent: sent.size,
      acked: acked.size,
      // A dead letter is visible to the admin, but the citizen never got the answer: counted as lost.
      lost: missing.length - queued,
      duplicated: [...answered.values()].reduce((sum, n) => sum + (n - 1), 0),
      serverErrors,
      slowestPoliteMs: ackMs.length ? Math.round(Math.max(...ackMs)) : undefined,
      notes: [
        `${duringOutage} updates during the outage, ${sent.size - duringOutage} after; ${failedCalls} sends refused by the API`,
        `${delivered}/${acked.size} acknowledged updates answered, the last ${Math.round(lastDelivery / 1000)} s after the API recovered ` +
          `(waited up to ${Math.round(drainMs / 1000)} s); "slowest polite" here = slowest webhook acknowledgement`,
        `not delivered when the wait ended: ${queued} still queued in the outbox (sent later, not lost), ${dead} dead letters` +
          (missing.length ? `; missing message ids ${missing.slice(0, 5).join(", ")}` : ""),
        ...(app.errors.length ? [`${app.errors.length} error log lines, e.g. ${app.errors[0]!.slice(0, 120)}`] : []),
      ],
    };
  } finally {
    await app.stop();
    await fake.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Outbox rows (pending / dead) by the message id their first message quotes; empty when there is no outbox table. */
function outboxByQuote(file: string): Map<number, string> {
  const out = new Map<number, string>();
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    for (const row of db.prepare("SELECT state, payload FROM channel_outbox").all() as Array<{ state: string; payload: string }>) {
      const quote = (JSON.parse(row.payload) as { params?: { reply_parameters?: { message_id?: number } } }).params?.reply_parameters?.message_id;
      if (quote !== undefined) out.set(quote, row.state);
    }
  } catch {
    // no outbox (older schema) or an unreadable row: nothing queued
  } finally {
    db?.close();
  }
  return out;
}
