import type { FastifyReply, FastifyRequest } from "fastify";

/** The admin session cookie (httpOnly) and its CSRF companion (readable by admin.js, sent back as X-CSRF-Token). */
export const SESSION_COOKIE = "troly_admin_session";
export const CSRF_COOKIE = "troly_admin_csrf";
export const CSRF_HEADER = "x-csrf-token";

/** Reads one cookie from the Cookie header (no dependency: we need two names and no signing). */
export function readCookie(request: FastifyRequest, name: string): string | undefined {
  for (const part of (request.headers.cookie ?? "").split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq).trim() === name) {
      try {
        return decodeURIComponent(part.slice(eq + 1).trim());
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}

/**
 * Sets both cookies. SameSite=Strict: no other site can make the browser send them. Secure when the request came over
 * HTTPS (trustProxy reads X-Forwarded-Proto), so plain-HTTP development on 127.0.0.1 still works. Path=/ because the
 * admin API also serves /xapi/statements. No Max-Age on a cleared value.
 */
export function setSessionCookies(request: FastifyRequest, reply: FastifyReply, session: { id: string; csrf: string; maxAgeS: number } | undefined): void {
  const secure = request.protocol === "https" ? "; Secure" : "";
  const life = session ? `; Max-Age=${session.maxAgeS}` : "; Max-Age=0";
  reply.header("Set-Cookie", [
    `${SESSION_COOKIE}=${session ? encodeURIComponent(session.id) : ""}; Path=/; HttpOnly; SameSite=Strict${secure}${life}`,
    `${CSRF_COOKIE}=${session ? encodeURIComponent(session.csrf) : ""}; Path=/; SameSite=Strict${secure}${life}`,
  ]);
}
