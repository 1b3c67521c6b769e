/**
 * npm run build — compiles src/ to dist/ with tsc (tsconfig.build.json) and copies the files the compiled code reads
 * next to itself (web page in channels/web/public, SQL migrations). JSON imported with `with { type: "json" }` is
 * emitted by tsc (knowledge/lexicon/*.json lands in dist/knowledge/lexicon, matching the relative import). Writes
 * dist/main.js (`node dist/main.js` starts the app) and dist/.build-stamp last, so a half-finished build stays stale.
 * Plain JavaScript on purpose: it must run before anything is compiled.
 */
import { execFileSync } from "node:child_process";
import { cpSync, existsSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const dist = join(root, "dist");

export function build({ quiet = false } = {}) {
  const started = Date.now();
  let tsc;
  try {
    tsc = createRequire(join(root, "package.json")).resolve("typescript/bin/tsc");
  } catch {
    throw new Error("TypeScript is not installed (npm install, with dev dependencies) and dist/ is missing or stale: cannot build");
  }
  rmSync(join(dist, ".build-stamp"), { force: true });
  execFileSync(process.execPath, [tsc, "-p", join(root, "tsconfig.build.json")], { cwd: root, stdio: "inherit" });
  let copied = 0;
  const copyAssets = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) copyAssets(path);
      else if (!entry.name.endsWith(".ts")) {
        cpSync(path, join(dist, relative(root, path)));
        copied++;
      }
    }
  };
  copyAssets(join(root, "src"));
  writeFileSync(join(dist, "main.js"), 'import "./src/main.js";\n');
  writeFileSync(join(dist, ".build-stamp"), `${new Date().toISOString()}\n`);
  if (!quiet) console.log(`built dist/ in ${Date.now() - started} ms (${copied} assets copied); start with: node dist/main.js`);
}

/** Newest modification time of the build's inputs, or 0. */
function newestInput() {
  let newest = 0;
  const visit = (path) => {
    if (!existsSync(path)) return;
    const stat = statSync(path);
    if (stat.isDirectory()) for (const name of readdirSync(path)) visit(join(path, name));
    else newest = Math.max(newest, stat.mtimeMs);
  };
  for (const p of ["src", "knowledge/lexicon", "tsconfig.json", "tsconfig.build.json", "package.json", "package-lock.json"]) visit(join(root, p));
  return newest;
}

/** True when dist/ is missing or older than any source file, the lexicon JSON or the build settings. */
export function isStale() {
  const stamp = join(dist, ".build-stamp");
  if (!existsSync(stamp) || !existsSync(join(dist, "main.js"))) return true;
  return newestInput() > statSync(stamp).mtimeMs;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  try {
    build();
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
