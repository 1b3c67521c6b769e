import { parse as parseYaml } from "yaml";
import { frontMatterSchema } from "./front-matter.js";
import { frontMatterIssueVi } from "./front-matter-vi.js";
import { parseSections } from "./sections.js";
import type { Lesson, Problem } from "./types.js";

export interface ParseResult {
  lesson?: Lesson;
  problems: Problem[];
}

/**
 * Parses one lesson file. Returns the lesson when its front matter is valid (body problems are reported but do not
 * drop the lesson), and every problem found with a line number.
 */
export function parseLesson(text: string, file: string): ParseResult {
  const problems: Problem[] = [];
  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  if (lines[0]?.trim() !== "---") {
    return {
      problems: [
        {
          file,
          line: 1,
          message: "file must start with a '---' front matter block",
          messageVi: "Dòng đầu tiên của bài phải là '---' (mở phần thông tin đầu bài: id, tiêu đề, chủ đề…).",
        },
      ],
    };
  }
  const end = lines.indexOf("---", 1);
  if (end < 0) {
    const messageVi = "Phần thông tin đầu bài chưa được đóng: thêm một dòng '---' sau dòng thông tin cuối cùng.";
    return { problems: [{ file, line: 1, message: "front matter is not closed with '---'", messageVi }] };
  }
  const yamlText = lines.slice(1, end).join("\n");

  let raw: unknown;
  try {
    raw = parseYaml(yamlText);
  } catch (error) {
    const line = (error as { linePos?: Array<{ line: number }> }).linePos?.[0]?.line ?? 0;
    return {
      problems: [
        {
          file,
          line: line + 1,
          message: `front matter is not valid YAML: ${(error as Error).message.split("\n")[0]}`,
          messageVi: yamlErrorVi((error as Error).message),
        },
      ],
    };
  }
  const parsed = frontMatterSchema.safeParse(raw);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const key = String(issue.path[0] ?? "");
      problems.push({
        file,
        line: lineOfKey(lines, end, key),
        message: `front matter ${issue.path.join(".") || "(root)"}: ${issue.message}`,
        messageVi: frontMatterIssueVi(issue),
      });
    }
    return { problems };
  }
  const fm = parsed.data;
  const body = parseSections(lines, end + 1, file);
  problems.push(...body.problems);

  const lesson: Lesson = {
    id: fm.id,
    title: fm.title,
    topic: fm.topic,
    audience: fm.audience,
    skill: { framework: fm.skill.framework, code: fm.skill.code, area: fm.skill.area, codeConfirmed: fm.skill.code_confirmed },
    sources: fm.sources,
    updated: fm.updated,
    timeSensitive: fm.time_sensitive ?? false,
    timeSensitiveReason: fm.time_sensitive_reason,
    effectiveFrom: fm.effective_from,
    effectiveUntil: fm.effective_until,
    ...(fm.next ? { next: fm.next } : {}),
    ...(fm.review_by ? { reviewBy: fm.review_by } : {}),
    summary: body.summary,
    sections: body.sections,
    quiz: fm.quiz,
    file,
  };
  return { lesson, problems };
}

function lineOfKey(lines: string[], end: number, key: string): number {
  const index = lines.slice(1, end).findIndex((l) => l.startsWith(`${key}:`));
  return index < 0 ? 1 : index + 2;
}

/** The YAML parser's complaint as advice for an editor: the two everyday slips get their own sentence. */
function yamlErrorVi(message: string): string {
  if (/keys must be unique/i.test(message)) {
    return "Phần thông tin đầu bài có một trường bị viết hai lần: giữ một dòng, xoá dòng còn lại.";
  }
  if (/tab/i.test(message)) return "Phần thông tin đầu bài có ký tự tab: hãy thụt lề bằng dấu cách.";
  return (
    "Phần thông tin đầu bài viết sai cách: mỗi dòng phải là \"tên: giá trị\", thụt lề bằng dấu cách (không dùng tab); " +
    "câu có dấu hai chấm hoặc dấu ngoặc vuông thì đặt trong ngoặc kép."
  );
}
