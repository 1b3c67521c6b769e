import { slugify } from "./slug.js";
import type { Problem, Section } from "./types.js";

const SAFETY_LABEL = /^\*\*Lưu ý an toàn:?\*\*:?\s*/u;
const STEP = /^(\d+)[.)]\s+(.*)$/;
const LINK = /\]\(kb:([a-z0-9-]+)\)/g;
/** Marks the section holding the act-now steps for emergencies (knowledge/README.md). */
const ACT_NOW = /^<!--\s*act-now\s*-->$/;
/** `<!-- effective_from: YYYY-MM-DD -->` / `<!-- effective_until: … -->`: the days (Vietnam time) a section applies. */
const EFFECTIVE = /^<!--\s*effective_(from|until)\b\s*:?\s*(.*?)\s*-->$/;

/** Splits a lesson body (lines from `start`, 0-based) into its summary and `##` sections. */
export function parseSections(
  lines: string[],
  start: number,
  file: string,
): { summary: string; sections: Section[]; problems: Problem[] } {
  const problems: Problem[] = [];
  const sections: Section[] = [];
  const preamble: string[] = [];
  let current: { heading: string; line: number; lines: string[] } | undefined;

  const flush = () => {
    if (!current) return;
    const section = buildSection(current.heading, current.line, current.lines, file, problems);
    if (sections.some((s) => s.slug === section.slug)) {
      problems.push({
        file,
        line: current.line,
        message: `duplicate section heading "${current.heading}"`,
        messageVi: `Có hai mục cùng tên “${current.heading}”: hãy đổi tên một mục, hoặc gộp hai mục làm một.`,
      });
    }
    sections.push(section);
  };

  for (let i = start; i < lines.length; i++) {
    const line = lines[i] ?? "";
    const heading = /^##\s+(.+?)\s*$/.exec(line);
    if (heading && !line.startsWith("###")) {
      flush();
      current = { heading: heading[1] ?? "", line: i + 1, lines: [] };
    } else if (current) {
      current.lines.push(line);
    } else {
      preamble.push(line);
    }
  }
  flush();

  const summary = preamble.join("\n").trim().split(/\n\s*\n/)[0]?.replace(/\s*\n\s*/g, " ").trim() ?? "";
  if (!summary) {
    problems.push({
      file,
      line: start + 1,
      message: "missing the one-sentence summary before the first section",
      messageVi: "Thiếu câu tóm tắt bài: viết một câu ngắn nói bài này giúp gì, đặt ngay sau phần thông tin đầu bài, trước mục đầu tiên.",
    });
  }
  if (sections.length === 0) {
    problems.push({
      file,
      line: start + 1,
      message: "lesson has no '##' sections",
      messageVi: "Bài chưa có mục nào: mỗi mục bắt đầu bằng một dòng “## Tên mục”.",
    });
  }
  return { summary, sections, problems };
}

function buildSection(heading: string, line: number, raw: string[], file: string, problems: Problem[]): Section {
  const questions: string[] = [];
  const kept: string[] = [];
  let inQuestions = false;
  let questionsLine = 0;
  let actNow = false;
  const effective: { from?: string; until?: string } = {};
  raw.forEach((text, offset) => {
    if (!inQuestions && ACT_NOW.test(text.trim())) {
      actNow = true;
      return;
    }
    const marker = inQuestions ? null : EFFECTIVE.exec(text.trim());
    if (marker) {
      const which = marker[1] as "from" | "until";
      const value = marker[2] ?? "";
      if (isCalendarDate(value)) effective[which] = value;
      else problems.push(badEffectiveDate(file, line + offset + 1, which, value));
      return;
    }
    if (!inQuestions && /^<!--\s*questions\b/.test(text.trim())) {
      inQuestions = true;
      questionsLine = line + offset + 1;
      return;
    }
    if (inQuestions) {
      if (text.trim().startsWith("-->")) {
        inQuestions = false;
        return;
      }
      const q = /^\s*-\s+(.+?)\s*$/.exec(text);
      if (q?.[1]) questions.push(q[1]);
      return;
    }
    kept.push(text);
  });
  if (inQuestions) {
    problems.push({
      file,
      line: questionsLine,
      message: "questions block is not closed with '-->'",
      messageVi: "Khối câu hỏi <!-- questions chưa được đóng: thêm một dòng --> sau câu hỏi cuối cùng.",
    });
  }
  if (effective.from && effective.until && effective.from > effective.until) {
    problems.push({
      file,
      line,
      message: `section "${heading}" effective_from ${effective.from} is after effective_until ${effective.until}`,
      messageVi: `Mục “${heading}”: ngày bắt đầu áp dụng (${effective.from}) lại sau ngày hết áp dụng (${effective.until}); hãy sửa lại hai ngày.`,
    });
  }

  const body = kept.join("\n").trim();
  const paragraphs = body.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);
  const steps: string[] = [];
  const lead: string[] = [];
  let safetyNote: string | undefined;
  for (const paragraph of paragraphs) {
    if (SAFETY_LABEL.test(paragraph)) {
      safetyNote = paragraph.replace(SAFETY_LABEL, "").replace(/\s*\n\s*/g, " ").trim();
      continue;
    }
    const parLines = paragraph.split("\n");
    if (parLines.some((l) => STEP.test(l.trim()))) {
      for (const l of parLines) {
        const m = STEP.exec(l.trim());
        if (m) steps.push(m[2] ?? "");
        else if (steps.length > 0 && l.trim()) steps[steps.length - 1] += ` ${l.trim()}`;
        else if (l.trim()) lead.push(l.trim());
      }
    } else if (steps.length === 0) {
      lead.push(joinParagraph(paragraph));
    }
  }

  if (!body) {
    problems.push({
      file,
      line,
      message: `section "${heading}" is empty`,
      messageVi: `Mục “${heading}” chưa có nội dung: viết nội dung cho mục, hoặc xoá dòng tiêu đề mục.`,
    });
  }
  const links = [...body.matchAll(LINK)].map((m) => m[1] ?? "");
  return {
    heading,
    slug: slugify(heading),
    body,
    lead: lead.join("\n"),
    steps,
    safetyNote,
    questions,
    links,
    line,
    ...(actNow ? { actNow } : {}),
    ...(effective.from ? { effectiveFrom: effective.from } : {}),
    ...(effective.until ? { effectiveUntil: effective.until } : {}),
  };
}

/** YYYY-MM-DD naming a real day (2026-02-30 is refused, unlike a bare pattern check). */
function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

function badEffectiveDate(file: string, line: number, which: "from" | "until", value: string): Problem {
  const what = which === "from" ? "ngày bắt đầu áp dụng" : "ngày hết áp dụng";
  return {
    file,
    line,
    message: `effective_${which} marker needs a date YYYY-MM-DD (got "${value}")`,
    messageVi: `Ngày phải viết dạng YYYY-MM-DD, ví dụ <!-- effective_${which}: 2026-07-01 -->: ${what} “${value}” chưa đúng.`,
  };
}

/** Joins wrapped lines of a paragraph, but keeps bullet-list items ("- ...") on their own lines. */
function joinParagraph(paragraph: string): string {
  const items: string[] = [];
  for (const raw of paragraph.split("\n")) {
    const line = raw.trim();
    if (!line) continue;
    if (/^[-*]\s+/.test(line) || items.length === 0) items.push(line);
    else items[items.length - 1] += ` ${line}`;
  }
  return items.join("\n");
}
