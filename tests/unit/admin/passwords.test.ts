import { describe, expect, it } from "vitest";
import { hashPassword, passwordProblem, verifyPassword } from "../../../src/admin/passwords.js";

const FAST = { N: 1024, r: 8, p: 1 };

describe("passwords (scrypt)", () => {
  it("stores the parameters and a fresh salt with each hash, and verifies only the right password", async () => {
    const a = await hashPassword("mật-khẩu-đúng-1", FAST);
    const b = await hashPassword("mật-khẩu-đúng-1", FAST);
    expect(a).toMatch(/^scrypt\$1024\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
    expect(a).not.toBe(b);
    expect(await verifyPassword("mật-khẩu-đúng-1", a)).toBe(true);
    expect(await verifyPassword("mật-khẩu-đúng-2", a)).toBe(false);
    // NFC and NFD spellings of Vietnamese text are the same password (phones and PCs type them differently).
    expect(await verifyPassword("mật-khẩu-đúng-1".normalize("NFD"), a)).toBe(true);
  });

  it("never matches a malformed stored hash", async () => {
    for (const stored of ["", "scrypt$x$8$1$aa$bb", "bcrypt$1$2$3$4$5", "scrypt$1024$8$1$$"]) expect(await verifyPassword("anything-12345", stored)).toBe(false);
  });

  it("refuses passwords under 10 characters in Vietnamese", () => {
    expect(passwordProblem("ngan")).toBe("Mật khẩu quá ngắn: cần ít nhất 10 ký tự.");
    expect(passwordProblem("đủ-mười-ký-tự")).toBeUndefined();
  });
});
