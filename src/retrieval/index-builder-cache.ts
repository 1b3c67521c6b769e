import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { mkdir, rename, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import type { Lexicon } from "../nlp/index.js";
import type { AnalyzedText } from "./analyzer.js";
import { HASHED_DIMS } from "./hashed-embeddings.js";
import type { BuilderState } from "./index-builder.js";
import type { StoredPoint } from "./stored-point.js";

/** Bump when the analysis, the features or the layout below change: an old cache is then ignored, never misread. */
const CACHE_FORMAT = 1;

interface CacheFile {
  format: number;
  signature: string;
  drift: number;
  fitted?: BuilderState["fitted"];
  analyzed: Array<[key: string, folded: Array<[string, number]>, accented: Array<[string, number]>]>;
  points: Array<[text: string, index: number[], values: number[], normSquared: number]>;
}

/** What the cached work depends on besides the texts themselves: the lexicon and the vector size. */
export function builderSignature(lexicon: Lexicon): string {
  return createHash("sha256").update(JSON.stringify([CACHE_FORMAT, HASHED_DIMS, lexicon])).digest("hex").slice(0, 16);
}

/**
 * The index builder's per-text work, saved so that a restart does not analyse and embed ~3,000 texts again (most of
 * a cold start, issue 14). Keys are the texts themselves, so a changed lesson simply misses the cache; a different
 * lexicon or format discards it. Float32 values and their norms round-trip JSON exactly.
 */
export function loadBuilderCache(file: string, signature: string): BuilderState | undefined {
  if (!existsSync(file)) return undefined;
  try {
    const data = JSON.parse(readFileSync(file, "utf8")) as CacheFile;
    if (data.format !== CACHE_FORMAT || data.signature !== signature) return undefined;
    const analyzed = new Map<string, AnalyzedText>(data.analyzed.map(([key, folded, accented]) => [key, { folded: new Map(folded), accented: new Map(accented) }]));
    const points = new Map<string, StoredPoint>(
      data.points.map(([text, index, values, normSquared]) => [
        text,
        { index: HASHED_DIMS <= 0x10000 ? Uint16Array.from(index) : Uint32Array.from(index), values: Float32Array.from(values), normSquared },
      ]),
    );
    return { analyzed, points, fitted: data.fitted, drift: data.drift };
  } catch {
    return undefined;
  }
}

/** Writes the cache atomically (temp file, then rename): a crash mid-write leaves the old cache or none. */
export async function saveBuilderCache(file: string, signature: string, state: BuilderState): Promise<void> {
  const data: CacheFile = {
    format: CACHE_FORMAT,
    signature,
    drift: state.drift,
    ...(state.fitted ? { fitted: state.fitted } : {}),
    analyzed: [...state.analyzed].map(([key, t]) => [key, [...t.folded], [...t.accented]]),
    points: [...state.points].flatMap(([text, p]) => (p.index ? [[text, Array.from(p.index), Array.from(p.values), p.normSquared] as CacheFile["points"][number]] : [])),
  };
  await mkdir(dirname(file), { recursive: true });
  const tmp = `${file}.tmp-${process.pid}`;
  await writeFile(tmp, JSON.stringify(data));
  await rename(tmp, file);
}
