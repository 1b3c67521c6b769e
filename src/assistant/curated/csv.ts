import { csvCell } from "../learning/report.js";
import type { CuratedAnswer, CuratedContent } from "./ports.js";
import { cleanContent } from "./validate.js";

/**
 * Bulk CSV of curated answers (UTF-8, comma, RFC 4180 quotes; a cell may span lines). Alternatives are one cell,
 * separated by " | ". Exported cells that a spreadsheet would run as a formula (= + - @) get a leading apostrophe,
 * which the import removes again, so export → import changes nothing.
 */
export const CURATED_CSV_COLUMNS = ["id", "question", "alternatives", "answer", "source_title", "source_url", "status", "version", "hits"] as const;

export function curatedToCsv(items: readonly CuratedAnswer[]): string {
  const lines = [CURATED_CSV_COLUMNS.join(",")];
  for (const c of items) {
    const d = c.draft;
    lines.push(
      [c.id, d.question, d.alternatives.join(" | "), d.answer, d.sourceTitle, d.sourceUrl, c.status, c.published?.version ?? "", c.hits]
        .map((v) => csvCell(v))
        .join(","),
    );
  }
  return `${lines.join("\r\n")}\r\n`;
}

export interface CsvRow {
  /** 1-based line of the row's start in the file (the header is line 1). */
  line: number;
  /** Present when the row names an existing answer to change. */
  id?: number;
  content: CuratedContent;
}

/** Rows of an import, or the reason a row cannot be read (Vietnamese). */
export function parseCuratedCsv(text: string): { rows: CsvRow[]; problems: Array<{ line: number; message: string }> } {
  const records = splitRecords(text.replace(/^\uFEFF/, ""));
  const problems: Array<{ line: number; message: string }> = [];
  const header = (records[0]?.cells ?? []).map((h) => h.trim().toLowerCase());
  const at = (name: string) => header.indexOf(name);
  if (at("question") < 0 || at("answer") < 0) {
    return { rows: [], problems: [{ line: 1, message: "Dòng tiêu đề phải có ít nhất các cột question và answer (xem README)." }] };
  }
  const rows: CsvRow[] = [];
  for (const { line, cells } of records.slice(1)) {
    if (cells.every((c) => c.trim() === "")) continue;
    const cell = (name: string) => unneutralise(cells[at(name)] ?? "");
    const rawId = cell("id").trim();
    if (rawId && !/^\d{1,9}$/.test(rawId)) {
      problems.push({ line, message: `Cột id phải là số (hoặc để trống để thêm mới), không phải "${rawId.slice(0, 20)}".` });
      continue;
    }
    const content = cleanContent({
      question: cell("question"),
      alternatives: cell("alternatives").split(" | "),
      answer: cell("answer"),
      sourceTitle: cell("source_title"),
      sourceUrl: cell("source_url"),
    });
    rows.push({ line, ...(rawId ? { id: Number(rawId) } : {}), content });
  }
  return { rows, problems };
}

/** Undoes csvCell's formula guard: "'=x" → "=x" (only before the characters it guards). */
function unneutralise(cell: string): string {
  return /^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell;
}

/** RFC 4180 records with the line each starts on; quoted cells may hold commas, quotes ("") and line breaks. */
function splitRecords(text: string): Array<{ line: number; cells: string[] }> {
  const out: Array<{ line: number; cells: string[] }> = [];
  let cells: string[] = [];
  let cell = "";
  let quoted = false;
  let line = 1;
  let start = 1;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (ch === '"') quoted = false;
      else {
        if (ch === "\n") line += 1;
        cell += ch;
      }
    } else if (ch === '"' && cell === "") quoted = true;
    else if (ch === ",") {
      cells.push(cell);
      cell = "";
    } else if (ch === "\r" || ch === "\n") {
      if (ch === "\r" && text[i + 1] === "\n") i += 1;
      cells.push(cell);
      out.push({ line: start, cells });
      cells = [];
      cell = "";
      line += 1;
      start = line;
    } else cell += ch;
  }
  if (cell !== "" || cells.length > 0) {
    cells.push(cell);
    out.push({ line: start, cells });
  }
  return out;
}
