/**
 * npm run telegram:webhook -- set|delete|info
 * Registers, removes or shows the Telegram webhook for TELEGRAM_BOT_TOKEN. `set` uses TELEGRAM_WEBHOOK_URL (full URL,
 * or the site's base URL to which /webhooks/telegram is appended) and TELEGRAM_WEBHOOK_SECRET.
 */
import { Telegram } from "telegraf";
import { loadConfig } from "../src/config.js";
import { resolveWebhookUrl, telegramAllowedUpdates, telegramWebhookPath } from "../src/channels/telegram/index.js";

const usage = "usage: npm run telegram:webhook -- set|delete|info";

async function main(): Promise<number> {
  const command = process.argv[2];
  if (!command || !["set", "delete", "info"].includes(command)) {
    console.error(usage);
    return 2;
  }
  const config = loadConfig(process.env);
  if (!config.telegram) {
    console.error("TELEGRAM_BOT_TOKEN is not set: nothing to do.");
    return 1;
  }
  const telegram = new Telegram(config.telegram.token, { apiRoot: config.telegram.apiRoot, webhookReply: false });
  const me = await telegram.getMe();
  console.log(`bot: @${me.username} (id ${me.id})`);

  if (command === "set") {
    const { webhookUrl, webhookSecret } = config.telegram;
    if (!webhookUrl || !webhookSecret) {
      console.error("set needs TELEGRAM_WEBHOOK_URL and TELEGRAM_WEBHOOK_SECRET (12+ characters of A-Z a-z 0-9 _ -).");
      return 1;
    }
    const url = resolveWebhookUrl(webhookUrl, telegramWebhookPath);
    console.log(`setting webhook → ${url}`);
    await telegram.setWebhook(url, { secret_token: webhookSecret, allowed_updates: [...telegramAllowedUpdates] });
  } else if (command === "delete") {
    console.log("deleting webhook (pending updates are kept; `npm start` without TELEGRAM_WEBHOOK_URL will poll them)");
    await telegram.deleteWebhook();
  }
  const info = await telegram.getWebhookInfo();
  console.log(
    [
      `webhook url: ${info.url || "(none — long polling mode)"}`,
      `pending updates: ${info.pending_update_count}`,
      info.last_error_message ? `last error: ${info.last_error_message} (${new Date((info.last_error_date ?? 0) * 1000).toISOString()})` : "last error: none",
      `allowed updates: ${info.allowed_updates?.join(", ") ?? "(default)"}`,
    ].join("\n"),
  );
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    const e = error as { response?: { error_code?: number; description?: string }; message?: string };
    if (e.response?.error_code === 401) console.error("Telegram rejected TELEGRAM_BOT_TOKEN (401). Get the token again from @BotFather.");
    else console.error(`telegram:webhook failed: ${e.response?.description ?? e.message ?? String(error)}`);
    process.exit(1);
  },
);
