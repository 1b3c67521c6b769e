/**
 * npm start — production start: rebuilds dist/ only when it is stale (missing, or older than src/, the lexicon JSON
 * or the build settings; see build.mjs), then runs the compiled app in this process (`node dist/main.js` would do
 * the same). No TypeScript loader at run time.
 */
import { build, isStale } from "./build.mjs";

if (isStale()) {
  console.error("dist/ is missing or older than the sources: building (npm run build)…");
  try {
    build();
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
await import("../dist/main.js");
