import { foldedTokens } from "../../shared/fold.js";
import type { Chunk } from "../ports.js";
import { answerUnits, type AnswerUnit } from "./answer-units.js";
import type { QuestionType } from "./question-type.js";
import { UI } from "../ui-text.js";

/**
 * The first reply to a question: the sentences of the best sections that hold what was asked, not a whole section.
 * Every sentence is the knowledge base's own words. Sections are written answer-first (knowledge/README.md), so the
 * best section's first sentence always leads; the rest are chosen by how much of the question they cover (IDF-weighted
 * folded syllables and syllable pairs) and whether they carry the kind of fact asked for (a number for "bao nhiêu", a
 * place or menu for "ở đâu", a yes/no for "có … không"). Sections after the first contribute only sentences that
 * cover the question well, so a two-part question gets both parts.
 */
export interface FocusedAnswer {
  text: string;
  /** Sections whose sentences were used, best first. */
  used: Chunk[];
  /** True when the first section is a procedure whose steps were not all shown. */
  stepsCut: boolean;
}

export interface FocusedAnswerOptions {
  /** Characters of answer text (before the source line). */
  budget: number;
  /** Sections shown whole, first (the act-now steps of an emergency). */
  pinned?: Chunk;
}

/** Share of the question a later section's sentence must cover before it is added (fitted on the dev half). */
const MIN_COVERAGE_OTHER = 0.32;
/** The same for further sentences of the first section. */
const MIN_COVERAGE_FIRST = 0.22;
const TYPE_BONUS = 0.18;
/** Share of the question a runner-up section (heading, text, paraphrases) must cover for its opening to be shown. */
const MIN_SECTION_COVERAGE = 0.2;
/** Characters of a section's opening kept before choosing further sentences. */
const MIN_OPENING = 90;

const PLACE = /"|“|công an|ủy ban|uỷ ban|ubnd|một cửa|bưu điện|ngân hàng|trung tâm|cổng|ứng dụng|mục|trang|tổng đài|số \d|\d{3,}/iu;
const YES_NO = /^(có|không|được|chưa|nên|phải|đúng|sai|cần)(?!\p{L})/iu;
const DOCUMENTS = /giấy tờ|mang theo|căn cước|cccd|hồ sơ|cần có|chuẩn bị/iu;
const REASON = /(?<!\p{L})(vì|để|do|nhằm|giúp)(?!\p{L})/iu;

function bonus(unit: AnswerUnit, types: Set<QuestionType>): number {
  let b = 0;
  if (types.has("quantity") && (/\d/.test(unit.text) || /miễn phí|không mất phí|không thu phí/iu.test(unit.text))) b += TYPE_BONUS;
  if (types.has("place") && PLACE.test(unit.text)) b += TYPE_BONUS;
  if (types.has("yesno") && YES_NO.test(unit.text)) b += TYPE_BONUS;
  if (types.has("documents") && DOCUMENTS.test(unit.text)) b += TYPE_BONUS;
  if (types.has("reason") && REASON.test(unit.text)) b += TYPE_BONUS / 2;
  return b;
}

function pairs(tokens: string[]): string[] {
  return tokens.slice(1).map((t, i) => `${tokens[i]} ${t}`);
}

export interface FocusedComposer {
  compose(question: string, ranked: readonly Chunk[], types: Set<QuestionType>, options: FocusedAnswerOptions): FocusedAnswer;
}

export function createFocusedComposer(chunks: readonly Chunk[]): FocusedComposer {
  const df = new Map<string, number>();
  for (const chunk of chunks) {
    const tokens = foldedTokens(`${chunk.lessonTitle} ${chunk.section} ${chunk.body}`);
    for (const t of new Set([...tokens, ...pairs(tokens)])) df.set(t, (df.get(t) ?? 0) + 1);
  }
  const n = Math.max(chunks.length, 1);
  // Weights computed once per term (the same formula), not once per term per candidate sentence per question.
  const weights = new Map<string, number>();
  for (const [t, count] of df) weights.set(t, Math.log(1 + n / (count + 0.5)));
  const unknownWeight = Math.log(1 + n / 0.5);
  const idf = (t: string) => weights.get(t) ?? unknownWeight;

  // The syllables and syllable pairs of each unit and section are the same on every turn: built once per object
  // (units are cached per chunk by answerUnits) instead of once per candidate per question.
  const sectionTerms = new WeakMap<Chunk, Set<string>>();
  function termsOf(text: string): Set<string> {
    const tokens = foldedTokens(text);
    return new Set([...tokens, ...pairs(tokens)]);
  }
  function share(queryTerms: string[], total: number, own: Set<string>): number {
    if (total <= 0) return 0;
    let covered = 0;
    for (const t of queryTerms) if (own.has(t)) covered += idf(t);
    return covered / total;
  }
  /**
   * Per section: which of its units (by position, = unit.order) hold each term. A question's coverage of every unit
   * of a section is then one lookup per question term, not one per term per unit (issue 14).
   */
  const unitsByTerm = new WeakMap<Chunk, Map<string, number[]>>();
  function termIndex(chunk: Chunk): Map<string, number[]> {
    let index = unitsByTerm.get(chunk);
    if (index) return index;
    index = new Map();
    for (const unit of answerUnits(chunk)) {
      for (const t of termsOf(unit.text)) {
        const list = index.get(t);
        if (list) list.push(unit.order);
        else index.set(t, [unit.order]);
      }
    }
    unitsByTerm.set(chunk, index);
    return index;
  }
  /** Share of the question each unit of `chunk` covers, by unit position: the same sums, in the same order, as `share`. */
  function unitCoverages(queryTerms: string[], total: number, chunk: Chunk): Float64Array {
    const covered = new Float64Array(answerUnits(chunk).length);
    if (total <= 0) return covered;
    const index = termIndex(chunk);
    for (const t of queryTerms) {
      const units = index.get(t);
      if (!units) continue;
      const weight = idf(t);
      for (const u of units) covered[u]! += weight;
    }
    for (let i = 0; i < covered.length; i++) covered[i]! /= total;
    return covered;
  }
  const sectionCoverage = (queryTerms: string[], total: number, chunk: Chunk) => {
    let own = sectionTerms.get(chunk);
    if (!own) sectionTerms.set(chunk, (own = termsOf(`${chunk.section} ${chunk.body} ${chunk.questions.join(" ")}`)));
    return share(queryTerms, total, own);
  };

  // The same question over the same sections composes the same answer (a pure function of its inputs and this
  // composer's knowledge): popular questions and the greeting's buttons are composed once. Oldest first out.
  const recent = new Map<string, FocusedAnswer>();
  const keyOf = (question: string, ranked: readonly Chunk[], types: Set<QuestionType>, options: FocusedAnswerOptions) =>
    [question, ranked.map((c) => c.id).join("|"), [...types].sort().join(","), options.budget, options.pinned?.id ?? ""].join("\u0000");

  return {
    compose(question, ranked, types, options) {
      const key = keyOf(question, ranked, types, options);
      const known = recent.get(key);
      if (known) return { ...known, used: known.used.slice() };
      const answer = composeNew(question, ranked, types, options);
      if (recent.size >= RECENT_ANSWERS) recent.delete(recent.keys().next().value as string);
      recent.set(key, answer);
      return { ...answer, used: answer.used.slice() };
    },
  };

  function composeNew(question: string, ranked: readonly Chunk[], types: Set<QuestionType>, options: FocusedAnswerOptions): FocusedAnswer {
    const q = foldedTokens(question);
    const queryTerms = [...new Set([...q, ...pairs(q)])];
    const total = queryTerms.reduce((sum, t) => sum + idf(t), 0);
    const first = options.pinned ?? ranked[0];
    if (!first) return { text: "", used: [], stepsCut: false };
    const sections = [first, ...ranked.filter((c) => c.id !== first.id)].slice(0, 4);

    const chosen = new Map<Chunk, AnswerUnit[]>();
    let length = 0;
    const take = (unit: AnswerUnit) => {
      chosen.set(unit.chunk, [...(chosen.get(unit.chunk) ?? []), unit]);
      length += unit.text.length + 2;
    };
    const firstUnits = answerUnits(first);
    let stepsCut = false;
    if (options.pinned) {
      // The act-now steps are shown whole: in an emergency every one of them matters.
      for (const u of firstUnits.filter((x) => x.kind !== "closing")) take(u);
    } else if (firstUnits.reduce((sum, u) => sum + u.text.length + 2, 0) <= options.budget) {
      // A short section is its own best answer: shown whole, in its own order.
      for (const u of firstUnits) take(u);
    } else {
      // The direct answer opens the section (knowledge/README.md); one bare "Không." is not enough on its own.
      for (const u of firstUnits.filter((x) => x.kind === "lead")) {
        if (length >= MIN_OPENING) break;
        take(u);
      }
      // The steps are what a person acts on ("what do I do", "is it a scam — then what"): as many as fit; the rest
      // wait in step-by-step mode. A question only after a number or a place gets its sentence chosen below instead.
      const steps = firstUnits.filter((u) => u.kind === "step");
      const onlyFact = (types.has("quantity") || types.has("place")) && !types.has("howto") && !types.has("yesno");
      // The section's safety note ("only from CH Play, never from a link") guards the steps it follows: room is kept
      // for it, and it comes before any sentence chosen for coverage.
      const safety = firstUnits.find((u) => u.kind === "safety");
      const safetyRoom = safety ? safety.text.length + 2 : 0;
      for (const s of onlyFact ? [] : steps) {
        if (length + s.text.length > options.budget * 0.85 - safetyRoom) break;
        take(s);
      }
      stepsCut = steps.some((s) => !(chosen.get(first) ?? []).includes(s));
      if (safety && length + safety.text.length <= options.budget) take(safety);
    }

    // The runner-up sections' opening sentences, while they fit: a question is often answered by a neighbouring
    // section (dev half of the field set: +7 points for a median of about 90 more characters).
    // In an emergency, after the act-now steps: the opening of the section the question itself was about.
    for (const other of sections.slice(1, options.pinned ? 2 : 3)) {
      // Only a section that shares enough of the question: an unrelated neighbour's opening is noise.
      if (!options.pinned && sectionCoverage(queryTerms, total, other) < MIN_SECTION_COVERAGE) continue;
      const opening = answerUnits(other).find((u) => u.kind === "lead");
      if (opening && length + opening.text.length <= options.budget) take(opening);
    }
    const candidates = sections.flatMap((chunk, rank) => {
      const covers = unitCoverages(queryTerms, total, chunk);
      return answerUnits(chunk)
        .filter((u) => !(chosen.get(chunk) ?? []).includes(u))
        .filter((u) => !(u.kind === "step" && chunk === first && !options.pinned && (chosen.get(chunk) ?? []).some((x) => x.kind === "step")))
        .map((u) => {
          const cover = covers[u.order]!;
          return { unit: u, rank, cover, score: cover + bonus(u, types) - rank * 0.04 };
        });
    });
    candidates.sort((a, b) => b.score - a.score || a.rank - b.rank || a.unit.order - b.unit.order);
    for (const c of candidates) {
      const floor = c.rank === 0 ? MIN_COVERAGE_FIRST : MIN_COVERAGE_OTHER;
      if (c.cover < floor && !(c.rank === 0 && c.score >= floor + TYPE_BONUS / 2)) continue;
      if (length + c.unit.text.length > options.budget) continue;
      if ((chosen.get(c.unit.chunk) ?? []).length >= (c.rank === 0 ? 6 : 2)) continue;
      take(c.unit);
      if (c.unit.kind === "step" && c.unit.chunk === first) stepsCut = true;
    }

    const used = sections.filter((c) => chosen.has(c));
    const text = used.map((chunk) => render(chosen.get(chunk) ?? [])).join("\n\n");
    return { text, used, stepsCut };
  }
}

/** Composed answers remembered per composer. */
const RECENT_ANSWERS = 1_000;

/** Chosen pieces of one section in reading order; steps keep their own numbers so a gap stays visible. */
function render(units: AnswerUnit[]): string {
  const sorted = [...units].sort((a, b) => a.order - b.order);
  const lines: string[] = [];
  let prose: string[] = [];
  const flush = () => {
    if (prose.length) lines.push(prose.join(" "));
    prose = [];
  };
  for (const u of sorted) {
    if (u.kind === "step") {
      flush();
      lines.push(`${u.step}. ${u.text}`);
    } else if (u.kind === "safety") {
      flush();
      lines.push(`${UI.safetyLabel} ${u.text}`);
    } else if (u.text.startsWith("• ")) {
      flush();
      lines.push(u.text);
    } else {
      prose.push(u.text);
    }
  }
  flush();
  return lines.join("\n");
}
