import { foldText } from "../shared/fold.js";

/** ASCII kebab-case slug of Vietnamese text (đ→d, accents removed). Pure: used for section ids. */
export function slugify(text: string): string {
  return foldText(text)
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60);
}
