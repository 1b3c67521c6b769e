import { describe, expect, it } from "vitest";
import type { AdminStores } from "../../../src/admin/accounts.js";
import { createAdminAuth } from "../../../src/admin/auth.js";
import { hashPassword } from "../../../src/admin/passwords.js";
import { createSqliteAdminStores } from "../../../src/storage/sqlite/admin-stores.js";
import { openSqlite } from "../../../src/storage/sqlite/database.js";

const HOUR = 3600_000;

async function setup() {
  let now = Date.parse("2026-11-29T08:00:00.000Z");
  const stores: AdminStores = { ...createSqliteAdminStores(openSqlite(":memory:")), close: async () => undefined };
  const auth = createAdminAuth({ stores, clock: () => new Date(now) });
  const account = await stores.accounts.create({ username: "an.binh", role: "editor", scope: { provinceCode: "01" }, passwordHash: await hashPassword("mat-khau-dung-1", { N: 1024, r: 8, p: 1 }) }, new Date(now).toISOString());
  return { stores, auth, account, advance: (ms: number) => void (now += ms) };
}

describe("admin auth sessions", () => {
  it("ends a session after 12 hours idle, and keeps a used one alive", async () => {
    const { auth, advance } = await setup();
    const login = await auth.login("An.Binh", "mat-khau-dung-1", "10.0.0.1");
    if (!login.ok) throw new Error("login failed");
    advance(11 * HOUR);
    expect((await auth.session(login.sessionId))?.principal).toMatchObject({ username: "an.binh", role: "editor", scope: { provinceCode: "01" }, via: "session" });
    advance(11 * HOUR); // 22 h after sign-in, 11 h after last use
    expect(await auth.session(login.sessionId)).toBeDefined();
    advance(12 * HOUR);
    expect(await auth.session(login.sessionId)).toBeUndefined();
  });

  it("ends any session after 7 days, even in use", async () => {
    const { auth, advance } = await setup();
    const login = await auth.login("an.binh", "mat-khau-dung-1", "10.0.0.1");
    if (!login.ok) throw new Error("login failed");
    for (let i = 0; i < 16; i++) {
      advance(10 * HOUR);
      expect(await auth.session(login.sessionId)).toBeDefined();
    }
    advance(10 * HOUR); // 170 h
    expect(await auth.session(login.sessionId)).toBeUndefined();
  });

  it("applies a role change at once and refuses a disabled account's session and token", async () => {
    const { auth, stores, account } = await setup();
    const login = await auth.login("an.binh", "mat-khau-dung-1", "10.0.0.1");
    if (!login.ok) throw new Error("login failed");
    const { token } = await auth.createToken(account.id, "script");
    await stores.accounts.update(account.id, { role: "viewer" }, "2026-11-29T09:00:00.000Z");
    expect((await auth.session(login.sessionId))?.principal.role).toBe("viewer");
    expect((await auth.token(token))?.role).toBe("viewer");
    await stores.accounts.update(account.id, { disabled: true }, "2026-11-29T09:00:00.000Z");
    expect(await auth.session(login.sessionId)).toBeUndefined();
    expect(await auth.token(token)).toBeUndefined();
    expect(await auth.login("an.binh", "mat-khau-dung-1", "10.0.0.2")).toEqual({ ok: false, reason: "invalid" });
  });
});
