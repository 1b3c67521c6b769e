import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { FastifyPluginAsync } from "fastify";

import type { SourceRef } from "../../assistant/index.js";
import { isOfficialUrl } from "../shared/official-url.js";

export { webReplyHtml } from "./render-html.js";

/** Sources as the page gets them: a link only to official pages (`url` is "" otherwise; the page shows the title). */
export function webSources(sources: SourceRef[]): SourceRef[] {
  return sources.map((s) => (isOfficialUrl(s.url) ? s : { ...s, url: "" }));
}

const publicDir = join(dirname(fileURLToPath(import.meta.url)), "public");

const FILES: Record<string, { file: string; type: string }> = {
  "/": { file: "index.html", type: "text/html; charset=utf-8" },
  "/chat.js": { file: "chat.js", type: "text/javascript; charset=utf-8" },
  "/chat.css": { file: "chat.css", type: "text/css; charset=utf-8" },
};

/**
 * The web chat page: three static files, read once at registration (no build step, no CDN). A strict CSP keeps the
 * page from loading anything external, so it also works on networks that block third-party hosts.
 */
export const webChatPage: FastifyPluginAsync = async (app) => {
  for (const [url, { file, type }] of Object.entries(FILES)) {
    const body = readFileSync(join(publicDir, file));
    app.get(url, async (_request, reply) => {
      void reply
        .header("content-type", type)
        .header("cache-control", "no-cache")
        .header("x-content-type-options", "nosniff")
        .header("content-security-policy", "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'");
      return body;
    });
  }
};
