/**
 * Folds Vietnamese text for matching what people type: lower case, no diacritics ("đ" → "d"), single spaces, no
 * surrounding punctuation. "TIẾP", "tiep" and "Tiếp!" all fold to "tiep".
 */
export function foldText(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}
