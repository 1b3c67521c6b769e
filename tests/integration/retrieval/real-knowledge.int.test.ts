import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { foldDiacritics } from "../../../src/nlp/index.js";
import { loadEvalSet } from "../../../src/retrieval/eval/index.js";
import { openKnowledgeIndex, type KnowledgeIndex } from "../../../src/retrieval/index.js";

/**
 * Diacritic invariance on the real knowledge base: a question typed without accents must find the same lesson as
 * the properly written one. Agreement is measured over every section heading and every dev question; a few
 * differences are legitimate (accents disambiguate), so the test holds a high floor and prints the differences.
 */
const dataDir = mkdtempSync(join(tmpdir(), "tls-real-"));
let index: KnowledgeIndex;
beforeAll(async () => {
  index = await openKnowledgeIndex({ knowledgeDir: resolve("knowledge"), dataDir, embeddings: { kind: "hashed" } });
});
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

async function agreement(questions: string[]): Promise<{ rate: number; differences: string[] }> {
  const differences: string[] = [];
  for (const q of questions) {
    const accented = (await index.retriever.search(q, 1))[0]?.chunk.lessonId;
    const plain = (await index.retriever.search(foldDiacritics(q), 1))[0]?.chunk.lessonId;
    if (accented !== plain) differences.push(`${q} → ${accented} vs ${plain}`);
  }
  return { rate: 1 - differences.length / Math.max(1, questions.length), differences };
}

describe("real knowledge base", () => {
  it("finds the same lesson for a section heading with and without diacritics", async () => {
    const headings = index.chunks.map((c) => c.section);
    expect(headings.length).toBeGreaterThan(20);
    const { rate, differences } = await agreement(headings);
    if (differences.length) console.log(`heading differences (${differences.length}):\n${differences.join("\n")}`);
    expect(rate).toBeGreaterThanOrEqual(0.95);
  });

  it("finds the same lesson for dev questions with and without diacritics", async () => {
    const questions = loadEvalSet(resolve("tests/eval/questions")).items.filter((i) => i.expect !== null).map((i) => i.accented);
    const { rate, differences } = await agreement(questions);
    if (differences.length) console.log(`question differences (${differences.length}/${questions.length}):\n${differences.join("\n")}`);
    expect(rate).toBeGreaterThanOrEqual(0.9);
  });

  it("answers a section's own heading with that section's lesson", async () => {
    let right = 0;
    for (const chunk of index.chunks) if ((await index.retriever.search(chunk.section, 1))[0]?.chunk.lessonId === chunk.lessonId) right++;
    expect(right / index.chunks.length).toBeGreaterThanOrEqual(0.9);
  });
});
