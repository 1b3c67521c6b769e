import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  CONFIDENCE_THRESHOLD,
  TEMPLATE_NAMES,
  calibrateThreshold,
  createAssistant,
  createCommandsFeature,
  createConfidenceScorer,
  createQaFeature,
  createStepFeature,
  findUnsafeInstruction,
  outcomeAccuracy,
  type Assistant,
  type CalibrationSample,
  type Reply,
} from "../../../src/assistant/index.js";
import { composeAnswer } from "../../../src/assistant/answering/compose-answer.js";
import { outOfScopeCategory } from "../../../src/assistant/answering/cue-lists.js";
import { loadTemplates } from "../../../src/llm/load-prompts.js";
import { normalizeText } from "../../../src/nlp/index.js";
import { loadEvalSet, PHRASINGS } from "../../../src/retrieval/eval/index.js";
import { CONFIDENCE_THRESHOLD as OUT_OF_SCOPE_THRESHOLD, openKnowledgeIndex, type KnowledgeIndex } from "../../../src/retrieval/index.js";
import { InMemoryConversationStore, InMemoryUnansweredLog } from "../../fakes/in-memory-stores.js";

/**
 * The whole answering path (real knowledge base, real index, real templates) over every dev eval question in all
 * three phrasings: safety floor on every answer, refusal behaviour, and the confidence threshold still near optimal.
 */
const { items, problems } = loadEvalSet(resolve("tests/eval/questions"));
let dataDir: string;
let index: KnowledgeIndex;
let assistant: Assistant;
const answers: Array<{ expect: string | null; phrasing: string; question: string; reply: Reply }> = [];

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), "troly-eval-"));
  index = await openKnowledgeIndex({ knowledgeDir: resolve("knowledge"), dataDir, embeddings: { kind: "hashed" } });
  const templates = await loadTemplates(resolve("prompts"), TEMPLATE_NAMES);
  const qa = createQaFeature({
    retriever: index.retriever,
    scorer: createConfidenceScorer(index.chunks),
    threshold: CONFIDENCE_THRESHOLD,
    clarifyFloor: OUT_OF_SCOPE_THRESHOLD,
    templates,
    unanswered: new InMemoryUnansweredLog(),
    normalize: (t) => normalizeText(t),
  });
  assistant = createAssistant({
    features: [createCommandsFeature({ templates, ask: qa.ask }), createStepFeature(), qa],
    conversations: new InMemoryConversationStore(),
    learnerIdFor: (m) => m.userId,
    templates,
  });
  let n = 0;
  for (const item of items) {
    for (const phrasing of PHRASINGS) {
      const question = item[phrasing];
      // A fresh user per question: no follow-up context leaks between eval questions.
      const reply = await assistant.handle({ channel: "cli", userId: `eval-${n++}`, text: question });
      answers.push({ expect: item.expect, phrasing, question, reply });
    }
  }
}, 120_000);

afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe("dev eval set through the assistant", () => {
  it("has an eval set to run", () => {
    expect(problems).toEqual([]);
    expect(items.filter((i) => i.expect !== null).length).toBeGreaterThanOrEqual(20);
    expect(items.filter((i) => i.expect === null).length).toBeGreaterThanOrEqual(5);
  });

  it("never produces an answer that tells anyone to share an OTP/password or transfer money", () => {
    const unsafe = answers
      .map((a) => ({ q: a.question, clause: findUnsafeInstruction([a.reply.text, ...(a.reply.steps ?? [])].join("\n")) }))
      .filter((x) => x.clause);
    expect(unsafe).toEqual([]);
  });

  it("no knowledge-base section trips the safety guard (no false positives that would hide real answers)", () => {
    const flagged = index.chunks.map((c) => ({ id: c.id, clause: findUnsafeInstruction(composeAnswer(c).fullText) })).filter((x) => x.clause);
    expect(flagged).toEqual([]);
  });

  it("no in-scope question is caught by an out-of-scope cue", () => {
    const caught = answers.filter((a) => a.expect !== null).map((a) => ({ q: a.question, cue: outOfScopeCategory(normalizeText(a.question)) ?? outOfScopeCategory(a.question) })).filter((x) => x.cue);
    expect(caught).toEqual([]);
  });

  it("refuses out-of-scope questions and answers in-scope ones from the right lesson (floors)", () => {
    const isChoice = (r: Reply) => r.kind === "info" && (r.buttons ?? []).some((b) => b.action.startsWith("c:"));
    const titleOf = new Map(index.lessons.map((l) => [l.id, l.title]));
    const oos = answers.filter((a) => a.expect === null);
    const refused = oos.filter((a) => a.reply.kind === "refusal").length / oos.length;
    const oosChoices = oos.filter((a) => isChoice(a.reply)).length / oos.length;
    const inScope = answers.filter((a) => a.expect !== null);
    const rightLesson = inScope.filter((a) => a.reply.sources[0]?.id === a.expect).length / inScope.length;
    const wrongAnswers = inScope.filter((a) => a.reply.sources.length > 0 && a.reply.sources[0]?.id !== a.expect).length / inScope.length;
    // A choice list that contains the expected lesson: one tap away from the right answer.
    const offered = inScope.filter((a) => isChoice(a.reply) && a.reply.text.includes(`(${titleOf.get(a.expect ?? "")})`)).length / inScope.length;
    const choices = inScope.filter((a) => isChoice(a.reply)).length / inScope.length;
    const byPhrasing = Object.fromEntries(
      PHRASINGS.map((p) => {
        const xs = inScope.filter((a) => a.phrasing === p);
        return [p, +(xs.filter((a) => a.reply.sources[0]?.id === a.expect).length / xs.length).toFixed(3)];
      }),
    );
    if (process.env.EVAL_DEBUG) for (const a of oos.filter((x) => x.reply.kind !== "refusal")) console.log(`answered OOS: ${a.question} -> ${a.reply.sources[0]?.id} @${a.reply.confidence}`);
    console.log(
      JSON.stringify({
        outOfScopeRefused: +refused.toFixed(3),
        outOfScopeOfferedChoices: +oosChoices.toFixed(3),
        inScopeAnsweredRightLesson: +rightLesson.toFixed(3),
        inScopeWrongLesson: +wrongAnswers.toFixed(3),
        inScopeChoices: +choices.toFixed(3),
        inScopeChoicesWithRightLesson: +offered.toFixed(3),
        byPhrasing,
      }),
    );
    // Floors a little under the figures measured on 2026-11-23 (see the closing note of the core issue), so
    // regressions show.
    // Measured 2026-11-23 at 0.19: refused 0.94, right lesson 0.804, wrong lesson 0.132, choices with the right one 0.013.
    expect(refused).toBeGreaterThanOrEqual(0.9);
    expect(rightLesson).toBeGreaterThanOrEqual(0.76);
    expect(wrongAnswers).toBeLessThanOrEqual(0.17);
    expect(rightLesson + offered).toBeGreaterThanOrEqual(0.78);
  });

  it("answers with sources for every non-refusal", () => {
    for (const a of answers) if (a.reply.kind === "answer" || a.reply.kind === "step") expect(a.reply.sources).toHaveLength(1);
  });

  it("uses a confidence threshold within 3 points of the best one on the eval set (calibration holds)", async () => {
    // The decision the QA feature makes for a fresh question: cue → refuse; else top hit's confidence vs threshold.
    const samples: CalibrationSample[] = [];
    for (const a of answers) {
      const cue = outOfScopeCategory(normalizeText(a.question)) ?? outOfScopeCategory(a.question);
      const top = (await index.retriever.search(a.question, 1))[0];
      samples.push({ confidence: cue ? 0 : top?.confidence ?? 0, inScope: a.expect !== null, correct: top?.chunk.lessonId === a.expect });
    }
    const best = calibrateThreshold(samples);
    const inUse = outcomeAccuracy(samples, CONFIDENCE_THRESHOLD);
    console.log(JSON.stringify({ thresholdInUse: CONFIDENCE_THRESHOLD, decisionAccuracyInUse: +inUse.toFixed(3), best: { threshold: best.threshold, accuracy: +best.accuracy.toFixed(3) } }));
    expect(inUse).toBeGreaterThanOrEqual(best.accuracy - 0.03);
  });
});
