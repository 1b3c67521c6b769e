import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * A short hash of the code that produced some cached work (the index builder's analysed texts, parsed lessons), so a
 * cache written by another version of that code is ignored instead of silently served: a format number alone is
 * only as good as the memory of whoever changes the analyser. Reading a dozen small files costs about a millisecond.
 *
 * `entries` are relative to `base` (the caller's `import.meta.url`): a module name without extension (the `.js` of
 * dist/, or the `.ts` that tsx and vitest run), or a folder ending in "/" (every module in it). A missing entry is
 * hashed as missing, so the result stays deterministic.
 */
export function sourceFingerprint(base: string, entries: readonly string[]): string {
  const hash = createHash("sha256");
  for (const entry of entries) {
    const path = fileURLToPath(new URL(entry, base));
    if (entry.endsWith("/")) {
      let names: string[];
      try {
        names = readdirSync(path).filter((n) => /\.(js|ts)$/.test(n) && !n.endsWith(".d.ts")).sort();
      } catch {
        hash.update(`missing ${entry}\0`);
        continue;
      }
      for (const name of names) hash.update(`${entry}${name}\0`).update(readFileSync(join(path, name))).update("\0");
      continue;
    }
    const source = readFirst([`${path}.js`, `${path}.ts`]);
    hash.update(`${entry}\0`).update(source ?? "missing").update("\0");
  }
  return hash.digest("hex").slice(0, 16);
}

function readFirst(paths: readonly string[]): Buffer | undefined {
  for (const path of paths) {
    try {
      return readFileSync(path);
    } catch {
      // try the next extension
    }
  }
  return undefined;
}
