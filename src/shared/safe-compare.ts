import { createHash, timingSafeEqual } from "node:crypto";

/**
 * Constant-time string comparison for secrets (webhook secret headers, the admin bearer token). Both sides are hashed first so that the comparison takes the
 * same time whatever the lengths are (timingSafeEqual itself throws on different lengths, which would leak them).
 */
export function safeCompare(received: string | undefined, expected: string): boolean {
  const a = createHash("sha256").update(received ?? "").digest();
  const b = createHash("sha256").update(expected).digest();
  return timingSafeEqual(a, b) && received !== undefined && expected.length > 0;
}
