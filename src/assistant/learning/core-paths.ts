import { z } from "zod";
import type { TargetGroup } from "./ports.js";
import { TARGET_GROUPS } from "./ports.js";

/** The core path per target group (knowledge/paths/core-paths.yaml): lesson ids in the order they should be learnt. */
export type CorePaths = Record<TargetGroup, string[]>;

const schema = z.object(
  Object.fromEntries(TARGET_GROUPS.map((g) => [g, z.array(z.string().regex(/^[a-z0-9-]+$/)).min(1)])) as Record<
    TargetGroup,
    z.ZodArray<z.ZodString>
  >,
);

/**
 * Validates parsed YAML. Unknown lesson ids are reported (operators fix the data file) and dropped, so a lesson that
 * is renamed or not written yet never blocks anyone from reaching "đạt".
 */
export function parseCorePaths(data: unknown, lessonIds: Set<string>): { paths: CorePaths; problems: string[] } {
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    throw new Error(`core paths: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
  }
  const problems: string[] = [];
  const paths = {} as CorePaths;
  for (const g of TARGET_GROUPS) {
    paths[g] = parsed.data[g].filter((id) => {
      if (lessonIds.has(id)) return true;
      problems.push(`${g}: unknown lesson "${id}"`);
      return false;
    });
  }
  return { paths, problems };
}

/** The path a learner is measured against: their group's, or the citizens' when they did not say. */
export function pathFor(paths: CorePaths, group: TargetGroup | undefined): string[] {
  return paths[group ?? "citizen"];
}

/** "Đạt": every lesson of the core path passed (an empty path is never reached). */
export function reachedPath(path: string[], passed: Set<string>): boolean {
  return path.length > 0 && path.every((id) => passed.has(id));
}
