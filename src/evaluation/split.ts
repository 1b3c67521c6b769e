import { createHash } from "node:crypto";

export type Half = "dev" | "test";

/**
 * Which half an item belongs to, fixed forever by its id and the seed: SHA-256("seed:id"), low bit of the first byte.
 * A random split with a fixed seed, made once per item — adding items later never moves an existing one between the
 * dev half (tuned on) and the sealed test half (only reported), so the pool can grow without leaking test items.
 */
export function halfOf(id: string, seed: number): Half {
  const first = createHash("sha256").update(`${seed}:${id}`).digest()[0] ?? 0;
  return first % 2 === 0 ? "dev" : "test";
}

export function splitHalves<T extends { id: string }>(items: readonly T[], seed: number): { dev: T[]; test: T[] } {
  const dev: T[] = [];
  const test: T[] = [];
  for (const item of items) (halfOf(item.id, seed) === "dev" ? dev : test).push(item);
  return { dev, test };
}
