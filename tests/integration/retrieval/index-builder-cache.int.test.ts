import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadKnowledge } from "../../../src/curriculum/index.js";
import { parseLexicon } from "../../../src/nlp/index.js";
import {
  buildKnowledgeIndex,
  builderSignature,
  IndexBuilder,
  loadBuilderCache,
  readLexicon,
  saveBuilderCache,
} from "../../../src/retrieval/index.js";
import { writeMiniKnowledge } from "./mini-knowledge.js";

const root = mkdtempSync(join(tmpdir(), "tls-builder-cache-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("index builder cache (a restart reuses the analysed and embedded texts)", () => {
  const knowledgeDir = join(root, "knowledge");
  writeMiniKnowledge(knowledgeDir);
  const { lexicon } = readLexicon(knowledgeDir);
  const { lessons } = loadKnowledge(knowledgeDir);
  const file = join(root, "index", "builder-cache.json");
  const build = (builder: IndexBuilder) =>
    buildKnowledgeIndex({ lessons, lexicon, version: "v", dataDir: root, embeddings: { kind: "hashed" }, builder });

  it("restores into a new builder that then does no new work and ranks exactly as before", async () => {
    const first = new IndexBuilder(lexicon);
    const before = await build(first);
    expect(first.lastBuildNewWork).toBeGreaterThan(0);
    await saveBuilderCache(file, builderSignature(lexicon), first.snapshot());

    const restored = loadBuilderCache(file, builderSignature(lexicon));
    expect(restored).toBeDefined();
    const second = new IndexBuilder(lexicon);
    second.restore(restored!);
    const after = await build(second);
    expect(second.lastBuildNewWork).toBe(0);
    for (const q of ["tai vneid o dau", "mã OTP là gì", "bi lua ck mat tien", "kết quả bóng đá"]) {
      expect(await after.retriever.searchDetailed(q, 5)).toEqual(await before.retriever.searchDetailed(q, 5));
    }
  });

  it("ignores a cache made with another lexicon, and a damaged file", () => {
    const other = parseLexicon({ entries: { zz: "zalo" } }, { groups: [] });
    expect(loadBuilderCache(file, builderSignature(other))).toBeUndefined();
    writeFileSync(file, "{not json");
    expect(loadBuilderCache(file, builderSignature(lexicon))).toBeUndefined();
    expect(loadBuilderCache(join(root, "missing.json"), builderSignature(lexicon))).toBeUndefined();
  });
});
