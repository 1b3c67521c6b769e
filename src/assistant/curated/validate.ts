import { findUnsafeInstruction } from "../answering/safety-guard.js";
import type { CuratedContent } from "./ports.js";

/** One problem with a curated answer, for the field it concerns; `message` is what the admin reads. */
export interface CuratedProblem {
  field: keyof CuratedContent;
  message: string;
}

const LIMITS = { question: 300, alternative: 300, alternatives: 20, answer: 2000, sourceTitle: 200, sourceUrl: 500 } as const;

/** Trims every field, drops empty and repeated alternatives. Unknown input becomes empty strings. */
export function cleanContent(input: unknown): CuratedContent {
  const o = (typeof input === "object" && input !== null ? input : {}) as Record<string, unknown>;
  const str = (v: unknown) => (typeof v === "string" ? v.normalize("NFC").replace(/\r\n?/g, "\n").trim() : "");
  const alts = Array.isArray(o.alternatives) ? o.alternatives : typeof o.alternatives === "string" ? o.alternatives.split(/\n|\|/) : [];
  const question = str(o.question);
  const alternatives = [...new Set(alts.map(str).filter((a) => a && a !== question))];
  return { question, alternatives, answer: str(o.answer), sourceTitle: str(o.sourceTitle), sourceUrl: str(o.sourceUrl) };
}

/**
 * Problems that stop a save (`draft`) or a publish. A draft needs only its question, so a group from the inbox can
 * become a draft before anyone has written the answer; a publish needs the answer and its source too.
 */
export function curatedProblems(c: CuratedContent, mode: "draft" | "publish"): CuratedProblem[] {
  const problems: CuratedProblem[] = [];
  if (!/\p{L}/u.test(c.question)) problems.push({ field: "question", message: "Cần nhập câu hỏi." });
  if (c.question.length > LIMITS.question) problems.push({ field: "question", message: `Câu hỏi dài quá ${LIMITS.question} ký tự.` });
  if (c.alternatives.length > LIMITS.alternatives) {
    problems.push({ field: "alternatives", message: `Chỉ được tối đa ${LIMITS.alternatives} cách hỏi khác.` });
  }
  if (c.alternatives.some((a) => a.length > LIMITS.alternative)) {
    problems.push({ field: "alternatives", message: `Mỗi cách hỏi khác không dài quá ${LIMITS.alternative} ký tự.` });
  }
  if (c.answer.length > LIMITS.answer) problems.push({ field: "answer", message: `Câu trả lời dài quá ${LIMITS.answer} ký tự (màn hình điện thoại).` });
  const unsafe = c.answer ? findUnsafeInstruction(c.answer) : undefined;
  if (unsafe) {
    problems.push({ field: "answer", message: `Câu trả lời có chỗ có thể khiến người dân làm điều nguy hiểm: "${unsafe}". Hãy viết lại.` });
  }
  if (c.sourceTitle.length > LIMITS.sourceTitle) problems.push({ field: "sourceTitle", message: `Tên nguồn dài quá ${LIMITS.sourceTitle} ký tự.` });
  if (c.sourceUrl && !isWebAddress(c.sourceUrl)) {
    problems.push({ field: "sourceUrl", message: "Địa chỉ nguồn phải là một trang web, bắt đầu bằng https:// (hoặc http://)." });
  }
  if (mode === "publish") {
    if (!c.answer) problems.push({ field: "answer", message: "Cần viết câu trả lời trước khi đăng." });
    if (!c.sourceTitle) problems.push({ field: "sourceTitle", message: "Cần ghi tên nguồn chính thức trước khi đăng." });
    if (!c.sourceUrl) problems.push({ field: "sourceUrl", message: "Cần ghi địa chỉ trang nguồn chính thức trước khi đăng." });
  }
  return problems;
}

function isWebAddress(url: string): boolean {
  if (url.length > LIMITS.sourceUrl) return false;
  try {
    const u = new URL(url);
    return (u.protocol === "https:" || u.protocol === "http:") && u.hostname.includes(".");
  } catch {
    return false;
  }
}
