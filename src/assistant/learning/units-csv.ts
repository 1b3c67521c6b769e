import type { AdminUnit } from "./ports.js";

/**
 * Administrative units CSV (after 1/7/2025: two tiers, province → commune/ward, plus neighbourhoods):
 *   level,code,name,parent_code
 *   province,01,Thành phố Hà Nội,
 *   commune,00004,Phường Ba Đình,01
 *   neighbourhood,00004-TDP01,Tổ dân phố số 1,00004
 * Each row is validated on its own; bad rows are reported with their line number and the rest are imported.
 */
export interface UnitsCsvResult {
  units: AdminUnit[];
  problems: Array<{ line: number; message: string }>;
}

const LEVELS: Record<string, AdminUnit["level"]> = {
  province: "province", tinh: "province",
  commune: "commune", ward: "commune", xa: "commune", phuong: "commune", dac_khu: "commune",
  neighbourhood: "neighbourhood", to_dan_pho: "neighbourhood", thon: "neighbourhood",
};
const PARENT: Record<AdminUnit["level"], AdminUnit["level"] | undefined> = {
  province: undefined, commune: "province", neighbourhood: "commune",
};

/** One CSV line → cells (RFC 4180 quotes, no line breaks inside cells). */
export function splitCsvLine(line: string): string[] {
  const cells: string[] = [];
  let cur = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') { cur += '"'; i++; }
      else if (c === '"') quoted = false;
      else cur += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") { cells.push(cur); cur = ""; }
    else cur += c;
  }
  cells.push(cur);
  return cells.map((s) => s.trim());
}

/** Parses and validates; `known` are units already in the database (parents may live there). */
export function parseUnitsCsv(text: string, known: AdminUnit[] = []): UnitsCsvResult {
  const lines = text.replace(/^\uFEFF/, "").split(/\r?\n/);
  const problems: UnitsCsvResult["problems"] = [];
  const units: AdminUnit[] = [];
  const header = splitCsvLine(lines[0] ?? "").map((h) => h.toLowerCase());
  const col = (name: string) => header.indexOf(name);
  const [iLevel, iCode, iName, iParent] = [col("level"), col("code"), col("name"), col("parent_code")];
  if (iLevel < 0 || iCode < 0 || iName < 0 || iParent < 0) {
    return { units, problems: [{ line: 1, message: "header must be: level,code,name,parent_code" }] };
  }
  const levelOf = new Map(known.map((u) => [u.code, u.level]));
  const seen = new Set<string>();
  lines.slice(1).forEach((raw, i) => {
    const line = i + 2;
    if (!raw.trim()) return;
    const cells = splitCsvLine(raw);
    const rawLevel = (cells[iLevel] ?? "").toLowerCase();
    const code = cells[iCode] ?? "";
    const name = (cells[iName] ?? "").normalize("NFC");
    const parent = cells[iParent] ?? "";
    const level = LEVELS[rawLevel];
    const bad = (message: string) => problems.push({ line, message });
    if (rawLevel === "district" || rawLevel === "huyen") return bad("districts no longer exist after 1/7/2025 (two tiers: province → commune/ward)");
    if (!level) return bad(`unknown level "${rawLevel}" (province | commune | neighbourhood)`);
    if (!/^[0-9A-Za-z._-]{1,24}$/.test(code)) return bad(`bad code "${code}" (1-24 letters, digits, . _ -)`);
    if (!name || name.length > 120) return bad("name is required (at most 120 characters)");
    if (seen.has(code)) return bad(`code ${code} appears twice in the file`);
    const parentLevel = PARENT[level];
    if (!parentLevel && parent) return bad("a province has no parent_code");
    if (parentLevel && !parent) return bad(`a ${level} needs parent_code (its ${parentLevel})`);
    if (parentLevel && levelOf.get(parent) !== parentLevel) return bad(`parent_code ${parent} is not a known ${parentLevel} (list parents first)`);
    seen.add(code);
    levelOf.set(code, level);
    units.push({ code, name, level, ...(parent ? { parentCode: parent } : {}) });
    return undefined;
  });
  return { units, problems };
}
