import type { FastifyInstance, FastifyReply } from "fastify";
import { z } from "zod";
import { normalizeUsername, USERNAME_RULE_VI, type Account, type AdminStores } from "../../admin/accounts.js";
import type { AuditLog } from "../../admin/audit.js";
import type { AdminAuth } from "../../admin/auth.js";
import { hashPassword, passwordProblem } from "../../admin/passwords.js";
import { covers, ROLES, type Scope } from "../../admin/roles.js";
import type { LearningStore } from "../../assistant/learning/index.js";
import { principalOf, requirePermission } from "./principal.js";
import { checkScope, describeScope } from "./scope-check.js";

const code = z.string().trim().regex(/^[0-9A-Za-z_-]{1,20}$/).optional().or(z.literal("").transform(() => undefined));
const createSchema = z
  .object({ username: z.string().max(100), role: z.enum(ROLES), provinceCode: code, communeCode: code, password: z.string().max(1000) })
  .strict();
const patchSchema = z.object({ role: z.enum(ROLES).optional(), provinceCode: code, communeCode: code, disabled: z.boolean().optional() }).strict();
const passwordSchema = z.object({ password: z.string().max(1000) }).strict();
const tokenSchema = z.object({ name: z.string().trim().min(1).max(80) }).strict();

const bad = (reply: FastifyReply, messageVi: string, status = 400) =>
  reply.code(status).send({ error: status === 404 ? "not_found:admin" : status === 403 ? "forbidden:admin" : "bad_request:admin", messageVi });

const summary = (a: Pick<Account, "role" | "scope" | "disabled">) => `vai trò ${a.role}; phạm vi ${describeScope(a.scope)}${a.disabled ? "; đã khoá" : ""}`;

/**
 * JSON API of the accounts page, admin only (accounts:manage): list, create, change role/scope, disable, reset a
 * password, create and revoke personal API tokens. An admin scoped to a province or commune sees and manages only
 * accounts inside its own scope. Every change is audited after it succeeded (never a password or a token).
 */
export function accountsRoute(
  app: FastifyInstance,
  deps: { stores: AdminStores; auth: AdminAuth; audit: AuditLog; units: Pick<LearningStore, "getUnit">; clock: () => Date },
): void {
  const { accounts, tokens, sessions } = deps.stores;
  const guard = { preHandler: requirePermission("accounts:manage") };
  const now = () => deps.clock().toISOString();
  /** The account, when it exists and lies inside the acting admin's scope. */
  const reachable = async (scope: Scope, id: string) => {
    const account = await accounts.get(id);
    return account && covers(scope, account.scope) ? account : undefined;
  };

  app.get("/admin/api/accounts", guard, async (request) => {
    const scope = principalOf(request).scope;
    return { accounts: (await accounts.list()).filter((a) => covers(scope, a.scope)) };
  });

  app.post("/admin/api/accounts", guard, async (request, reply) => {
    const body = createSchema.safeParse(request.body);
    if (!body.success) return bad(reply, "Thiếu thông tin: tên đăng nhập, vai trò, mật khẩu.");
    const username = normalizeUsername(body.data.username);
    if (!username) return bad(reply, USERNAME_RULE_VI);
    const weak = passwordProblem(body.data.password);
    if (weak) return bad(reply, weak);
    const actor = principalOf(request);
    const scope = await checkScope(deps.units, actor.scope, { provinceCode: body.data.provinceCode, communeCode: body.data.communeCode });
    if (typeof scope === "string") return bad(reply, scope);
    if (await accounts.findByUsername(username)) return bad(reply, `Tên đăng nhập "${username}" đã có người dùng.`, 409);
    const account = await accounts.create({ username, role: body.data.role, scope, passwordHash: await hashPassword(body.data.password) }, now());
    await deps.audit.record(actor, { action: "account.create", target: `account:${account.id}`, after: summary(account), detail: `tên đăng nhập ${username}` });
    return reply.code(201).send({ account });
  });

  app.patch<{ Params: { id: string } }>("/admin/api/accounts/:id", guard, async (request, reply) => {
    const body = patchSchema.safeParse(request.body);
    if (!body.success) return bad(reply, "Dữ liệu không hợp lệ.");
    const actor = principalOf(request);
    const before = await reachable(actor.scope, request.params.id);
    if (!before) return bad(reply, "Không có tài khoản này.", 404);
    // An admin cannot lock itself out (the last admin would leave nobody to undo it).
    if (before.id === actor.id && (body.data.disabled || (body.data.role && body.data.role !== "admin"))) {
      return bad(reply, "Bạn không thể tự khoá hay tự hạ quyền tài khoản của mình.", 403);
    }
    const scopeGiven = "provinceCode" in (request.body as object) || "communeCode" in (request.body as object);
    const scope = scopeGiven ? await checkScope(deps.units, actor.scope, { provinceCode: body.data.provinceCode, communeCode: body.data.communeCode }) : undefined;
    if (typeof scope === "string") return bad(reply, scope);
    const after = await accounts.update(before.id, { role: body.data.role, scope, disabled: body.data.disabled }, now());
    if (!after) return bad(reply, "Không có tài khoản này.", 404);
    if (after.disabled) await sessions.deleteForAccount(after.id);
    const action = after.disabled && !before.disabled ? "account.disable" : !after.disabled && before.disabled ? "account.enable" : "account.update";
    await deps.audit.record(actor, { action, target: `account:${after.id}`, before: summary(before), after: summary(after) });
    return { account: after };
  });

  app.post<{ Params: { id: string } }>("/admin/api/accounts/:id/password", guard, async (request, reply) => {
    const body = passwordSchema.safeParse(request.body);
    if (!body.success) return bad(reply, "Hãy nhập mật khẩu mới.");
    const weak = passwordProblem(body.data.password);
    if (weak) return bad(reply, weak);
    const actor = principalOf(request);
    const account = await reachable(actor.scope, request.params.id);
    if (!account) return bad(reply, "Không có tài khoản này.", 404);
    await accounts.update(account.id, { passwordHash: await hashPassword(body.data.password) }, now());
    // Whoever knew the old password is signed out everywhere.
    await sessions.deleteForAccount(account.id);
    await deps.audit.record(actor, { action: "account.password_reset", target: `account:${account.id}` });
    return { ok: true };
  });

  app.get<{ Params: { id: string } }>("/admin/api/accounts/:id/tokens", guard, async (request, reply) => {
    const account = await reachable(principalOf(request).scope, request.params.id);
    if (!account) return bad(reply, "Không có tài khoản này.", 404);
    return { tokens: await tokens.listFor(account.id) };
  });

  app.post<{ Params: { id: string } }>("/admin/api/accounts/:id/tokens", guard, async (request, reply) => {
    const body = tokenSchema.safeParse(request.body);
    if (!body.success) return bad(reply, "Hãy đặt tên cho mã API (ví dụ: máy chủ nhập dữ liệu).");
    const actor = principalOf(request);
    const account = await reachable(actor.scope, request.params.id);
    if (!account) return bad(reply, "Không có tài khoản này.", 404);
    const { token, info } = await deps.auth.createToken(account.id, body.data.name);
    await deps.audit.record(actor, { action: "token.create", target: `account:${account.id}`, after: `mã API #${info.id} "${info.name}"` });
    // The only time the token is ever shown.
    return reply.code(201).send({ token, info });
  });

  app.delete<{ Params: { id: string; tokenId: string } }>("/admin/api/accounts/:id/tokens/:tokenId", guard, async (request, reply) => {
    const actor = principalOf(request);
    const account = await reachable(actor.scope, request.params.id);
    if (!account || !(await tokens.revoke(request.params.tokenId, account.id, now()))) return bad(reply, "Không có mã API này.", 404);
    await deps.audit.record(actor, { action: "token.revoke", target: `account:${account.id}`, before: `mã API #${request.params.tokenId}` });
    return { ok: true };
  });
}
