import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";

/**
 * The README's "Architecture and import rules" as a test: every `import … from "…"` in src/ is checked against what
 * its folder may depend on. A violation names the file and the import, so the fix is obvious.
 */
const SRC = resolve("src");

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : path.endsWith(".ts") ? [path] : [];
  });
}

interface Import {
  file: string;
  spec: string;
  /** For relative imports: the target path relative to src/ (e.g. "storage/sqlite/index.js"). */
  target?: string;
}

const imports: Import[] = files(SRC).flatMap((path) => {
  const file = relative(SRC, path);
  const text = readFileSync(path, "utf8");
  return [...text.matchAll(/^\s*(?:import|export)\s[^;]*?from\s+"([^"]+)"/gms)].map((m) => {
    const spec = m[1] ?? "";
    return { file, spec, target: spec.startsWith(".") ? relative(SRC, resolve(dirname(path), spec)) : undefined };
  });
});

const inFolder = (folder: string) => (i: Import) => i.file.startsWith(`${folder}/`);
const violations = (filter: (i: Import) => boolean, forbidden: (i: Import) => boolean) =>
  imports.filter(filter).filter(forbidden).map((i) => `${i.file} imports "${i.spec}"`);

const INFRASTRUCTURE = /^(fastify|@fastify\/|telegraf|axios|pg$|better-sqlite3|hnswlib-node|@langchain\/|node:fs|node:net|node:http|pino)/;

describe("import rules (README: Architecture and import rules)", () => {
  it("reads a meaningful number of imports", () => {
    expect(imports.length).toBeGreaterThan(200);
  });

  it("shared/ imports nothing else from src/", () => {
    expect(violations(inFolder("shared"), (i) => i.target !== undefined && !i.target.startsWith("shared/"))).toEqual([]);
  });

  it("the core (assistant/) touches no I/O library and no adapter", () => {
    expect(
      violations(inFolder("assistant"), (i) =>
        i.target === undefined
          ? INFRASTRUCTURE.test(i.spec)
          : !/^(assistant|shared|curriculum)\//.test(i.target) || (i.target.startsWith("curriculum/") && !i.spec.includes("types")),
      ),
    ).toEqual([]);
  });

  it("channels use the core's public API, shared helpers and their own SDK only", () => {
    const own = (i: Import) => i.file.split("/")[1];
    expect(
      violations(inFolder("channels"), (i) => {
        if (i.target === undefined) {
          if (/^telegraf/.test(i.spec)) return own(i) !== "telegram";
          if (i.spec === "axios") return own(i) !== "zalo";
          return /^(pg$|better-sqlite3|hnswlib-node|@langchain\/)/.test(i.spec);
        }
        if (i.target.startsWith("channels/")) return !i.target.startsWith(`channels/${own(i)}/`) && !i.target.startsWith("channels/shared/");
        return !(i.target === "assistant/index.js" || i.target.startsWith("shared/"));
      }),
    ).toEqual([]);
  });

  it("only retrieval/ uses LangChain and hnswlib, only storage/ uses the database drivers", () => {
    expect(violations((i) => !i.file.startsWith("retrieval/"), (i) => /^(@langchain\/community|hnswlib-node)/.test(i.spec))).toEqual([]);
    expect(violations((i) => !i.file.startsWith("storage/"), (i) => /^(pg$|better-sqlite3)/.test(i.spec))).toEqual([]);
  });

  it("adapters never import each other's folders (storage ↛ channels/http/retrieval, retrieval ↛ storage/channels/http)", () => {
    expect(violations(inFolder("storage"), (i) => /^(channels|http|retrieval|llm)\//.test(i.target ?? ""))).toEqual([]);
    expect(violations(inFolder("retrieval"), (i) => /^(channels|http|storage|llm)\//.test(i.target ?? ""))).toEqual([]);
  });

  it("only main.ts reads process.env in src/ (config.ts validates what main passes it)", () => {
    const readers = files(SRC)
      .filter((p) => /process\.env\b/.test(readFileSync(p, "utf8").replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, "")))
      .map((p) => relative(SRC, p));
    expect(readers).toEqual(["main.ts"]);
  });
});
