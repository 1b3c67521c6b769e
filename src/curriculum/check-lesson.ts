import { basename, dirname } from "node:path";
import { nearCopyProblems, staleLessons } from "./eval-overlap.js";
import { parseLesson } from "./parse.js";
import type { Lesson, Problem } from "./types.js";

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

export interface LessonCheckContext {
  /** Ids of the other lessons, for `next:` and `kb:` links (the lesson's own id always counts). */
  knownIds: ReadonlySet<string>;
  /** Dates after this day (UTC) are "in the future"; review_by on or before it is stale. */
  today: Date;
  /** The sealed evaluation questions: a questions line that nearly copies one is a problem (eval-overlap.ts). */
  evalQuestions?: readonly string[];
}

export interface LessonCheck {
  /** The parsed lesson, when its front matter is valid (body problems do not drop it). */
  lesson?: Lesson;
  /** Must be fixed before the lesson is published. */
  problems: Problem[];
  /** Worth fixing; publishing is still allowed. */
  warnings: Problem[];
}

/**
 * Everything that can be said about one lesson file on its own: the checks kb:check runs per file and the admin
 * editor runs before a publish. Line numbers count lines of `markdown` (1-based). Every problem carries messageVi.
 */
export function checkLessonText(markdown: string, file: string, context: LessonCheckContext): LessonCheck {
  const stages = checkLessonStages(markdown, file);
  const { lesson } = stages;
  const rules = stages.rules(context);
  const late = lesson ? nearCopyProblems([lesson], context.evalQuestions ?? []) : [];
  const stale = lesson ? staleLessons([lesson], context.today).map(staleWarning) : [];
  return {
    ...(lesson ? { lesson } : {}),
    problems: [...stages.parse, ...stages.text.problems, ...rules.problems, ...late],
    warnings: [...stages.text.warnings, ...rules.warnings, ...stale],
  };
}

type Found = { problems: Problem[]; warnings: Problem[] };

/**
 * checkLessonText split by stage (parsing, raw text, lesson rules; without the eval-overlap and review_by checks,
 * which checkKnowledge runs over all lessons at the end), so checkKnowledge keeps its report order and can learn
 * every lesson id before the rules that need them run. Not for other callers.
 */
export function checkLessonStages(
  markdown: string,
  file: string,
): { lesson?: Lesson; parse: Problem[]; text: Found; rules(context: LessonCheckContext): Found } {
  const parsed = parseLesson(markdown, file);
  const lesson = parsed.lesson;
  return {
    ...(lesson ? { lesson } : {}),
    parse: parsed.problems,
    text: checkText(markdown, file),
    rules: (context) => (lesson ? checkRules(lesson, markdown, context) : { problems: [], warnings: [] }),
  };
}

/** The review_by warning (kb:stale lists the same lessons). */
export function staleWarning(lesson: Lesson): Problem {
  return {
    file: lesson.file,
    line: 1,
    message: `review_by ${lesson.reviewBy} has passed: re-check the sources (npm run kb:stale)`,
    messageVi: `Đã quá ngày cần kiểm tra lại (review_by ${lesson.reviewBy}): hãy đọc lại các nguồn, sửa bài nếu cần, rồi ghi ngày review_by mới.`,
  };
}

/** Checks on the raw text, before any parsing: Unicode form and tabs. */
function checkText(text: string, file: string): Found {
  const problems: Problem[] = [];
  const warnings: Problem[] = [];
  if (text !== text.normalize("NFC")) {
    const line = text.split("\n").findIndex((l) => l !== l.normalize("NFC")) + 1;
    problems.push({
      file,
      line,
      message: "text is not Unicode NFC (run it through .normalize('NFC'))",
      messageVi:
        "Dòng này có chữ có dấu gõ kiểu tổ hợp (dấu tách rời khỏi chữ) nên máy tìm kiếm không nhận ra: " +
        "hãy gõ lại dòng này bằng bảng mã Unicode dựng sẵn.",
    });
  }
  if (/\t/.test(text)) {
    warnings.push({ file, line: 1, message: "contains tab characters", messageVi: "Bài có ký tự tab: hãy thay mỗi tab bằng dấu cách." });
  }
  return { problems, warnings };
}

/** The rules on a parsed lesson: file place, dates, links, questions, safety wording. */
function checkRules(lesson: Lesson, text: string, context: LessonCheckContext): Found {
  const problems: Problem[] = [];
  const warnings: Problem[] = [];
  const file = lesson.file;
  const known = (id: string) => id === lesson.id || context.knownIds.has(id);
  const todayIso = context.today.toISOString().slice(0, 10);

  if (basename(file, ".md") !== lesson.id) {
    problems.push({
      file,
      line: 2,
      message: `file name must be ${lesson.id}.md`,
      messageVi: `Tên tệp phải là ${lesson.id}.md (trùng với mã bài ở dòng id): đổi tên tệp, hoặc sửa id cho khớp.`,
    });
  }
  if (dirname(file) !== lesson.topic) {
    problems.push({
      file,
      line: 2,
      message: `lesson with topic "${lesson.topic}" must live in knowledge/${lesson.topic}/`,
      messageVi: `Bài thuộc chủ đề “${lesson.topic}” phải nằm trong thư mục knowledge/${lesson.topic}/: chuyển tệp vào đó, hoặc sửa dòng topic.`,
    });
  }
  for (const source of lesson.sources) {
    if (source.checked > todayIso) {
      problems.push({
        file,
        line: 1,
        message: `source checked date ${source.checked} is in the future`,
        messageVi: `Ngày đọc nguồn ${source.checked} là ngày trong tương lai: hãy ghi ngày bạn thực sự đọc nguồn “${source.title}”.`,
      });
    }
  }
  if (lesson.updated > todayIso) {
    problems.push({
      file,
      line: 1,
      message: `updated date ${lesson.updated} is in the future`,
      messageVi: `Ngày cập nhật ${lesson.updated} là ngày trong tương lai: hãy ghi ngày bài được sửa (không muộn hơn hôm nay).`,
    });
  }
  if (lesson.next && !known(lesson.next)) {
    problems.push({
      file,
      line: 1,
      message: `next: ${lesson.next} is not a lesson id`,
      messageVi: `Bài tiếp theo (next) “${lesson.next}” không có trong kho bài: kiểm tra lại mã bài, hoặc xoá dòng next.`,
    });
  }
  if (lesson.timeSensitive && !lesson.reviewBy) {
    warnings.push({
      file,
      line: 1,
      message: "time_sensitive lesson without review_by: say when to re-check its sources",
      messageVi: "Bài có thông tin hay thay đổi (time_sensitive) nhưng chưa có review_by: hãy ghi ngày cần kiểm tra lại nguồn, dạng YYYY-MM-DD.",
    });
  }
  for (const section of lesson.sections) {
    const n = section.questions.length;
    if (n < MIN_QUESTIONS_PER_SECTION) {
      problems.push({
        file,
        line: section.line,
        message: `section "${section.heading}" needs at least ${MIN_QUESTIONS_PER_SECTION} questions in its <!-- questions --> block (has ${n})`,
        messageVi:
          `Mục “${section.heading}” cần ít nhất ${MIN_QUESTIONS_PER_SECTION} câu hỏi diễn đạt lại trong khối <!-- questions --> ` +
          `(hiện có ${n}): thêm những cách người dân hay hỏi về mục này, mỗi câu một dòng bắt đầu bằng “- ”.`,
      });
    }
    for (const link of section.links) {
      if (!known(link)) {
        problems.push({
          file,
          line: section.line,
          message: `link kb:${link} does not resolve to a lesson`,
          messageVi: `Liên kết kb:${link} trong mục “${section.heading}” không dẫn tới bài nào: kiểm tra lại mã bài viết sau “kb:”.`,
        });
      }
    }
    if (!section.lead.trim()) {
      warnings.push({
        file,
        line: section.line,
        message: `section "${section.heading}" has no lead sentence before its steps`,
        messageVi: `Mục “${section.heading}” chưa có câu dẫn trước các bước: thêm một câu ngắn nói mục này giúp làm gì.`,
      });
    }
  }
  const lessonText = [lesson.summary, ...lesson.sections.map((s) => s.body)].join("\n");
  if (SENSITIVE.test(lessonText) && !lesson.sections.some((s) => s.safetyNote)) {
    problems.push({
      file,
      line: lesson.sections[0]?.line ?? 1,
      message: "mentions OTP/passwords/money/ID data but has no **Lưu ý an toàn:** note",
      messageVi:
        "Bài nói tới mã OTP, mật khẩu, tiền hoặc giấy tờ cá nhân nhưng chưa có đoạn **Lưu ý an toàn:** — hãy thêm một đoạn " +
        "bắt đầu bằng **Lưu ý an toàn:** nhắc người dân không đưa mã OTP, mật khẩu cho bất kỳ ai.",
    });
  }
  const lines = text.split("\n");
  for (const { sentence, line } of sentencesOf(lesson)) {
    if (!UNSAFE_SENTENCE.test(sentence)) continue;
    const needle = sentence.slice(0, 40).toLowerCase();
    const found = lines.findIndex((l) => l.toLowerCase().includes(needle));
    problems.push({
      file,
      line: found >= 0 ? found + 1 : line,
      message: `unsafe instruction "${sentence.slice(0, 80)}": lessons must never tell anyone to share an OTP/password or transfer money`,
      messageVi:
        `Câu “${sentence.slice(0, 80)}” đang bảo người đọc đưa mã OTP, mật khẩu hoặc chuyển tiền — bài học không bao giờ ` +
        "được hướng dẫn như vậy. Hãy viết lại thành lời cảnh báo, ví dụ “Không bao giờ đưa mã OTP cho ai”.",
    });
  }
  return { problems, warnings };
}

/**
 * Sentences and steps of a lesson, for the unsafe-instruction scan, each with a fallback line (its section's heading,
 * or 1 for the summary) for a sentence that was wrapped over several lines and so is not found on one.
 */
function sentencesOf(lesson: Lesson): Array<{ sentence: string; line: number }> {
  const texts = [
    { text: lesson.summary, line: 1 },
    ...lesson.sections.flatMap((s) => [s.lead, ...s.steps, s.safetyNote ?? ""].map((text) => ({ text, line: s.line }))),
  ];
  return texts.flatMap(({ text, line }) =>
    text.split(/(?<=[.!?:;])\s+|\n/).map((t) => ({ sentence: t.replace(/^[-*\s"“]+/, "").trim(), line })),
  );
}
