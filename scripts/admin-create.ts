/**
 * npm run admin:create -- --username chi.lan --role admin [--province 01] [--commune 00004]
 * Creates an admin account in the configured database (STORAGE_DRIVER / DATABASE_URL / DATA_DIR as for the server).
 * The password is read from ADMIN_PASSWORD (for scripts) or asked for at the prompt, never from the command line
 * (shell history). Passwords under 10 characters are refused.
 */
import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import { normalizeUsername, USERNAME_RULE_VI } from "../src/admin/accounts.js";
import { hashPassword, passwordProblem } from "../src/admin/passwords.js";
import { ROLES, type Role } from "../src/admin/roles.js";
import { loadConfig } from "../src/config.js";
import { openAdminStores } from "../src/storage/admin/open-admin-stores.js";

const { values } = parseArgs({
  options: { username: { type: "string" }, role: { type: "string", default: "admin" }, province: { type: "string" }, commune: { type: "string" } },
});
const fail = (message: string): never => {
  console.error(`admin:create: ${message}`);
  process.exit(2);
};

const username = normalizeUsername(values.username ?? "") ?? fail(`${USERNAME_RULE_VI}\n  usage: npm run admin:create -- --username <tên> --role admin|reviewer|editor|viewer [--province <mã>] [--commune <mã>]`);
const role = (ROLES as readonly string[]).includes(values.role ?? "") ? (values.role as Role) : fail(`Vai trò phải là một trong: ${ROLES.join(", ")}.`);
if (values.commune && !values.province) fail("Khi chọn xã/phường (--commune), hãy chọn cả tỉnh/thành phố (--province).");

/** Reads a line without echoing it when stdin is a terminal. */
async function prompt(question: string): Promise<string> {
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: process.stdin.isTTY });
  const muted = rl as unknown as { _writeToOutput?: (s: string) => void };
  if (process.stdin.isTTY) muted._writeToOutput = (s: string) => void (s.includes(question) ? process.stdout.write(s) : undefined);
  try {
    return await new Promise<string>((resolve) => rl.question(question, resolve));
  } finally {
    rl.close();
    if (process.stdin.isTTY) process.stdout.write("\n");
  }
}

const password = process.env.ADMIN_PASSWORD ?? (await prompt("Mật khẩu (ít nhất 10 ký tự): "));
const weak = passwordProblem(password);
if (weak) fail(weak);
if (process.env.ADMIN_PASSWORD === undefined && (await prompt("Nhập lại mật khẩu: ")) !== password) fail("Hai lần nhập mật khẩu không khớp.");

const config = loadConfig(process.env);
const stores = await openAdminStores(config.storage);
try {
  if (await stores.accounts.findByUsername(username)) fail(`Tên đăng nhập "${username}" đã có.`);
  const scope = { ...(values.province ? { provinceCode: values.province } : {}), ...(values.commune ? { communeCode: values.commune } : {}) };
  const account = await stores.accounts.create({ username, role, scope, passwordHash: await hashPassword(password) }, new Date().toISOString());
  await stores.audit.record({ id: "cli", username: "npm run admin:create" }, { action: "account.create", target: `account:${account.id}`, after: `vai trò ${role}`, detail: `tên đăng nhập ${username}` });
  console.log(`admin:create: đã tạo tài khoản "${username}" (${role}). Đăng nhập tại /admin/login.`);
} finally {
  await stores.close();
}
