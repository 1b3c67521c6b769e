import type { Account, AccountStore, ApiTokenInfo, ApiTokenStore, SessionStore, StoredSession } from "../../admin/accounts.js";
import type { Role } from "../../admin/roles.js";
import { AppError } from "../../shared/errors.js";
import { guardOf, type SqliteDatabase } from "./database.js";

interface AccountRow {
  id: number;
  username: string;
  role: Role;
  province_code: string | null;
  commune_code: string | null;
  password_hash: string;
  disabled: number;
  created_at: string;
  updated_at: string;
}

const toAccount = (r: AccountRow): Account => ({
  id: String(r.id),
  username: r.username,
  role: r.role,
  scope: { ...(r.province_code ? { provinceCode: r.province_code } : {}), ...(r.commune_code ? { communeCode: r.commune_code } : {}) },
  disabled: r.disabled === 1,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

/** AccountStore on SQLite (table admin_account, migration 005). */
export function createSqliteAccountStore(db: SqliteDatabase): AccountStore {
  const guard = guardOf(db);
  const insert = db.prepare(
    `INSERT INTO admin_account (username, role, province_code, commune_code, password_hash, disabled, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, 0, ?, ?) ON CONFLICT (username) DO NOTHING RETURNING *`,
  );
  const byId = db.prepare<[number], AccountRow>("SELECT * FROM admin_account WHERE id = ?");
  const byName = db.prepare<[string], AccountRow>("SELECT * FROM admin_account WHERE username = ?");
  const all = db.prepare<[], AccountRow>("SELECT * FROM admin_account ORDER BY username");
  const count = db.prepare<[], { n: number }>("SELECT COUNT(*) AS n FROM admin_account");
  const update = db.prepare(
    `UPDATE admin_account SET role = ?, province_code = ?, commune_code = ?, disabled = ?, password_hash = ?, updated_at = ?
     WHERE id = ? RETURNING *`,
  );
  const id = (s: string) => (/^\d{1,15}$/.test(s) ? Number(s) : -1);
  return {
    async create(input, now) {
      const row = (await guard.write(() =>
        insert.get(input.username, input.role, input.scope.provinceCode ?? null, input.scope.communeCode ?? null, input.passwordHash, now, now),
      )) as AccountRow | undefined;
      if (!row) throw new AppError("bad_request:admin", `username "${input.username}" is taken`);
      return toAccount(row);
    },
    async get(accountId) {
      const row = await guard.read(() => byId.get(id(accountId)));
      return row ? toAccount(row) : undefined;
    },
    async findByUsername(username) {
      const row = await guard.read(() => byName.get(username));
      return row ? { ...toAccount(row), passwordHash: row.password_hash } : undefined;
    },
    async list() {
      return (await guard.read(() => all.all())).map(toAccount);
    },
    async update(accountId, patch, now) {
      const current = await guard.read(() => byId.get(id(accountId)));
      if (!current) return undefined;
      const scope = patch.scope ?? { provinceCode: current.province_code ?? undefined, communeCode: current.commune_code ?? undefined };
      const row = (await guard.write(() =>
        update.get(
          patch.role ?? current.role, scope.provinceCode ?? null, scope.communeCode ?? null,
          patch.disabled === undefined ? current.disabled : patch.disabled ? 1 : 0, patch.passwordHash ?? current.password_hash, now, current.id,
        ),
      )) as AccountRow | undefined;
      return row ? toAccount(row) : undefined;
    },
    async count() {
      return (await guard.read(() => count.get()))?.n ?? 0;
    },
  };
}

interface SessionRow {
  id_hash: string;
  account_id: number;
  csrf: string;
  created_at: string;
  expires_at: string;
}

/** SessionStore on SQLite (table admin_session). */
export function createSqliteSessionStore(db: SqliteDatabase): SessionStore {
  const guard = guardOf(db);
  const insert = db.prepare("INSERT INTO admin_session (id_hash, account_id, csrf, created_at, expires_at) VALUES (?, ?, ?, ?, ?)");
  const find = db.prepare<[string], SessionRow>("SELECT * FROM admin_session WHERE id_hash = ?");
  const touch = db.prepare("UPDATE admin_session SET expires_at = ? WHERE id_hash = ?");
  const remove = db.prepare("DELETE FROM admin_session WHERE id_hash = ?");
  const removeFor = db.prepare("DELETE FROM admin_session WHERE account_id = ?");
  const expire = db.prepare("DELETE FROM admin_session WHERE expires_at <= ?");
  return {
    async create(s: StoredSession) {
      await guard.write(() => insert.run(s.idHash, Number(s.accountId), s.csrf, s.createdAt, s.expiresAt));
    },
    async find(idHash) {
      const r = await guard.read(() => find.get(idHash));
      return r ? { idHash: r.id_hash, accountId: String(r.account_id), csrf: r.csrf, createdAt: r.created_at, expiresAt: r.expires_at } : undefined;
    },
    async touch(idHash, expiresAt) {
      await guard.write(() => touch.run(expiresAt, idHash));
    },
    async delete(idHash) {
      await guard.write(() => remove.run(idHash));
    },
    async deleteForAccount(accountId) {
      await guard.write(() => removeFor.run(Number(accountId)));
    },
    async deleteExpired(now) {
      await guard.write(() => expire.run(now));
    },
  };
}

interface TokenRow {
  id: number;
  account_id: number;
  name: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

const toToken = (r: TokenRow): ApiTokenInfo => ({
  id: String(r.id),
  accountId: String(r.account_id),
  name: r.name,
  createdAt: r.created_at,
  ...(r.last_used_at ? { lastUsedAt: r.last_used_at } : {}),
  ...(r.revoked_at ? { revokedAt: r.revoked_at } : {}),
});

const TOKEN_COLUMNS = "id, account_id, name, created_at, last_used_at, revoked_at";

/** ApiTokenStore on SQLite (table admin_api_token): the token itself is never stored, only its SHA-256. */
export function createSqliteApiTokenStore(db: SqliteDatabase): ApiTokenStore {
  const guard = guardOf(db);
  const insert = db.prepare(`INSERT INTO admin_api_token (account_id, name, token_hash, created_at) VALUES (?, ?, ?, ?) RETURNING ${TOKEN_COLUMNS}`);
  const byHash = db.prepare<[string], TokenRow>(`SELECT ${TOKEN_COLUMNS} FROM admin_api_token WHERE token_hash = ? AND revoked_at IS NULL`);
  const list = db.prepare<[number], TokenRow>(`SELECT ${TOKEN_COLUMNS} FROM admin_api_token WHERE account_id = ? ORDER BY id DESC`);
  const revoke = db.prepare("UPDATE admin_api_token SET revoked_at = ? WHERE id = ? AND account_id = ? AND revoked_at IS NULL");
  const touch = db.prepare("UPDATE admin_api_token SET last_used_at = ? WHERE id = ?");
  return {
    async create(input, now) {
      return toToken((await guard.write(() => insert.get(Number(input.accountId), input.name, input.tokenHash, now))) as TokenRow);
    },
    async findByHash(hash) {
      const r = await guard.read(() => byHash.get(hash));
      return r ? toToken(r) : undefined;
    },
    async listFor(accountId) {
      return (await guard.read(() => list.all(Number(accountId)))).map(toToken);
    },
    async revoke(tokenId, accountId, now) {
      return (await guard.write(() => revoke.run(now, Number(tokenId), Number(accountId)))).changes > 0;
    },
    async touch(tokenId, now) {
      await guard.write(() => touch.run(now, Number(tokenId)));
    },
  };
}
