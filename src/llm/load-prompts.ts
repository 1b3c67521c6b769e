import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { AppError } from "../shared/errors.js";

/**
 * Loads the fixed reply templates (prompts/<name>.txt; the core lists the names in TEMPLATE_NAMES) once at start-up. A missing or empty file stops start-up with
 * one error listing every problem: a citizen must never get a blank reply because a file was lost.
 */
export async function loadTemplates<Name extends string>(promptsDir: string, names: readonly Name[]): Promise<Record<Name, string>> {
  const entries = await Promise.all(
    names.map(async (name) => {
      const file = join(promptsDir, `${name}.txt`);
      try {
        const text = (await readFile(file, "utf8")).normalize("NFC").trim();
        return { name, text, problem: text ? undefined : `${file} is empty` };
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code ?? String(error);
        return { name, text: "", problem: `${file} cannot be read (${code})` };
      }
    }),
  );
  const problems = entries.flatMap((e) => (e.problem ? [e.problem] : []));
  if (problems.length > 0) {
    throw new AppError("internal:config", `Reply templates are missing or empty (PROMPTS_DIR=${promptsDir}):\n  - ${problems.join("\n  - ")}`);
  }
  return Object.fromEntries(entries.map((e) => [e.name, e.text])) as Record<Name, string>;
}
