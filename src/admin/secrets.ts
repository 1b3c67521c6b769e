import { createHash, randomBytes } from "node:crypto";

/** A random secret for a cookie or token (256 bits, URL-safe). */
export function newSecret(prefix = ""): string {
  return prefix + randomBytes(32).toString("base64url");
}

/** How session ids and API tokens are stored: high-entropy secrets need no salt, only a one-way hash. */
export function sha256(value: string): string {
  return createHash("sha256").update(value).digest("hex");
}

/** Personal API tokens start with this, so a leaked one is recognisable (secret scanners, logs). */
export const API_TOKEN_PREFIX = "tls_";
