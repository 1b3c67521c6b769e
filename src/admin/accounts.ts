import type { AuditLog } from "./audit.js";
import type { Role, Scope } from "./roles.js";

/**
 * Storage ports for named admin accounts (issue 13). The core owns them; src/storage/sqlite and src/storage/postgres
 * implement them on the same tables (migration 005_admin_accounts_audit.sql). Times are ISO-8601 strings.
 */
export interface Account {
  id: string;
  /** Lower-case, 3–40 of a-z 0-9 . _ - (see normalizeUsername). */
  username: string;
  role: Role;
  scope: Scope;
  /** A disabled account can neither sign in nor use its sessions or API tokens. */
  disabled: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface AccountPatch {
  role?: Role;
  scope?: Scope;
  disabled?: boolean;
  passwordHash?: string;
}

export interface AccountStore {
  /** Throws AppError "bad_request:admin" when the username is taken. */
  create(input: { username: string; role: Role; scope: Scope; passwordHash: string }, now: string): Promise<Account>;
  get(id: string): Promise<Account | undefined>;
  /** With the stored password hash, for sign-in only. */
  findByUsername(username: string): Promise<(Account & { passwordHash: string }) | undefined>;
  list(): Promise<Account[]>;
  /** Undefined when there is no such account. */
  update(id: string, patch: AccountPatch, now: string): Promise<Account | undefined>;
  count(): Promise<number>;
}

/** A signed-in browser. Only the SHA-256 of the cookie value is stored, so a database leak opens no session. */
export interface StoredSession {
  idHash: string;
  accountId: string;
  /** Must come back as X-CSRF-Token on every write made with this session. */
  csrf: string;
  createdAt: string;
  /** Idle expiry, pushed forward while the session is used. */
  expiresAt: string;
}

export interface SessionStore {
  create(session: StoredSession): Promise<void>;
  find(idHash: string): Promise<StoredSession | undefined>;
  touch(idHash: string, expiresAt: string): Promise<void>;
  delete(idHash: string): Promise<void>;
  /** Signs an account out everywhere (disabled, password reset). */
  deleteForAccount(accountId: string): Promise<void>;
  /** Drops sessions whose idle expiry is at or before `now` (run at each sign-in). */
  deleteExpired(now: string): Promise<void>;
}

/** A personal API token as listed (never the token itself: only its SHA-256 is stored). */
export interface ApiTokenInfo {
  id: string;
  accountId: string;
  name: string;
  createdAt: string;
  lastUsedAt?: string;
  revokedAt?: string;
}

export interface ApiTokenStore {
  create(input: { accountId: string; name: string; tokenHash: string }, now: string): Promise<ApiTokenInfo>;
  /** The live (not revoked) token with this hash. */
  findByHash(tokenHash: string): Promise<ApiTokenInfo | undefined>;
  listFor(accountId: string): Promise<ApiTokenInfo[]>;
  /** False when the token does not exist, belongs to another account or was already revoked. */
  revoke(id: string, accountId: string, now: string): Promise<boolean>;
  touch(id: string, now: string): Promise<void>;
}

/** Everything the admin area stores, on one connection per database. */
export interface AdminStores {
  accounts: AccountStore;
  sessions: SessionStore;
  tokens: ApiTokenStore;
  audit: AuditLog;
  close(): Promise<void>;
}

const USERNAME = /^[a-z0-9._-]{3,40}$/;

/** Usernames compare case-insensitively: stored lower-case. Undefined when not acceptable. */
export function normalizeUsername(input: string): string | undefined {
  const name = input.trim().toLowerCase();
  return USERNAME.test(name) ? name : undefined;
}

export const USERNAME_RULE_VI = "Tên đăng nhập gồm 3–40 ký tự: chữ không dấu, số, dấu chấm, gạch dưới hoặc gạch ngang.";

/** Vietnamese names of the roles, as admins read them. */
export const ROLE_NAMES_VI: Record<Role, string> = {
  admin: "Quản trị viên",
  reviewer: "Người duyệt",
  editor: "Biên tập viên",
  viewer: "Người xem báo cáo",
};
