/**
 * Operators may give either the full public webhook URL or just the site's base URL; in the second case the
 * channel's route path is appended. "https://troly.example" → "https://troly.example/webhooks/telegram".
 */
export function resolveWebhookUrl(configured: string, routePath: string): string {
  const url = new URL(configured);
  if (url.pathname === "/" || url.pathname === "") url.pathname = routePath;
  return url.toString();
}
