import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AdminStores } from "../../src/admin/accounts.js";

export interface AdminStoresSubject {
  stores: AdminStores;
  /** Every row of a table, as stored (to prove no secret is kept in clear). */
  rows(table: string): Promise<unknown[]>;
  close(): Promise<void>;
}

const NOW = "2026-11-29T08:00:00.000Z";

/** The behaviour every admin-stores adapter (accounts, sessions, API tokens, audit log) must have. */
export function adminStoresContract(name: string, open: () => Promise<AdminStoresSubject>, skipReason?: string): void {
  if (skipReason) console.warn(`AdminStores contract: ${name} skipped — ${skipReason}`);
  describe.skipIf(Boolean(skipReason))(`${name}: AdminStores contract`, () => {
    let s: AdminStoresSubject;
    beforeAll(async () => {
      s = await open();
    });
    afterAll(async () => s?.close());

    it("creates, finds, lists, updates and counts accounts; a taken username is refused", async () => {
      const { accounts } = s.stores;
      expect(await accounts.count()).toBe(0);
      const a = await accounts.create({ username: "chi.lan", role: "viewer", scope: { provinceCode: "01", communeCode: "00004" }, passwordHash: "scrypt$h1" }, NOW);
      expect(a).toMatchObject({ username: "chi.lan", role: "viewer", scope: { provinceCode: "01", communeCode: "00004" }, disabled: false, createdAt: NOW });
      await expect(accounts.create({ username: "chi.lan", role: "admin", scope: {}, passwordHash: "x" }, NOW)).rejects.toThrow(/taken/);
      expect(await accounts.findByUsername("chi.lan")).toMatchObject({ id: a.id, passwordHash: "scrypt$h1" });
      expect(await accounts.get(a.id)).not.toHaveProperty("passwordHash");
      expect(await accounts.get("999999")).toBeUndefined();
      expect(await accounts.get("not-a-number")).toBeUndefined();
      const later = "2026-11-29T09:00:00.000Z";
      expect(await accounts.update(a.id, { role: "editor" }, later)).toMatchObject({ role: "editor", scope: { provinceCode: "01", communeCode: "00004" }, updatedAt: later });
      expect(await accounts.update(a.id, { scope: {}, disabled: true, passwordHash: "scrypt$h2" }, later)).toMatchObject({ scope: {}, disabled: true });
      expect((await accounts.findByUsername("chi.lan"))?.passwordHash).toBe("scrypt$h2");
      expect(await accounts.update("999999", { role: "admin" }, later)).toBeUndefined();
      await accounts.create({ username: "an.binh", role: "admin", scope: {}, passwordHash: "x" }, NOW);
      expect((await accounts.list()).map((x) => x.username)).toEqual(["an.binh", "chi.lan"]);
      expect(await accounts.count()).toBe(2);
    });

    it("keeps sessions by hash, touches, expires and signs an account out everywhere", async () => {
      const { accounts, sessions } = s.stores;
      const a = (await accounts.findByUsername("an.binh"))!;
      const base = { accountId: a.id, csrf: "csrf-1", createdAt: NOW };
      await sessions.create({ ...base, idHash: "h1", expiresAt: "2026-11-29T20:00:00.000Z" });
      await sessions.create({ ...base, idHash: "h2", expiresAt: "2026-11-29T08:30:00.000Z" });
      expect(await sessions.find("h1")).toEqual({ ...base, idHash: "h1", expiresAt: "2026-11-29T20:00:00.000Z" });
      await sessions.touch("h1", "2026-11-30T00:00:00.000Z");
      expect((await sessions.find("h1"))?.expiresAt).toBe("2026-11-30T00:00:00.000Z");
      await sessions.deleteExpired("2026-11-29T09:00:00.000Z");
      expect(await sessions.find("h2")).toBeUndefined();
      expect(await sessions.find("h1")).toBeDefined();
      await sessions.create({ ...base, idHash: "h3", expiresAt: "2026-11-30T00:00:00.000Z" });
      await sessions.delete("h3");
      expect(await sessions.find("h3")).toBeUndefined();
      await sessions.deleteForAccount(a.id);
      expect(await sessions.find("h1")).toBeUndefined();
    });

    it("stores API tokens by hash only, finds live ones, lists, touches and revokes them for their own account", async () => {
      const { accounts, tokens } = s.stores;
      const a = (await accounts.findByUsername("an.binh"))!;
      const other = (await accounts.findByUsername("chi.lan"))!;
      const t = await tokens.create({ accountId: a.id, name: "máy nhập", tokenHash: "f".repeat(64) }, NOW);
      expect(t).toEqual({ id: t.id, accountId: a.id, name: "máy nhập", createdAt: NOW });
      expect(await tokens.findByHash("f".repeat(64))).toEqual(t);
      await tokens.touch(t.id, "2026-11-29T10:00:00.000Z");
      expect((await tokens.listFor(a.id))[0]?.lastUsedAt).toBe("2026-11-29T10:00:00.000Z");
      expect(await tokens.revoke(t.id, other.id, NOW)).toBe(false);
      expect(await tokens.revoke(t.id, a.id, "2026-11-29T11:00:00.000Z")).toBe(true);
      expect(await tokens.revoke(t.id, a.id, NOW)).toBe(false);
      expect(await tokens.findByHash("f".repeat(64))).toBeUndefined();
      expect((await tokens.listFor(a.id))[0]?.revokedAt).toBe("2026-11-29T11:00:00.000Z");
      expect(JSON.stringify(await s.rows("admin_api_token"))).toContain("f".repeat(64));
    });

    it("appends audit records and lists them newest first, by target and page", async () => {
      const { audit } = s.stores;
      const actor = { id: "1", username: "an.binh" };
      await audit.record(actor, { action: "account.create", target: "account:2", after: "vai trò viewer" });
      await audit.record(actor, { action: "account.update", target: "account:2", before: "vai trò viewer", after: "vai trò editor", detail: "=cmd" });
      await audit.record(actor, { action: "lesson.publish", target: "lesson:x" });
      const all = await audit.list({ limit: 10 });
      expect(all.map((e) => e.action)).toEqual(["lesson.publish", "account.update", "account.create"]);
      expect(all[1]).toMatchObject({ actorId: "1", actorName: "an.binh", before: "vai trò viewer", after: "vai trò editor", detail: "=cmd" });
      expect(all[0]).not.toHaveProperty("before");
      expect(Number.isNaN(Date.parse(all[0]!.at))).toBe(false);
      expect((await audit.list({ limit: 10, target: "account:2" })).map((e) => e.action)).toEqual(["account.update", "account.create"]);
      expect((await audit.list({ limit: 10, before: all[1]!.id })).map((e) => e.action)).toEqual(["account.create"]);
      expect(await audit.list({ limit: 1 })).toHaveLength(1);
    });
  });
}
