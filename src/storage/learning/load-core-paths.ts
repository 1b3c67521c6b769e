import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import type { CorePaths } from "../../assistant/learning/index.js";
import { parseCorePaths } from "../../assistant/learning/index.js";

/** Reads knowledge/paths/core-paths.yaml; problems (unknown lesson ids) are returned for the operator log. */
export function loadCorePaths(knowledgeDir: string, lessonIds: Set<string>): { paths: CorePaths; problems: string[] } {
  const file = join(knowledgeDir, "paths", "core-paths.yaml");
  if (!existsSync(file)) throw new Error(`core paths file missing: ${file}`);
  return parseCorePaths(parse(readFileSync(file, "utf8")), lessonIds);
}
