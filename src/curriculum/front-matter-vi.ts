import type { ZodIssue } from "zod";
import { AUDIENCES, QUIZ_LIMITS, TOPICS } from "./front-matter.js";

/**
 * Front matter problems in plain Vietnamese for the admin editor and `kb:check --vi`. Zod's own messages are for
 * developers; an editor at a commune office needs the field's meaning and what to write instead, so every issue is
 * mapped by its path and code. Unknown combinations still get a sentence naming the field.
 */

/** What each front matter field is, as an editor knows it. */
const FIELD_VI: Record<string, string> = {
  id: "id (mã bài)",
  title: "title (tiêu đề bài)",
  topic: "topic (chủ đề)",
  audience: "audience (đối tượng người học)",
  skill: "skill (kỹ năng)",
  "skill.framework": "skill.framework (khung kỹ năng)",
  "skill.code": "skill.code (mã kỹ năng)",
  "skill.area": "skill.area (lĩnh vực kỹ năng)",
  "skill.code_confirmed": "skill.code_confirmed (đã xác nhận mã kỹ năng)",
  sources: "sources (nguồn tham khảo)",
  "sources.url": "url của nguồn",
  "sources.title": "tên của nguồn",
  "sources.checked": "checked (ngày đọc nguồn)",
  updated: "updated (ngày cập nhật bài)",
  time_sensitive: "time_sensitive (bài có thông tin hay thay đổi)",
  time_sensitive_reason: "time_sensitive_reason (lý do thông tin hay thay đổi)",
  review_by: "review_by (ngày cần kiểm tra lại)",
  effective_from: "effective_from (ngày bắt đầu áp dụng)",
  effective_until: "effective_until (ngày hết áp dụng)",
  next: "next (bài học tiếp theo)",
  quiz: "quiz (câu hỏi kiểm tra)",
  "quiz.question": "nội dung câu hỏi",
  "quiz.options": "các lựa chọn trả lời",
  "quiz.answer": "answer (số thứ tự đáp án đúng)",
  "quiz.explanation": "explanation (lời giải thích)",
};

const DATE_FIELDS = new Set(["sources.checked", "updated", "review_by", "effective_from", "effective_until"]);

/** "quiz.2.options.1" → "quiz.options" (the field), and where it is: "câu hỏi kiểm tra số 3, lựa chọn số 2". */
function locate(path: ReadonlyArray<string | number>): { field: string; where: string } {
  const names = path.filter((p): p is string => typeof p === "string");
  const where: string[] = [];
  path.forEach((p, i) => {
    if (typeof p !== "number") return;
    const parent = path[i - 1];
    if (parent === "quiz") where.push(`câu hỏi kiểm tra số ${p + 1}`);
    else if (parent === "sources") where.push(`nguồn số ${p + 1}`);
    else if (parent === "options") where.push(`lựa chọn số ${p + 1}`);
    else if (parent === "audience") where.push(`đối tượng số ${p + 1}`);
  });
  return { field: names.join("."), where: where.length ? ` (${where.join(", ")})` : "" };
}

/** One front matter issue as a sentence for a content editor. */
export function frontMatterIssueVi(issue: ZodIssue): string {
  const { field, where } = locate(issue.path);
  const label = FIELD_VI[field] ?? (field || "phần thông tin đầu bài");
  if (issue.code === "invalid_type" && issue.received === "undefined") {
    if (field === "quiz") return "Thiếu trường quiz (câu hỏi kiểm tra): cần ít nhất 5 câu hỏi kiểm tra.";
    return `Thiếu trường ${label}${where}: hãy thêm dòng "${field.split(".").pop()}: …" vào phần thông tin đầu bài.`;
  }
  if (DATE_FIELDS.has(field)) return `Ngày phải viết dạng YYYY-MM-DD, ví dụ 2026-03-15: sửa trường ${label}${where}.`;
  if (field === "" && issue.code === "invalid_type") {
    return "Phần thông tin đầu bài (giữa hai dòng ---) phải là danh sách các dòng \"tên: giá trị\".";
  }
  switch (field) {
    case "id":
      return issue.code === "invalid_type"
        ? `Trường ${label} phải là chữ, ví dụ vneid-cai-dat.`
        : `Trường ${label} chỉ được dùng chữ thường không dấu, số và dấu gạch ngang, ví dụ vneid-cai-dat.`;
    case "next":
      return `Trường ${label} phải là mã của một bài (chữ thường không dấu, số và dấu gạch ngang), ví dụ vneid-kich-hoat.`;
    case "title":
      return `Trường ${label} quá ngắn hoặc sai: hãy viết tiêu đề bài, ít nhất 3 ký tự.`;
    case "topic":
      return `Trường ${label} phải là một trong: ${TOPICS.join(", ")}.`;
    case "audience":
      return issue.code === "too_small"
        ? `Trường ${label} cần ít nhất một đối tượng, chọn trong: ${AUDIENCES.join(", ")}.`
        : `Trường ${label}${where} chỉ nhận các giá trị: ${AUDIENCES.join(", ")}.`;
    case "skill.framework":
      return `Trường ${label} phải là 757, 3139 hoặc TT02.`;
    case "skill.area":
      return `Trường ${label} cần ghi lĩnh vực kỹ năng, ít nhất 2 ký tự.`;
    case "skill.code_confirmed":
      return `Trường ${label} phải là true (đã xác nhận) hoặc false (chưa xác nhận).`;
    case "sources":
      return issue.code === "too_small"
        ? "Cần ít nhất một nguồn tham khảo trong trường sources (url, tên nguồn và ngày đọc)."
        : "Địa chỉ nguồn (url) phải bắt đầu bằng http:// hoặc https:// (hoặc repo:<đường dẫn> cho tài liệu trong kho).";
    case "time_sensitive_reason":
      return "Bài có time_sensitive: true thì cần ghi time_sensitive_reason: vì sao thông tin hay thay đổi.";
    case "time_sensitive":
      return `Trường ${label} phải là true hoặc false.`;
    case "quiz":
      return issue.code === "too_small"
        ? "Cần ít nhất 5 câu hỏi kiểm tra trong trường quiz: hãy thêm cho đủ 5 câu."
        : `Trường ${label} phải là danh sách câu hỏi kiểm tra.`;
    case "quiz.question":
      return issue.code === "too_big"
        ? `Câu hỏi dài quá ${QUIZ_LIMITS.question} ký tự${where}: hãy viết ngắn lại.`
        : `Thiếu nội dung câu hỏi${where}.`;
    case "quiz.options":
      if (issue.code === "too_big" && isOwnOptionIssue(issue)) return `Lựa chọn dài quá ${QUIZ_LIMITS.option} ký tự${where}: hãy viết ngắn lại.`;
      if (issue.code === "custom") return `Các lựa chọn bị trùng nhau${where}: mỗi lựa chọn phải khác nhau.`;
      if (issue.code === "too_small" && isOwnOptionIssue(issue)) return `Lựa chọn bị để trống${where}.`;
      return `Mỗi câu hỏi kiểm tra cần 3 hoặc 4 lựa chọn${where}.`;
    case "quiz.answer":
      return `Đáp án đúng${where} phải là số thứ tự của một lựa chọn, đếm từ 0 (0 là lựa chọn đầu tiên).`;
    case "quiz.explanation":
      if (issue.code === "too_big") return `Lời giải thích dài quá ${QUIZ_LIMITS.explanation} ký tự${where}: hãy viết ngắn lại.`;
      if (issue.code === "custom") return `Lời giải thích${where} xuống dòng quá 2 lần: hãy gộp lại cho gọn.`;
      return `Thiếu lời giải thích${where}.`;
    default:
      return `Trường ${label}${where} chưa đúng: hãy xem lại theo mẫu trong knowledge/README.md.`;
  }
}

/** An option's own issue has a number after "options" in its path; the list's issue does not. */
function isOwnOptionIssue(issue: ZodIssue): boolean {
  return typeof issue.path[issue.path.length - 1] === "number";
}

