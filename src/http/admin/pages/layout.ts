import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { FastifyInstance, FastifyReply } from "fastify";

/**
 * One look and one set of security headers for every admin page (issue 13). Pages are static HTML shells: data comes
 * from /admin/api with the session cookie (or a pasted token), so no page embeds anything about a learner, and every
 * script is a file under /admin/assets — the CSP allows no inline script at all.
 */
export const ADMIN_PAGE_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
  "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

const assetsDir = join(dirname(fileURLToPath(import.meta.url)), "assets");

/** The navigation every page shows; each page marks itself current. */
const NAV: Array<{ href: string; label: string }> = [
  { href: "/admin", label: "Trang chính" },
  { href: "/admin/lessons", label: "Bài học" },
  { href: "/admin/curated", label: "Câu trả lời duyệt sẵn" },
  { href: "/admin/inbox", label: "Câu hỏi chưa trả lời được" },
  { href: "/admin/notices", label: "Thông báo địa phương" },
  { href: "/admin/report", label: "Báo cáo" },
  { href: "/admin/accounts", label: "Tài khoản" },
  { href: "/admin/audit", label: "Nhật ký thay đổi" },
];

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * A complete admin page: header, navigation, `body` (trusted HTML written by us, never data) and the page's own
 * scripts (file names under /admin/assets, loaded after admin.js).
 */
export function adminPage(options: { title: string; path: string; body: string; scripts?: string[] }): string {
  const nav = NAV.map((n) => `<a href="${n.href}"${n.href === options.path ? ' aria-current="page"' : ""}>${escapeHtml(n.label)}</a>`).join("");
  const scripts = ["admin.js", ...(options.scripts ?? [])].map((s) => `<script src="/admin/assets/${s}" defer></script>`).join("");
  return `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(options.title)} – Trợ lý số</title><link rel="stylesheet" href="/admin/assets/admin.css">${scripts}</head>
<body><header><strong>Trợ lý số · Quản trị</strong><nav>${nav}</nav><span id="who"></span></header>
<main><h1>${escapeHtml(options.title)}</h1><div id="status" role="status" aria-live="polite"></div>${options.body}</main></body></html>`;
}

/** Sends an admin page with the security headers (CSP, frame-ancestors, nosniff, no referrer, no caching). */
export function sendAdminPage(reply: FastifyReply, html: string): FastifyReply {
  return reply
    .header("Content-Type", "text/html; charset=utf-8")
    .header("Cache-Control", "no-store")
    .header("Content-Security-Policy", ADMIN_PAGE_CSP)
    .header("X-Content-Type-Options", "nosniff")
    .header("X-Frame-Options", "DENY")
    .header("Referrer-Policy", "no-referrer")
    .send(html);
}

const TYPES: Record<string, string> = { ".css": "text/css; charset=utf-8", ".js": "text/javascript; charset=utf-8" };

/** GET /admin/assets/:file — the pages' scripts and style sheet (names checked: no path ever leaves the folder). */
export function adminAssetsRoute(app: FastifyInstance): void {
  app.get<{ Params: { file: string } }>("/admin/assets/:file", async (request, reply) => {
    const { file } = request.params;
    const type = TYPES[file.slice(file.lastIndexOf("."))];
    if (!/^[a-z0-9-]+\.(css|js)$/.test(file) || !type) return reply.code(404).send({ error: "not_found", messageVi: "Không có tệp này." });
    let body: Buffer;
    try {
      body = readFileSync(join(assetsDir, file));
    } catch {
      return reply.code(404).send({ error: "not_found", messageVi: "Không có tệp này." });
    }
    return reply.header("Content-Type", type).header("X-Content-Type-Options", "nosniff").header("Cache-Control", "no-cache").send(body);
  });
}
