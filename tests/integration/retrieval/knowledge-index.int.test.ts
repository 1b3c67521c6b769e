import { appendFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openKnowledgeIndex } from "../../../src/retrieval/index.js";
import { startFakeEmbeddingsServer } from "../../fakes/fake-embeddings-server.js";
import { writeMiniKnowledge } from "./mini-knowledge.js";

const root = mkdtempSync(join(tmpdir(), "tls-index-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function setup(name: string) {
  const knowledgeDir = join(root, name, "knowledge");
  const dataDir = join(root, name, "data");
  writeMiniKnowledge(knowledgeDir);
  return { knowledgeDir, dataDir, embeddings: { kind: "hashed" } as const };
}

const top = async (index: Awaited<ReturnType<typeof openKnowledgeIndex>>, q: string) =>
  (await index.retriever.search(q, 1))[0]?.chunk.lessonId;

describe("openKnowledgeIndex on a tiny knowledge dir", () => {
  it("builds in memory with the built-in embedder: nothing is saved, and every build ranks the same", async () => {
    const opts = setup("roundtrip");
    const first = await openKnowledgeIndex(opts);
    expect(first.rebuilt).toBe(true);
    expect(first.problems).toEqual([]);
    expect(first.chunks).toHaveLength(5);
    expect(existsSync(join(opts.dataDir, "index"))).toBe(false);
    const second = await openKnowledgeIndex(opts);
    expect(second.version).toBe(first.version);
    for (const q of ["tai vneid o dau", "mã OTP là gì", "bi lua ck mat tien"]) {
      expect(await second.retriever.search(q, 3)).toEqual(await first.retriever.search(q, 3));
    }
    expect(await top(second, "tai vneid o dau")).toBe("vneid-cai-dat");
    expect(await top(second, "dt ko cai dc vneid")).toBe("vneid-cai-dat");
    expect(await top(second, "vua bi lua ck")).toBe("safety-mat-tien");
  });

  it("with a remote embedder, builds, saves, then loads the same index without rebuilding or calling it again", async () => {
    const fake = await startFakeEmbeddingsServer();
    try {
      const opts = { ...setup("remote-roundtrip"), embeddings: { kind: "openai-compatible" as const, url: fake.url, model: "bge-m3" } };
      const first = await openKnowledgeIndex(opts);
      expect(first.rebuilt).toBe(true);
      expect(readdirSync(join(opts.dataDir, "index")).sort()).toEqual(["args.json", "docstore.json", "hnswlib.index", "lexical.json", "meta.json"]);
      const calls = fake.calls.length;
      const second = await openKnowledgeIndex(opts);
      expect(second.rebuilt).toBe(false);
      expect(second.version).toBe(first.version);
      expect(await top(second, "mã otp là gì")).toBe("safety-otp");
      expect(fake.calls.length).toBe(calls + 1); // the query only
    } finally {
      await fake.close();
    }
  });

  it("fills chunks from sections: steps kept together, safety note, first source", async () => {
    const { chunks } = await openKnowledgeIndex(setup("chunks"));
    const install = chunks.find((c) => c.id === "vneid-cai-dat#tai-ung-dung-vneid-o-dau");
    expect(install).toMatchObject({
      lessonTitle: "Cài đặt ứng dụng VNeID",
      section: "Tải ứng dụng VNeID ở đâu?",
      steps: ["Mở CH Play hoặc App Store.", "Gõ VNeID vào ô tìm kiếm.", "Bấm Cài đặt."],
      sourceUrl: "https://example.gov.vn/vneid-cai-dat",
      updated: "2026-11-02",
      questions: ["tải ứng dụng vneid ở đâu?"],
    });
    expect(chunks.find((c) => c.section === "Mã OTP là gì?")?.safetyNote).toMatch(/^Không bao giờ đọc mã OTP/);
  });

  it("is deterministic: two remote builds of the same knowledge give identical files", async () => {
    const fake = await startFakeEmbeddingsServer();
    try {
      const embeddings = { kind: "openai-compatible" as const, url: fake.url, model: "bge-m3" };
      const a = { ...setup("det-a"), embeddings };
      const b = { ...setup("det-b"), embeddings };
      await openKnowledgeIndex(a);
      await openKnowledgeIndex(b);
      for (const file of readdirSync(join(a.dataDir, "index"))) {
        expect(readFileSync(join(b.dataDir, "index", file)), file).toEqual(readFileSync(join(a.dataDir, "index", file)));
      }
    } finally {
      await fake.close();
    }
  });

  it("rebuilds a saved index when a lesson or the lexicon changes, or when the index is damaged", async () => {
    const fake = await startFakeEmbeddingsServer();
    try {
      const opts = { ...setup("rebuild"), embeddings: { kind: "openai-compatible" as const, url: fake.url, model: "bge-m3" } };
      const first = await openKnowledgeIndex(opts);
      appendFileSync(join(opts.knowledgeDir, "safety", "safety-otp.md"), "\n## Xổ số trúng thưởng là lừa đảo\n\nKhông tin tin nhắn báo trúng xổ số.\n");
      const changed = await openKnowledgeIndex(opts);
      expect(changed.rebuilt).toBe(true);
      expect(changed.version).not.toBe(first.version);
      expect(await top(changed, "tin nhan trung xo so")).toBe("safety-otp");

      const synonyms = join(opts.knowledgeDir, "lexicon", "synonyms.json");
      writeFileSync(synonyms, JSON.stringify({ groups: [["vneid", "định danh"]] }));
      expect((await openKnowledgeIndex(opts)).rebuilt).toBe(true);

      writeFileSync(join(opts.dataDir, "index", "lexical.json"), "{broken");
      const repaired = await openKnowledgeIndex(opts);
      expect(repaired.rebuilt).toBe(true);
      expect((await openKnowledgeIndex(opts)).rebuilt).toBe(false);
    } finally {
      await fake.close();
    }
  });

  it("reports a broken lexicon file and keeps working with the bundled one", async () => {
    const opts = setup("bad-lexicon");
    writeFileSync(join(opts.knowledgeDir, "lexicon", "abbreviations.json"), '{"entries": 3}');
    const index = await openKnowledgeIndex(opts);
    expect(index.problems.map((p) => p.message).join()).toMatch(/abbreviations\.json is invalid/);
    expect(await top(index, "dt ko cai dc vneid")).toBe("vneid-cai-dat");
  });

  it("handles k larger than the index, k = 0 and empty queries", async () => {
    const index = await openKnowledgeIndex(setup("k"));
    expect(await index.retriever.search("vneid", 50)).toHaveLength(5);
    expect(await index.retriever.search("vneid", 0)).toEqual([]);
    expect(await index.retriever.search("  ", 3)).toEqual([]);
  });

  it("refuses nothing silently: out-of-scope questions get a low confidence", async () => {
    const index = await openKnowledgeIndex(setup("confidence"));
    const inScope = await index.retriever.searchDetailed("mã otp là gì", 3);
    const outOfScope = await index.retriever.searchDetailed("kết quả bóng đá tối qua", 3);
    expect(inScope.confidence).toBeGreaterThan(outOfScope.confidence);
    expect(inScope.hits[0]?.confidence).toBe(inScope.confidence);
  });

  it("works with an OpenAI-compatible embedder (fake server) and rebuilds when the embedder changes", async () => {
    const fake = await startFakeEmbeddingsServer();
    try {
      const opts = setup("remote");
      await openKnowledgeIndex(opts);
      const remote = await openKnowledgeIndex({ ...opts, embeddings: { kind: "openai-compatible", url: fake.url, model: "bge-m3" } });
      expect(remote.rebuilt).toBe(true);
      expect(remote.retriever.dims).toBe(8);
      expect(await top(remote, "mã otp là gì")).toBe("safety-otp");
      expect(fake.calls.length).toBeGreaterThan(0);
    } finally {
      await fake.close();
    }
  });

  it("returns an empty retriever for an empty knowledge dir", async () => {
    const knowledgeDir = join(root, "empty", "knowledge");
    writeMiniKnowledge(knowledgeDir);
    rmSync(join(knowledgeDir, "vneid"), { recursive: true });
    rmSync(join(knowledgeDir, "safety"), { recursive: true });
    const index = await openKnowledgeIndex({ knowledgeDir, dataDir: join(root, "empty", "data"), embeddings: { kind: "hashed" } });
    expect(index.chunks).toEqual([]);
    expect(await index.retriever.search("vneid", 3)).toEqual([]);
  });
});
