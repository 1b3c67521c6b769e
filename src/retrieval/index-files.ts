import { existsSync } from "node:fs";
import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { EmbeddingsInterface } from "@langchain/core/embeddings";
import type { Lexicon } from "../nlp/index.js";
import { createEmbeddings, type BuiltIndex, type EmbeddingsConfig } from "./build.js";
import type { HashedEmbeddingsData } from "./hashed-embeddings.js";
import type { LexicalData } from "./lexical-ranker.js";
import { VectorRanker } from "./vector-ranker.js";

/** Bump when the saved layout or the analysis changes, so old indexes are rebuilt rather than misread. */
export const INDEX_FORMAT = 2;

/** data/index/meta.json. No timestamps: the same knowledge must give byte-identical files. */
export interface IndexMeta {
  format: number;
  /** Knowledge version: content hash of lessons + lexicon. */
  version: string;
  embedder: string;
  dims: number;
  lessons: number;
  chunks: number;
}

/**
 * Writes the index into `${dir}` atomically: everything goes to a sibling temp dir first, then replaces the old one,
 * so a crash mid-build never leaves a half-written index that looks valid.
 */
export async function saveIndex(dir: string, meta: IndexMeta, built: BuiltIndex): Promise<void> {
  const tmp = `${dir}.tmp-${process.pid}`;
  await rm(tmp, { recursive: true, force: true });
  await mkdir(tmp, { recursive: true });
  await built.vector.save(tmp);
  await writeFile(join(tmp, "lexical.json"), JSON.stringify(built.lexical));
  if (built.hashed) await writeFile(join(tmp, "embedder.json"), JSON.stringify(built.hashed));
  // meta.json last: its presence marks a complete index.
  await writeFile(join(tmp, "meta.json"), `${JSON.stringify(meta, null, 2)}\n`);
  await rm(dir, { recursive: true, force: true });
  await rename(tmp, dir);
}

export async function readMeta(dir: string): Promise<IndexMeta | undefined> {
  const file = join(dir, "meta.json");
  if (!existsSync(file)) return undefined;
  try {
    return JSON.parse(await readFile(file, "utf8")) as IndexMeta;
  } catch {
    return undefined;
  }
}

export interface LoadedIndex {
  lexical: LexicalData;
  vector: VectorRanker;
  embeddings: EmbeddingsInterface;
}

/** Loads a saved index; throws (caller rebuilds) when a file is missing or unreadable. */
export async function loadIndex(dir: string, config: EmbeddingsConfig, lexicon: Lexicon): Promise<LoadedIndex> {
  const lexical = JSON.parse(await readFile(join(dir, "lexical.json"), "utf8")) as LexicalData;
  const hashed =
    config.kind === "hashed" ? (JSON.parse(await readFile(join(dir, "embedder.json"), "utf8")) as HashedEmbeddingsData) : undefined;
  const embeddings = createEmbeddings(config, lexicon, hashed);
  const vector = await VectorRanker.load(dir, embeddings);
  return { lexical, vector, embeddings };
}
