import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { mkdir, rename, rm, writeFile } from "node:fs/promises";
import { endianness } from "node:os";
import { dirname, join } from "node:path";
import type { Lexicon } from "../nlp/index.js";
import { sourceFingerprint } from "../shared/source-fingerprint.js";
import { HASHED_DIMS } from "./hashed-embeddings.js";
import type { AnalyzedTerms, BuilderState } from "./index-builder.js";
import type { StoredPoint } from "./stored-point.js";
import { TermList } from "./term-list.js";

/**
 * Bump when the layout below changes. Format 1 was JSON (15 MB for the real knowledge base; parsing it and building
 * its ~230,000 Map entries was about a fifth of a cold start). Format 2 is binary: one string table, then typed
 * arrays that load by copying bytes (6.4 MB).
 */
const CACHE_FORMAT = 2;
const MAGIC = 0x4243_4c54; // "TLCB" read as a little-endian uint32

/**
 * What the cached work depends on besides the texts themselves (which are the keys): the lexicon, the vector size
 * and the code that analyses and embeds (the analyser, nlp/, the hashed embedder). A cache written by other code is
 * ignored rather than misread: the query path is being tuned, and a stale vector would rank silently differently.
 */
export function builderSignature(lexicon: Lexicon): string {
  const code = sourceFingerprint(import.meta.url, [
    "./analyzer",
    "./hashed-embeddings",
    "./chunk",
    "./index-builder",
    "./index-builder-cache",
    "./term-list",
    "../nlp/",
    "../shared/fold",
  ]);
  return createHash("sha256").update(JSON.stringify([CACHE_FORMAT, HASHED_DIMS, code, lexicon])).digest("hex").slice(0, 16);
}

/** The header (JSON) says how long each section is; sections follow in this order, each padded to 8 bytes. */
interface Header {
  format: number;
  signature: string;
  drift: number;
  /** Byte length of the string table (UTF-8, strings separated by NUL). */
  stringBytes: number;
  /** Number of analysed chunks, of their terms (both fields), of points, of their non-zeros, of folds, of df entries. */
  analyzed: number;
  terms: number;
  points: number;
  nonZeros: number;
  /** Bytes per stored point coordinate (2 while the vector size fits 16 bits). */
  indexBytes: 2 | 4;
  folds: number;
  fitted?: { dims: number; docs: number; features: number };
}

/**
 * The index builder's per-text work, saved so that a restart does not analyse and embed ~3,500 texts again (most of
 * a cold start, issue 14). Keys are digests of the texts, so a changed lesson simply misses the cache; a different
 * lexicon, code or format discards it. Weights are float64 and point values float32, as in memory: exact.
 */
export function loadBuilderCache(file: string, signature: string): BuilderState | undefined {
  if (!existsSync(file) || endianness() !== "LE") return undefined;
  try {
    return decode(readFileSync(file), signature);
  } catch {
    return undefined;
  }
}

function decode(bytes: Buffer, signature: string): BuilderState | undefined {
  if (bytes.length < 12 || bytes.readUInt32LE(0) !== MAGIC || bytes.readUInt32LE(4) !== CACHE_FORMAT) return undefined;
  const headerBytes = bytes.readUInt32LE(8);
  const header = JSON.parse(bytes.toString("utf8", 12, 12 + headerBytes)) as Header;
  if (header.format !== CACHE_FORMAT || header.signature !== signature) return undefined;
  let at = pad(12 + headerBytes);
  const strings = bytes.toString("utf8", at, at + header.stringBytes).split("\0");
  at = pad(at + header.stringBytes);
  // Copies into fresh (aligned) typed arrays: a Buffer read from a file may start at any byte offset.
  const take = <T extends Uint16Array | Uint32Array | Float32Array | Float64Array>(make: (n: number) => T, n: number): T => {
    const out = make(n);
    const length = n * out.BYTES_PER_ELEMENT;
    if (at + length > bytes.length) throw new Error("truncated builder cache");
    new Uint8Array(out.buffer).set(bytes.subarray(at, at + length));
    at = pad(at + length);
    return out;
  };
  const u32 = (n: number) => new Uint32Array(n);
  const analyzedKeys = take(u32, header.analyzed);
  const termCounts = take(u32, header.analyzed * 2);
  const termIds = take(u32, header.terms);
  const weights = take((n) => new Float64Array(n), header.terms);
  const pointKeys = take(u32, header.points);
  const pointCounts = take(u32, header.points);
  const norms = take((n) => new Float64Array(n), header.points);
  const index = header.indexBytes === 2 ? take((n) => new Uint16Array(n), header.nonZeros) : take(u32, header.nonZeros);
  const values = take((n) => new Float32Array(n), header.nonZeros);
  const folds = take(u32, header.folds * 2);
  const features = header.fitted ? take(u32, header.fitted.features) : undefined;
  const counts = header.fitted ? take((n) => new Float64Array(n), header.fitted.features) : undefined;
  if (at > pad(bytes.length)) throw new Error("truncated builder cache");

  const string = (id: number) => {
    const s = strings[id];
    if (s === undefined) throw new Error("builder cache string out of range");
    return s;
  };
  const analyzed = new Map<string, AnalyzedTerms>();
  let term = 0;
  // Each list's weights are a view on the one Float64Array: no allocation per list beyond the view itself.
  const list = (n: number) => {
    const terms = new Array<string>(n);
    for (let i = 0; i < n; i++) terms[i] = string(termIds[term + i]!);
    const out = new TermList(terms, weights.subarray(term, term + n));
    term += n;
    return out;
  };
  for (let i = 0; i < header.analyzed; i++) {
    const folded = list(termCounts[2 * i]!);
    analyzed.set(string(analyzedKeys[i]!), { folded, accented: list(termCounts[2 * i + 1]!) });
  }
  const points = new Map<string, StoredPoint>();
  let offset = 0;
  for (let i = 0; i < header.points; i++) {
    const n = pointCounts[i]!;
    points.set(string(pointKeys[i]!), { index: index.subarray(offset, offset + n), values: values.subarray(offset, offset + n), normSquared: norms[i]! });
    offset += n;
  }
  const foldMap = new Map<string, string>();
  for (let i = 0; i < header.folds; i++) foldMap.set(string(folds[2 * i]!), string(folds[2 * i + 1]!));
  const fitted =
    header.fitted && features && counts
      ? { dims: header.fitted.dims, docs: header.fitted.docs, df: Array.from(features, (id, i): [string, number] => [string(id), counts[i]!]) }
      : undefined;
  return { analyzed, points, folds: foldMap, ...(fitted ? { fitted } : {}), drift: header.drift };
}

let saves = 0;

/**
 * Writes the cache atomically (temp file, then rename): a crash mid-write leaves the old cache or none. Also removes
 * a format-1 `builder-cache.json` beside it, which nothing reads any more.
 */
export async function saveBuilderCache(file: string, signature: string, state: BuilderState): Promise<void> {
  if (endianness() !== "LE") return;
  const parts = encode(signature, state);
  if (!parts) return;
  await mkdir(dirname(file), { recursive: true });
  // Unique per save: two overlapping saves (publishes in a row) must never rename each other's half-written file.
  const tmp = `${file}.tmp-${process.pid}-${++saves}`;
  // Written part by part: joining them first would double the peak memory of a save (~60 MB at 3,000+ sections).
  await writeFile(tmp, parts);
  await rename(tmp, file);
  const legacy = join(dirname(file), "builder-cache.json");
  if (legacy !== file) await rm(legacy, { force: true });
}

/** The file as its parts (header, string table, typed arrays, padding), in order. */
function encode(signature: string, state: BuilderState): Uint8Array[] | undefined {
  const ids = new Map<string, number>();
  const table: string[] = [];
  const id = (s: string) => {
    let n = ids.get(s);
    if (n === undefined) {
      n = table.length;
      ids.set(s, n);
      table.push(s);
    }
    return n;
  };
  const analyzed = [...state.analyzed];
  const termCount = analyzed.reduce((sum, [, t]) => sum + t.folded.size + t.accented.size, 0);
  const analyzedKeys = new Uint32Array(analyzed.length);
  const termCounts = new Uint32Array(analyzed.length * 2);
  const termIds = new Uint32Array(termCount);
  const weights = new Float64Array(termCount);
  let term = 0;
  analyzed.forEach(([key, terms], i) => {
    analyzedKeys[i] = id(key);
    termCounts[2 * i] = terms.folded.size;
    termCounts[2 * i + 1] = terms.accented.size;
    for (const field of [terms.folded, terms.accented]) {
      field.terms.forEach((t, j) => {
        termIds[term] = id(t);
        weights[term++] = field.weights[j]!;
      });
    }
  });
  // Dense points (none with the hashed embedder) are left out: they are recomputed on a miss.
  const points = [...state.points].filter((entry): entry is [string, Required<StoredPoint>] => entry[1].index !== undefined);
  const nonZeros = points.reduce((sum, [, p]) => sum + p.values.length, 0);
  const indexBytes = points.every(([, p]) => p.index instanceof Uint16Array) ? 2 : 4;
  const pointKeys = new Uint32Array(points.length);
  const pointCounts = new Uint32Array(points.length);
  const norms = new Float64Array(points.length);
  const index = indexBytes === 2 ? new Uint16Array(nonZeros) : new Uint32Array(nonZeros);
  const values = new Float32Array(nonZeros);
  let offset = 0;
  points.forEach(([key, p], i) => {
    pointKeys[i] = id(key);
    pointCounts[i] = p.values.length;
    norms[i] = p.normSquared;
    index.set(p.index, offset);
    values.set(p.values, offset);
    offset += p.values.length;
  });
  const foldPairs = [...state.folds];
  const folds = new Uint32Array(foldPairs.length * 2);
  foldPairs.forEach(([accented, folded], i) => {
    folds[2 * i] = id(accented);
    folds[2 * i + 1] = id(folded);
  });
  const df = state.fitted?.df ?? [];
  const features = Uint32Array.from(df, ([feature]) => id(feature));
  const counts = Float64Array.from(df, ([, count]) => count);
  // NUL separates the strings; terms and features never contain it (normalisation drops control characters), but
  // if one ever did, saving nothing is better than a table that splits wrongly.
  if (table.some((s) => s.includes("\0"))) return undefined;
  const stringTable = Buffer.from(table.join("\0"), "utf8");
  const header: Header = {
    format: CACHE_FORMAT,
    signature,
    drift: state.drift,
    stringBytes: stringTable.length,
    analyzed: analyzed.length,
    terms: termCount,
    points: points.length,
    nonZeros,
    indexBytes,
    folds: foldPairs.length,
    ...(state.fitted ? { fitted: { dims: state.fitted.dims, docs: state.fitted.docs, features: df.length } } : {}),
  };
  const headerJson = Buffer.from(JSON.stringify(header), "utf8");
  const prefix = Buffer.alloc(12);
  prefix.writeUInt32LE(MAGIC, 0);
  prefix.writeUInt32LE(CACHE_FORMAT, 4);
  prefix.writeUInt32LE(headerJson.length, 8);
  const parts: Uint8Array[] = [];
  let length = 0;
  const push = (part: Uint8Array) => {
    parts.push(part);
    length += part.byteLength;
    const padding = pad(length) - length;
    if (padding > 0) {
      parts.push(new Uint8Array(padding));
      length += padding;
    }
  };
  push(Buffer.concat([prefix, headerJson]));
  push(stringTable);
  const sections = [analyzedKeys, termCounts, termIds, weights, pointKeys, pointCounts, norms, index, values, folds];
  if (state.fitted) sections.push(features, counts);
  for (const section of sections) push(new Uint8Array(section.buffer, section.byteOffset, section.byteLength));
  return parts;
}

/** Next multiple of 8. */
function pad(n: number): number {
  return Math.ceil(n / 8) * 8;
}
