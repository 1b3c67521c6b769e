import type { Account, AdminStores } from "./accounts.js";
import { normalizeUsername } from "./accounts.js";
import { createLoginLimiter } from "./login-limiter.js";
import { hashPassword, verifyPassword } from "./passwords.js";
import type { Principal } from "./roles.js";
import { API_TOKEN_PREFIX, newSecret, sha256 } from "./secrets.js";

export const SESSION_IDLE_MS = 12 * 3600_000;
/** A session ends after this even when used all the time (a forgotten office PC). */
export const SESSION_MAX_MS = 7 * 24 * 3600_000;
/** Pushing the idle expiry forward is a write: done at most this often per session. */
const TOUCH_EVERY_MS = 60_000;
export const LOGIN_MAX_FAILURES = 5;
export const LOGIN_WINDOW_MS = 15 * 60_000;

export type LoginResult =
  | { ok: true; sessionId: string; csrf: string; account: Account }
  | { ok: false; reason: "invalid" | "limited" };

/** Who tried to sign in when nobody is signed in yet (the audit actor of "login.fail"). */
const ANONYMOUS = { id: "anonymous", username: "(chưa đăng nhập)" };

export function principalFor(account: Account, via: Principal["via"]): Principal {
  return { id: account.id, username: account.username, role: account.role, scope: account.scope, via };
}

/**
 * Sign-in, sessions and personal API tokens (issue 13). HTTP-free: the admin gate and the login route call it.
 * Every way in ends at an enabled account, read on each request, so a role change or a disable applies at once.
 */
export function createAdminAuth(deps: { stores: AdminStores; clock?: () => Date; limiter?: ReturnType<typeof createLoginLimiter> }) {
  const { accounts, sessions, tokens, audit } = deps.stores;
  const clock = deps.clock ?? (() => new Date());
  const limiter = deps.limiter ?? createLoginLimiter({ max: LOGIN_MAX_FAILURES, windowMs: LOGIN_WINDOW_MS, now: () => clock().getTime() });
  // Unknown usernames still pay for one scrypt, so response time does not tell which usernames exist.
  const dummyHash = hashPassword(newSecret());
  let accountsSeen = false;

  return {
    async login(usernameInput: string, password: string, ip: string): Promise<LoginResult> {
      const username = normalizeUsername(usernameInput) ?? usernameInput.trim().toLowerCase().slice(0, 60);
      const keys = [`ip:${ip}`, `user:${username}`];
      if (limiter.blocked(keys)) {
        await audit.record(ANONYMOUS, { action: "login.limited", target: `login:${username}`, detail: `tên đăng nhập ${username}; IP ${ip}` });
        return { ok: false, reason: "limited" };
      }
      const found = await accounts.findByUsername(username);
      const matches = await verifyPassword(password, found?.passwordHash ?? (await dummyHash));
      if (!found || !matches || found.disabled) {
        limiter.fail(keys);
        // Never the password: only who was tried, from where, and why (for the admin reading the log).
        const why = !found ? "không có tài khoản này" : found.disabled ? "tài khoản đã khoá" : "sai mật khẩu";
        const target = found ? `account:${found.id}` : `login:${username}`;
        await audit.record(ANONYMOUS, { action: "login.fail", target, detail: `tên đăng nhập ${username}: ${why}; IP ${ip}` });
        return { ok: false, reason: "invalid" };
      }
      limiter.clear(`user:${username}`);
      const { passwordHash: _hash, ...account } = found;
      const sessionId = newSecret();
      const csrf = newSecret();
      const now = clock();
      await sessions.deleteExpired(now.toISOString());
      await sessions.create({
        idHash: sha256(sessionId), accountId: account.id, csrf, createdAt: now.toISOString(),
        expiresAt: new Date(now.getTime() + SESSION_IDLE_MS).toISOString(),
      });
      await audit.record(account, { action: "login.ok", target: `account:${account.id}`, detail: `IP ${ip}` });
      return { ok: true, sessionId, csrf, account };
    },

    /** The principal and CSRF token of a live session, or undefined (unknown, expired, account disabled). */
    async session(sessionId: string): Promise<{ principal: Principal; csrf: string } | undefined> {
      const idHash = sha256(sessionId);
      const stored = await sessions.find(idHash);
      if (!stored) return undefined;
      const now = clock().getTime();
      if (Date.parse(stored.expiresAt) <= now || now - Date.parse(stored.createdAt) >= SESSION_MAX_MS) {
        await sessions.delete(idHash);
        return undefined;
      }
      const account = await accounts.get(stored.accountId);
      if (!account || account.disabled) return undefined;
      if (Date.parse(stored.expiresAt) - now < SESSION_IDLE_MS - TOUCH_EVERY_MS) {
        await sessions.touch(idHash, new Date(now + SESSION_IDLE_MS).toISOString());
      }
      return { principal: principalFor(account, "session"), csrf: stored.csrf };
    },

    async logout(sessionId: string): Promise<Account | undefined> {
      const stored = await sessions.find(sha256(sessionId));
      await sessions.delete(sha256(sessionId));
      return stored ? accounts.get(stored.accountId) : undefined;
    },

    /** The account behind a personal API token (Authorization: Bearer tls_…), or undefined. */
    async token(bearer: string): Promise<Principal | undefined> {
      if (!bearer.startsWith(API_TOKEN_PREFIX)) return undefined;
      const info = await tokens.findByHash(sha256(bearer));
      if (!info) return undefined;
      const account = await accounts.get(info.accountId);
      if (!account || account.disabled) return undefined;
      await tokens.touch(info.id, clock().toISOString());
      return principalFor(account, "token");
    },

    /** Makes a personal API token; the returned `token` is shown once and never stored. */
    async createToken(accountId: string, name: string) {
      const token = newSecret(API_TOKEN_PREFIX);
      const info = await tokens.create({ accountId, name, tokenHash: sha256(token) }, clock().toISOString());
      return { token, info };
    },

    /** The admin area is on once any account exists (remembered: accounts are disabled, never deleted). */
    async hasAccounts(): Promise<boolean> {
      if (!accountsSeen) accountsSeen = (await accounts.count()) > 0;
      return accountsSeen;
    },
  };
}

export type AdminAuth = ReturnType<typeof createAdminAuth>;
