/**
 * npm run zalo:webhook -- set <public-url>|delete|info
 * Registers, removes or shows the Zalo Bot webhook for ZALO_BOT_TOKEN. `set` needs the public HTTPS URL (full, or the
 * site's base URL to which /webhooks/zalo is appended) and ZALO_WEBHOOK_SECRET (8-256 characters). Webhook and
 * getUpdates polling are exclusive: `delete` before running polling locally.
 */
import { loadConfig } from "../src/config.js";
import { createZaloClient, resolveWebhookUrl, ZaloApiError, zaloWebhookPath } from "../src/channels/zalo/index.js";

const usage = "usage: npm run zalo:webhook -- set <https://your.site>|delete|info";

async function main(): Promise<number> {
  const [command, urlArg] = process.argv.slice(2);
  if (!command || !["set", "delete", "info"].includes(command)) {
    console.error(usage);
    return 2;
  }
  const config = loadConfig(process.env);
  if (!config.zalo) {
    console.error("ZALO_BOT_TOKEN is not set: nothing to do.");
    return 1;
  }
  const client = createZaloClient({ token: config.zalo.token, apiBase: config.zalo.apiBase });
  const me = await client.getMe();
  console.log(`bot: ${me.display_name ?? me.account_name ?? "?"} (id ${me.id ?? "?"})`);

  if (command === "set") {
    if (!urlArg || !config.zalo.webhookSecret) {
      console.error(`set needs a public HTTPS URL argument and ZALO_WEBHOOK_SECRET.\n${usage}`);
      return 1;
    }
    const url = resolveWebhookUrl(urlArg, zaloWebhookPath);
    if (!url.startsWith("https://")) {
      console.error("Zalo only accepts public HTTPS webhook URLs (no localhost or private addresses).");
      return 1;
    }
    console.log(`setting webhook → ${url}`);
    await client.setWebhook(url, config.zalo.webhookSecret);
    if (config.zalo.mode !== "webhook") console.log("note: set ZALO_MODE=webhook (or keep ZALO_WEBHOOK_SECRET set) so `npm start` serves it.");
  } else if (command === "delete") {
    console.log("deleting webhook (needed before polling with getUpdates)");
    await client.deleteWebhook();
  }
  try {
    const info = await client.getWebhookInfo();
    console.log(`webhook url: ${info.url || "(none — polling mode)"}${info.updated_at ? `, updated ${new Date(info.updated_at).toISOString()}` : ""}`);
  } catch (error) {
    // Zalo answers 404 when no webhook is set.
    if (error instanceof ZaloApiError && error.code === 404) console.log("webhook url: (none — polling mode)");
    else throw error;
  }
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof ZaloApiError && error.isAuth) console.error("Zalo rejected ZALO_BOT_TOKEN (401). Copy it again from Zalo Bot Creator.");
    else console.error(`zalo:webhook failed: ${(error as Error).message}`);
    process.exit(1);
  },
);
