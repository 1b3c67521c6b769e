import type { Account, AccountStore, ApiTokenInfo, ApiTokenStore, SessionStore } from "../../admin/accounts.js";
import type { Role } from "../../admin/roles.js";
import { AppError } from "../../shared/errors.js";
import type { PgPool } from "./database.js";

/** TIMESTAMPTZ comes back as a Date; the ports speak ISO strings. */
const iso = (d: Date | string) => (d instanceof Date ? d.toISOString() : new Date(d).toISOString());
/** Ids are BIGSERIAL (strings from pg); anything else matches no row instead of raising a cast error. */
const id = (s: string) => (/^\d{1,15}$/.test(s) ? s : "-1");

interface AccountRow {
  id: string;
  username: string;
  role: Role;
  province_code: string | null;
  commune_code: string | null;
  password_hash: string;
  disabled: boolean;
  created_at: Date;
  updated_at: Date;
}

const toAccount = (r: AccountRow): Account => ({
  id: String(r.id),
  username: r.username,
  role: r.role,
  scope: { ...(r.province_code ? { provinceCode: r.province_code } : {}), ...(r.commune_code ? { communeCode: r.commune_code } : {}) },
  disabled: r.disabled,
  createdAt: iso(r.created_at),
  updatedAt: iso(r.updated_at),
});

/** AccountStore on PostgreSQL (table admin_account, migration 005). */
export function createPostgresAccountStore(pool: PgPool): AccountStore {
  return {
    async create(input, now) {
      const { rows } = await pool.query<AccountRow>(
        `INSERT INTO admin_account (username, role, province_code, commune_code, password_hash, disabled, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, FALSE, $6, $6) ON CONFLICT (username) DO NOTHING RETURNING *`,
        [input.username, input.role, input.scope.provinceCode ?? null, input.scope.communeCode ?? null, input.passwordHash, now],
      );
      if (!rows[0]) throw new AppError("bad_request:admin", `username "${input.username}" is taken`);
      return toAccount(rows[0]);
    },
    async get(accountId) {
      const { rows } = await pool.query<AccountRow>("SELECT * FROM admin_account WHERE id = $1", [id(accountId)]);
      return rows[0] ? toAccount(rows[0]) : undefined;
    },
    async findByUsername(username) {
      const { rows } = await pool.query<AccountRow>("SELECT * FROM admin_account WHERE username = $1", [username]);
      return rows[0] ? { ...toAccount(rows[0]), passwordHash: rows[0].password_hash } : undefined;
    },
    async list() {
      return (await pool.query<AccountRow>("SELECT * FROM admin_account ORDER BY username")).rows.map(toAccount);
    },
    async update(accountId, patch, now) {
      // COALESCE keeps what the patch leaves out; the scope is replaced as a whole when given.
      const { rows } = await pool.query<AccountRow>(
        `UPDATE admin_account SET role = COALESCE($2, role),
           province_code = CASE WHEN $3 THEN $4 ELSE province_code END, commune_code = CASE WHEN $3 THEN $5 ELSE commune_code END,
           disabled = COALESCE($6, disabled), password_hash = COALESCE($7, password_hash), updated_at = $8
         WHERE id = $1 RETURNING *`,
        [id(accountId), patch.role ?? null, patch.scope !== undefined, patch.scope?.provinceCode ?? null, patch.scope?.communeCode ?? null,
          patch.disabled ?? null, patch.passwordHash ?? null, now],
      );
      return rows[0] ? toAccount(rows[0]) : undefined;
    },
    async count() {
      return Number((await pool.query<{ n: string }>("SELECT COUNT(*) AS n FROM admin_account")).rows[0]?.n ?? 0);
    },
  };
}

/** SessionStore on PostgreSQL (table admin_session). */
export function createPostgresSessionStore(pool: PgPool): SessionStore {
  return {
    async create(s) {
      await pool.query("INSERT INTO admin_session (id_hash, account_id, csrf, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)", [
        s.idHash, id(s.accountId), s.csrf, s.createdAt, s.expiresAt,
      ]);
    },
    async find(idHash) {
      const { rows } = await pool.query<{ id_hash: string; account_id: string; csrf: string; created_at: Date; expires_at: Date }>(
        "SELECT * FROM admin_session WHERE id_hash = $1",
        [idHash],
      );
      const r = rows[0];
      return r ? { idHash: r.id_hash, accountId: String(r.account_id), csrf: r.csrf, createdAt: iso(r.created_at), expiresAt: iso(r.expires_at) } : undefined;
    },
    async touch(idHash, expiresAt) {
      await pool.query("UPDATE admin_session SET expires_at = $2 WHERE id_hash = $1", [idHash, expiresAt]);
    },
    async delete(idHash) {
      await pool.query("DELETE FROM admin_session WHERE id_hash = $1", [idHash]);
    },
    async deleteForAccount(accountId) {
      await pool.query("DELETE FROM admin_session WHERE account_id = $1", [id(accountId)]);
    },
    async deleteExpired(now) {
      await pool.query("DELETE FROM admin_session WHERE expires_at <= $1", [now]);
    },
  };
}

interface TokenRow {
  id: string;
  account_id: string;
  name: string;
  created_at: Date;
  last_used_at: Date | null;
  revoked_at: Date | null;
}

const toToken = (r: TokenRow): ApiTokenInfo => ({
  id: String(r.id),
  accountId: String(r.account_id),
  name: r.name,
  createdAt: iso(r.created_at),
  ...(r.last_used_at ? { lastUsedAt: iso(r.last_used_at) } : {}),
  ...(r.revoked_at ? { revokedAt: iso(r.revoked_at) } : {}),
});

const TOKEN_COLUMNS = "id, account_id, name, created_at, last_used_at, revoked_at";

/** ApiTokenStore on PostgreSQL (table admin_api_token): only the SHA-256 of a token is stored. */
export function createPostgresApiTokenStore(pool: PgPool): ApiTokenStore {
  return {
    async create(input, now) {
      const { rows } = await pool.query<TokenRow>(
        `INSERT INTO admin_api_token (account_id, name, token_hash, created_at) VALUES ($1, $2, $3, $4) RETURNING ${TOKEN_COLUMNS}`,
        [id(input.accountId), input.name, input.tokenHash, now],
      );
      return toToken(rows[0] as TokenRow);
    },
    async findByHash(hash) {
      const { rows } = await pool.query<TokenRow>(`SELECT ${TOKEN_COLUMNS} FROM admin_api_token WHERE token_hash = $1 AND revoked_at IS NULL`, [hash]);
      return rows[0] ? toToken(rows[0]) : undefined;
    },
    async listFor(accountId) {
      const { rows } = await pool.query<TokenRow>(`SELECT ${TOKEN_COLUMNS} FROM admin_api_token WHERE account_id = $1 ORDER BY id DESC`, [id(accountId)]);
      return rows.map(toToken);
    },
    async revoke(tokenId, accountId, now) {
      const res = await pool.query("UPDATE admin_api_token SET revoked_at = $3 WHERE id = $1 AND account_id = $2 AND revoked_at IS NULL", [
        id(tokenId), id(accountId), now,
      ]);
      return (res.rowCount ?? 0) > 0;
    },
    async touch(tokenId, now) {
      await pool.query("UPDATE admin_api_token SET last_used_at = $2 WHERE id = $1", [id(tokenId), now]);
    },
  };
}
