import { defineConfig } from "vitest/config";

// Two modes, as in LangChain: the default run is fast unit tests; `--mode int` runs the *.int.test.ts files that
// touch real SQLite files, the real index, a real browser and (when PG_URL is set) a real PostgreSQL.
export default defineConfig(({ mode }) => ({
  test: {
    include: mode === "int" ? ["tests/**/*.int.test.ts"] : ["tests/**/*.test.ts"],
    exclude: mode === "int" ? ["node_modules/**"] : ["node_modules/**", "tests/**/*.int.test.ts"],
    testTimeout: mode === "int" ? 60_000 : 10_000,
    hookTimeout: mode === "int" ? 120_000 : 10_000,
    // Integration files share data/ fixtures and a browser; keep them sequential on the 2-core machine.
    fileParallelism: mode !== "int",
  },
}));
