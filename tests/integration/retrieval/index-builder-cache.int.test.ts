import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
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
  const file = join(root, "index", "builder-cache.bin");
  const build = (builder: IndexBuilder) =>
    buildKnowledgeIndex({ lessons, lexicon, version: "v", dataDir: root, embeddings: { kind: "hashed" }, builder });

  it("restores into a new builder that then does no new work and ranks exactly as before", async () => {
    const first = new IndexBuilder(lexicon);
    const before = await build(first);
    expect(first.lastBuildNewWork).toBeGreaterThan(0);
    await saveBuilderCache(file, builderSignature(lexicon), first.snapshot());

    const restored = loadBuilderCache(file, builderSignature(lexicon));
    expect(restored).toBeDefined();
    // Exact round trip of the per-text work: terms and weights, float32 vectors and their norms, accent folds, df.
    const saved = first.snapshot();
    expect(restored!.drift).toBe(saved.drift);
    expect(restored!.fitted).toEqual(saved.fitted);
    expect(restored!.folds).toEqual(saved.folds);
    expect([...restored!.analyzed.keys()]).toEqual([...saved.analyzed.keys()]);
    for (const [key, terms] of saved.analyzed) {
      expect([...restored!.analyzed.get(key)!.folded]).toEqual([...terms.folded]);
      expect([...restored!.analyzed.get(key)!.accented]).toEqual([...terms.accented]);
    }
    expect([...restored!.points.keys()]).toEqual([...saved.points.keys()]);
    for (const [key, point] of saved.points) {
      const back = restored!.points.get(key)!;
      expect(back.normSquared).toBe(point.normSquared);
      expect([...back.index!]).toEqual([...point.index!]);
      expect([...back.values]).toEqual([...point.values]);
    }
    const second = new IndexBuilder(lexicon);
    second.restore(restored!);
    const after = await build(second);
    expect(second.lastBuildNewWork).toBe(0);
    for (const q of ["tai vneid o dau", "mã OTP là gì", "bi lua ck mat tien", "kết quả bóng đá"]) {
      expect(await after.retriever.searchDetailed(q, 5)).toEqual(await before.retriever.searchDetailed(q, 5));
    }
  });

  it("a restored builder re-analyses only the lesson that changed", async () => {
    const builder = new IndexBuilder(lexicon);
    builder.restore(loadBuilderCache(file, builderSignature(lexicon))!);
    const [changed, ...rest] = lessons;
    const edited = { ...changed!, sections: changed!.sections.map((s, i) => (i === 0 ? { ...s, body: `${s.body}\n\nThêm một câu.` } : s)) };
    await buildKnowledgeIndex({ lessons: [edited, ...rest], lexicon, version: "v2", dataDir: root, embeddings: { kind: "hashed" }, builder });
    // One chunk re-analysed and its whole-text vector re-embedded (its paraphrase vectors are unchanged).
    expect(builder.lastBuildNewWork).toBe(2);
  });

  it("removes the format-1 JSON cache it replaces", async () => {
    const legacy = join(root, "index", "builder-cache.json");
    writeFileSync(legacy, "{}");
    const builder = new IndexBuilder(lexicon);
    await build(builder);
    await saveBuilderCache(file, builderSignature(lexicon), builder.snapshot());
    expect(existsSync(legacy)).toBe(false);
    expect(loadBuilderCache(file, builderSignature(lexicon))).toBeDefined();
  });

  it("ignores a cache made with another lexicon or other code, and a damaged or truncated file", () => {
    const other = parseLexicon({ entries: { zz: "zalo" } }, { groups: [] });
    expect(loadBuilderCache(file, builderSignature(other))).toBeUndefined();
    // The signature also covers the analyser's and embedder's code: another signature is another version of them.
    expect(loadBuilderCache(file, "0123456789abcdef")).toBeUndefined();
    const bytes = readFileSync(file);
    writeFileSync(file, bytes.subarray(0, Math.floor(bytes.length / 2)));
    expect(loadBuilderCache(file, builderSignature(lexicon))).toBeUndefined();
    writeFileSync(file, "{not json");
    expect(loadBuilderCache(file, builderSignature(lexicon))).toBeUndefined();
    expect(loadBuilderCache(join(root, "missing.json"), builderSignature(lexicon))).toBeUndefined();
  });
});
