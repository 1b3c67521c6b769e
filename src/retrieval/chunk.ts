import type { Chunk } from "../assistant/ports.js";
import type { Lesson } from "../curriculum/index.js";

/**
 * One chunk per `##` section. Sections are written to answer one question each and are short, so a section is
 * never sliced: numbered steps always stay together with their lead and safety note.
 */
export function lessonsToChunks(lessons: readonly Lesson[]): Chunk[] {
  const chunks: Chunk[] = [];
  for (const lesson of lessons) {
    const source = lesson.sources[0];
    for (const section of lesson.sections) {
      chunks.push({
        id: `${lesson.id}#${section.slug}`,
        lessonId: lesson.id,
        lessonTitle: lesson.title,
        topic: lesson.topic,
        section: section.heading,
        body: section.body,
        lead: section.lead,
        steps: [...section.steps],
        ...(section.safetyNote !== undefined ? { safetyNote: section.safetyNote } : {}),
        questions: [...section.questions],
        sourceUrl: source?.url ?? "",
        sourceTitle: source?.title ?? "",
        updated: lesson.updated,
        timeSensitive: lesson.timeSensitive,
        ...(section.actNow ? { actNow: true } : {}),
      });
    }
  }
  return chunks;
}

/**
 * The text fields a chunk is indexed with, with their weights. The heading and the paraphrase questions say what
 * the section answers, so they count more than the body; the lesson title and summary tie every section to its
 * lesson.
 */
export function chunkFields(chunk: Chunk, summary: string): Array<{ text: string; weight: number }> {
  return [
    { text: chunk.lessonTitle, weight: 1 },
    { text: chunk.section, weight: 2 },
    { text: chunk.questions.join(" . "), weight: 1.5 },
    { text: markdownToText(chunk.body), weight: 1 },
    { text: summary, weight: 0.5 },
  ];
}

/** Plain text for the vector embedder (one string per chunk). */
export function chunkText(chunk: Chunk, summary: string): string {
  return [chunk.lessonTitle, chunk.section, chunk.questions.join(". "), markdownToText(chunk.body), summary]
    .filter(Boolean)
    .join("\n");
}

/** Drops Markdown link targets and emphasis so URLs and "kb:" ids do not become search terms. */
function markdownToText(markdown: string): string {
  return markdown.replace(/\]\([^)]*\)/g, "]").replace(/https?:\/\/\S+/g, " ");
}
