import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { decisionAt, evaluate, loadEvalSet, PHRASINGS } from "../../src/retrieval/eval/index.js";
import { CONFIDENCE_THRESHOLD, openKnowledgeIndex } from "../../src/retrieval/index.js";

/**
 * Retrieval diagnostic floor on the older labelled question set (tests/eval/questions: which lesson answers each
 * question). Answer quality as citizens meet it is measured on the field set instead
 * (tests/integration/evaluation/field-answers.int.test.ts, npm run eval:answers); this floor only catches a retrieval
 * regression early. Measured 2026-11-29 (93 lessons, after the near-copy paraphrases were removed), lowest phrasing:
 * hybrid hit@1 0.761 / hit@3 0.946 / MRR 0.852; lexical hit@1 0.788 / hit@3 0.929; vector hit@3 0.777; at the 0.10
 * floor: out-of-scope refused 0.357 by confidence alone (the meaning-based out-of-scope categories do the rest),
 * in-scope answered 1.0. Since the built-in embedder's vectors are searched exactly instead of through HNSW (issue 14),
 * out-of-scope refused by confidence alone is 0.298 (top lexical and vector hits agree more often, which raises
 * confidence); the end-to-end field set's out-of-scope refusal was unchanged (96.4 % dev), and is 100 % dev since the
 * meaning-based scope check (src/assistant/answering/scope.ts).
 */
const FLOOR = {
  hybrid: { hit1: 0.72, hit3: 0.9, mrr: 0.82 },
  lexical: { hit1: 0.74, hit3: 0.88 },
  vector: { hit3: 0.72 },
  /** Out-of-scope questions refused at CONFIDENCE_THRESHOLD by confidence alone. */
  refusal: 0.27,
  /** In-scope questions answered (not refused) at CONFIDENCE_THRESHOLD. */
  answered: 0.97,
};

const dataDir = mkdtempSync(join(tmpdir(), "tls-eval-"));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe("retrieval quality floor (real knowledge base, dev eval set)", () => {
  it("keeps hit@1, hit@3, MRR and refusal accuracy above the floor", async () => {
    const index = await openKnowledgeIndex({ knowledgeDir: resolve("knowledge"), dataDir, embeddings: { kind: "hashed" } });
    const { items, problems } = loadEvalSet(resolve("tests/eval/questions"));
    expect(problems).toEqual([]);
    expect(items.filter((i) => i.expect === null).length).toBeGreaterThanOrEqual(25);
    const report = await evaluate(index.retriever, items);

    for (const phrasing of PHRASINGS) {
      const h = report.retrieval.hybrid[phrasing];
      expect(h.questions, phrasing).toBeGreaterThan(50);
      expect(h.hit1, `hybrid hit@1 ${phrasing}`).toBeGreaterThanOrEqual(FLOOR.hybrid.hit1);
      expect(h.hit3, `hybrid hit@3 ${phrasing}`).toBeGreaterThanOrEqual(FLOOR.hybrid.hit3);
      expect(h.mrr, `hybrid MRR ${phrasing}`).toBeGreaterThanOrEqual(FLOOR.hybrid.mrr);
      expect(report.retrieval.lexical[phrasing].hit1, `lexical hit@1 ${phrasing}`).toBeGreaterThanOrEqual(FLOOR.lexical.hit1);
      expect(report.retrieval.lexical[phrasing].hit3, `lexical hit@3 ${phrasing}`).toBeGreaterThanOrEqual(FLOOR.lexical.hit3);
      expect(report.retrieval.vector[phrasing].hit3, `vector hit@3 ${phrasing}`).toBeGreaterThanOrEqual(FLOOR.vector.hit3);
    }
    const decision = decisionAt(report.confidences, CONFIDENCE_THRESHOLD);
    expect(decision.refusalAccuracy, "out-of-scope refused").toBeGreaterThanOrEqual(FLOOR.refusal);
    expect(decision.answerRate, "in-scope answered").toBeGreaterThanOrEqual(FLOOR.answered);
    // Building the index and ranking 636 questions takes a few seconds here and much longer on a busy CI machine.
  }, 300_000);
});
