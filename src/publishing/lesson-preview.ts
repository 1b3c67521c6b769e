import type { Reply } from "../assistant/index.js";
import { lessonParts } from "../assistant/learning/lesson-parts.js";
import type { Lesson } from "../curriculum/index.js";

/** One lesson part as each channel would show it. */
export interface PartPreview {
  /** Web chat bubble HTML (escaped by the web renderer, like the live page). */
  web: string;
  /** Telegram messages in parse_mode HTML. */
  telegram: string[];
  /** Zalo messages (plain text). */
  zalo: string[];
}

/** The channels' own renderers, handed in by compose.ts (publishing does not import channel adapters). */
export interface ChannelRenderers {
  web(reply: Reply): string;
  telegram(reply: Reply): string[];
  zalo(reply: Reply): string[];
}

/**
 * The admin editor's preview (issue 13): a lesson cut into the parts learners read, rendered by the renderers the
 * channels use, so what an editor sees is what a citizen gets — no separate preview formatter to drift.
 */
export function createLessonPreview(render: ChannelRenderers) {
  return (lesson: Pick<Lesson, "title" | "summary" | "sections">): PartPreview[] => {
    const withoutButtons = lessonParts(lesson, false);
    return lessonParts(lesson, true).map((part, i) => {
      const reply = (p: typeof part): Reply => ({ kind: "lesson", text: p.text, rich: p.rich, sources: [], confidence: 1 });
      return { web: render.web(reply(part)), telegram: render.telegram(reply(part)), zalo: render.zalo(reply(withoutButtons[i] ?? part)) };
    });
  };
}
