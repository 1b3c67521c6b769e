import { readFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { listLessonFiles, loadKnowledge } from "./load.js";
import { TOPICS } from "./front-matter.js";
import type { Lesson, Problem } from "./types.js";
import { nearCopyProblems, staleLessons } from "./eval-overlap.js";

/** Minimum lessons per topic (issue: knowledge base scope). */
export const TOPIC_MINIMUMS: Record<(typeof TOPICS)[number], number> = {
  vneid: 9,
  dvc: 8,
  safety: 12,
  payment: 6,
  basics: 5,
  health: 4,
  commerce: 3,
  about: 1,
};

export const MIN_QUESTIONS_PER_SECTION = 4;

/** Money, OTP, password or personal-data words: a section that mentions them needs a safety note in its lesson. */
const SENSITIVE = /\b(otp|mật khẩu|mã pin|passcode|mật mã|chuyển khoản|chuyển tiền|số tài khoản|thẻ ngân hàng|căn cước|cccd)\b/iu;

/**
 * Instructions a lesson must never give: a sentence or step that starts (optionally after "hãy", "bạn hãy", "vui
 * lòng") by telling the reader to share/send/read out an OTP, password or passcode, or to transfer money.
 * Descriptions of what scammers ask ("Kẻ gian bảo bạn đọc mã OTP") and warnings ("không bao giờ cung cấp mã OTP")
 * do not start that way, so they pass.
 */
const UNSAFE_SENTENCE =
  /^(?:(?:bạn\s+)?hãy\s+|vui lòng\s+)?(?:(?:cung cấp|gửi|nói|chia sẻ|báo|đưa)\s+(?:\S+\s+){0,3}?(?:mã\s+)?(?:otp|mật khẩu|passcode|mã pin)|đọc\s+(?:\S+\s+){0,3}?(?:otp|mật khẩu|passcode|mã pin)\s+(?:\S+\s+){0,2}?cho\b|chuyển\s+(?:tiền|khoản)\s+(?:cho|vào|đến|tới)\b)/iu;

/** Sentences and steps of a lesson, for the unsafe-instruction scan. */
function sentencesOf(lesson: Lesson): string[] {
  const texts = [lesson.summary, ...lesson.sections.flatMap((s) => [s.lead, ...s.steps, s.safetyNote ?? ""])];
  return texts.flatMap((t) => t.split(/(?<=[.!?:;])\s+|\n/)).map((t) => t.replace(/^[-*\s"“]+/, "").trim());
}

export interface CheckReport {
  lessons: Lesson[];
  problems: Problem[];
  warnings: Problem[];
  coverage: Array<{ topic: string; count: number; minimum: number }>;
  quizQuestions: number;
  sections: number;
}

/** Validates the whole knowledge base beyond parsing: file layout, NFC, links, questions, safety wording, coverage. */
export function checkKnowledge(knowledgeDir: string, today = new Date(), evalQuestions: readonly string[] = []): CheckReport {
  const { lessons, problems } = loadKnowledge(knowledgeDir);
  const warnings: Problem[] = [];
  const ids = new Set(lessons.map((l) => l.id));
  const todayIso = today.toISOString().slice(0, 10);

  for (const path of listLessonFiles(knowledgeDir)) {
    const text = readFileSync(path, "utf8");
    const file = path.slice(knowledgeDir.replace(/\/$/, "").length + 1);
    if (text !== text.normalize("NFC")) {
      const line = text.split("\n").findIndex((l) => l !== l.normalize("NFC")) + 1;
      problems.push({ file, line, message: "text is not Unicode NFC (run it through .normalize('NFC'))" });
    }
    if (/\t/.test(text)) warnings.push({ file, line: 1, message: "contains tab characters" });
  }

  for (const lesson of lessons) {
    const file = lesson.file;
    if (basename(file, ".md") !== lesson.id) problems.push({ file, line: 2, message: `file name must be ${lesson.id}.md` });
    if (dirname(file) !== lesson.topic) problems.push({ file, line: 2, message: `lesson with topic "${lesson.topic}" must live in knowledge/${lesson.topic}/` });
    for (const source of lesson.sources) {
      if (source.checked > todayIso) problems.push({ file, line: 1, message: `source checked date ${source.checked} is in the future` });
    }
    if (lesson.updated > todayIso) problems.push({ file, line: 1, message: `updated date ${lesson.updated} is in the future` });
    const lessonText = [lesson.summary, ...lesson.sections.map((s) => s.body)].join("\n");
    const hasSafetyNote = lesson.sections.some((s) => s.safetyNote);
    if (lesson.next && !ids.has(lesson.next)) problems.push({ file, line: 1, message: `next: ${lesson.next} is not a lesson id` });
    if (lesson.timeSensitive && !lesson.reviewBy) warnings.push({ file, line: 1, message: "time_sensitive lesson without review_by: say when to re-check its sources" });
    for (const section of lesson.sections) {
      if (section.questions.length < MIN_QUESTIONS_PER_SECTION) {
        problems.push({ file, line: section.line, message: `section "${section.heading}" needs at least ${MIN_QUESTIONS_PER_SECTION} questions in its <!-- questions --> block (has ${section.questions.length})` });
      }
      for (const link of section.links) {
        if (!ids.has(link)) problems.push({ file, line: section.line, message: `link kb:${link} does not resolve to a lesson` });
      }
      if (!section.lead.trim()) warnings.push({ file, line: section.line, message: `section "${section.heading}" has no lead sentence before its steps` });
    }
    if (SENSITIVE.test(lessonText) && !hasSafetyNote) {
      problems.push({ file, line: lesson.sections[0]?.line ?? 1, message: "mentions OTP/passwords/money/ID data but has no **Lưu ý an toàn:** note" });
    }
    for (const sentence of sentencesOf(lesson)) {
      if (UNSAFE_SENTENCE.test(sentence)) {
        problems.push({ file, line: lineOf(join(knowledgeDir, file), sentence.slice(0, 40)), message: `unsafe instruction "${sentence.slice(0, 80)}": lessons must never tell anyone to share an OTP/password or transfer money` });
      }
    }
  }

  problems.push(...nearCopyProblems(lessons, evalQuestions));
  for (const lesson of staleLessons(lessons, today)) {
    warnings.push({ file: lesson.file, line: 1, message: `review_by ${lesson.reviewBy} has passed: re-check the sources (npm run kb:stale)` });
  }

  const coverage = TOPICS.map((topic) => ({
    topic,
    count: lessons.filter((l) => l.topic === topic).length,
    minimum: TOPIC_MINIMUMS[topic],
  }));
  return {
    lessons,
    problems,
    warnings,
    coverage,
    quizQuestions: lessons.reduce((n, l) => n + l.quiz.length, 0),
    sections: lessons.reduce((n, l) => n + l.sections.length, 0),
  };
}

function lineOf(path: string, needle: string): number {
  const lines = readFileSync(path, "utf8").split("\n");
  const index = lines.findIndex((l) => l.toLowerCase().includes(needle.toLowerCase()));
  return index + 1;
}
