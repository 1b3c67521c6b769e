import type { Lesson } from "../../curriculum/types.js";
import { plainOfRich, richLines } from "../rich-text.js";
import type { RichLine } from "../types.js";
import { lessonMarkup, type LessonLink } from "./lesson-markup.js";
import { T } from "./texts.js";

/** One part of a lesson as every channel gets it: plain text, the same lines formatted, and the lessons it links. */
export interface LessonPart {
  text: string;
  rich: RichLine[];
  links: LessonLink[];
}

/**
 * A lesson in short parts for small screens: part 1 is the title and one-sentence summary, then one `##` section per
 * part. The last part ends with the quiz offer (added by the feature). The lesson's Markdown is turned into
 * formatted lines here, so channels never see `**`, `- ` or `[…](kb:…)`. `hasButtons` false (Zalo): the intro says
 * "gõ tiếp", never "Bấm 'Tiếp'".
 */
export function lessonParts(lesson: Pick<Lesson, "title" | "summary" | "sections">, hasButtons = true): LessonPart[] {
  const total = lesson.sections.length + 1;
  const header = (n: number, heading?: string): RichLine[] => [
    { spans: [{ text: `📘 ${lesson.title}`, strong: true }] },
    { spans: [{ text: heading ? `${T.partHeader(n, total)}: ${heading}` : T.partHeader(n, total), strong: true }] },
    { spans: [] },
  ];
  const intro = lessonMarkup(lesson.summary);
  const parts = [part([...header(1), ...intro.lines, { spans: [] }, ...richLines(T.lessonIntro(total, hasButtons))], intro.links)];
  lesson.sections.forEach((s, i) => {
    const body = lessonMarkup(s.body);
    const heading = lessonMarkup(s.heading).lines.map((l) => l.spans.map((x) => x.text).join("")).join(" ");
    parts.push(part([...header(i + 2, heading), ...body.lines], body.links));
  });
  return parts;
}

function part(rich: RichLine[], links: LessonLink[]): LessonPart {
  return { text: plainOfRich(rich), rich, links };
}
