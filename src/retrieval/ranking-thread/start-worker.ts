import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, extname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";

/**
 * The thread's young generation: a ranking allocates a few small maps and arrays that die at once, so a small
 * nursery is enough, and V8's default (up to 48 MB, grown under load) would be resident memory for nothing.
 */
const RESOURCE_LIMITS = { maxYoungGenerationSizeMb: 8 };

/**
 * Compiled: ranking-worker.js beside this file. From sources (tsx, vitest), the .ts file: Node 20 does not apply the
 * parent's `--import tsx` hooks inside a worker (and vitest has none), so a one-line bootstrap registers tsx there
 * first. tsx is a development dependency: only sources need it.
 */
export function startWorker(): Worker {
  const here = fileURLToPath(import.meta.url);
  const ext = extname(here);
  const entry = pathToFileURL(join(dirname(here), `ranking-worker${ext}`)).href;
  if (ext !== ".ts") return new Worker(new URL(entry), { resourceLimits: RESOURCE_LIMITS });
  const bootstrap = `import(${JSON.stringify(tsxEsmApi())}).then(({ register }) => { register(); return import(${JSON.stringify(entry)}); });`;
  return new Worker(bootstrap, { eval: true, resourceLimits: RESOURCE_LIMITS });
}

/** tsx's ESM API (`tsx/esm/api`, import condition) as a file URL: require.resolve would give its CommonJS build. */
function tsxEsmApi(): string {
  const manifest = createRequire(import.meta.url).resolve("tsx/package.json");
  const { exports } = JSON.parse(readFileSync(manifest, "utf8")) as { exports: Record<string, { import: { default: string } }> };
  return new URL(exports["./esm/api"]!.import.default, pathToFileURL(manifest)).href;
}
