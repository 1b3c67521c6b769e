import { createHash, randomUUID } from "node:crypto";

/** Namespace for this assistant's statement ids (a fixed random UUID; changing it would re-key every statement). */
const NAMESPACE = "6f1c2b7e-3d4a-4e8b-9a51-0c2d7e9f4b13";

/**
 * RFC 4122 version-5 (SHA-1, name-based) UUID. Statement ids are derived from what happened (attempt + question +
 * event), so a redelivered update or a retry produces the same id and the append-only insert ignores it.
 */
export function uuidV5(name: string, namespace = NAMESPACE): string {
  const ns = Buffer.from(namespace.replace(/-/g, ""), "hex");
  const hash = createHash("sha1").update(ns).update(name, "utf8").digest();
  hash[6] = ((hash[6] ?? 0) & 0x0f) | 0x50;
  hash[8] = ((hash[8] ?? 0) & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

export function newUuid(): string {
  return randomUUID();
}

export const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
