import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { defaultLexicon, parseLexicon, type Lexicon } from "../nlp/index.js";
import type { Problem } from "../curriculum/index.js";

/**
 * Reads knowledge/lexicon/{abbreviations,synonyms}.json from the knowledge dir in use. A broken file is reported as
 * a problem and the bundled lexicon is used instead, so one bad edit never takes search down.
 */
export function readLexicon(knowledgeDir: string): { lexicon: Lexicon; files: string[]; problems: Problem[] } {
  const abbreviations = join(knowledgeDir, "lexicon", "abbreviations.json");
  const synonyms = join(knowledgeDir, "lexicon", "synonyms.json");
  const files = [abbreviations, synonyms].filter((f) => existsSync(f));
  if (files.length < 2) return { lexicon: defaultLexicon, files, problems: [] };
  try {
    const lexicon = parseLexicon(JSON.parse(readFileSync(abbreviations, "utf8")), JSON.parse(readFileSync(synonyms, "utf8")));
    return { lexicon, files, problems: [] };
  } catch (error) {
    const message = `${(error as Error).message}; using the bundled lexicon instead`;
    return { lexicon: defaultLexicon, files, problems: [{ file: "lexicon", line: 1, message }] };
  }
}
