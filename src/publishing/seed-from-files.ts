import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { listLessonFiles } from "../curriculum/index.js";
import { silentLogger, type Logger } from "../shared/logger.js";
import type { LessonVersionStore } from "./ports.js";

/** The author recorded for versions that came from knowledge/ (first start and later releases). */
export const RELEASE_AUTHOR = "knowledge/";

export interface SeedReport {
  seeded: number;
  released: number;
  /** Files that changed in a release while an admin had changed the same lesson: kept as a draft for a reviewer. */
  heldAsDraft: string[];
}

/**
 * knowledge/ is the seed of the database (issue 13). On the first start every lesson file is published as version 1.
 * On later starts a file that changed since it was last seeded (a new release of the app) is published too — unless
 * an admin has published that lesson since, in which case the admin's text stays live and the release's text waits
 * as a draft (when there is none) for a reviewer to compare. Lessons created in the admin pages are never touched.
 */
export async function seedFromFiles(store: LessonVersionStore, knowledgeDir: string, options: { clock?: () => Date; logger?: Logger } = {}): Promise<SeedReport> {
  const log = options.logger ?? silentLogger;
  const at = (options.clock ?? (() => new Date()))().toISOString();
  const report: SeedReport = { seeded: 0, released: 0, heldAsDraft: [] };
  for (const path of listLessonFiles(knowledgeDir)) {
    const lessonId = basename(path, ".md");
    if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(lessonId)) continue;
    const markdown = readFileSync(path, "utf8");
    const seedHash = createHash("sha256").update(markdown).digest("hex");
    const record = await store.get(lessonId);
    if (!record) {
      await store.publish({ lessonId, markdown, author: RELEASE_AUTHOR, at, note: "seed", clearDraft: false, seedHash });
      report.seeded++;
      continue;
    }
    if (record.seedHash === seedHash) continue;
    const live = record.liveVersion !== undefined ? await store.version(lessonId, record.liveVersion) : undefined;
    if (live?.markdown === markdown) {
      await store.setSeedHash(lessonId, seedHash);
    } else if (!live || live.author === RELEASE_AUTHOR) {
      if (record.retiredAt) {
        await store.setSeedHash(lessonId, seedHash);
        continue;
      }
      await store.publish({ lessonId, markdown, author: RELEASE_AUTHOR, at, note: "release", clearDraft: false, seedHash });
      report.released++;
    } else {
      await store.setSeedHash(lessonId, seedHash);
      if (!record.draft) await store.saveDraft({ lessonId, markdown, author: RELEASE_AUTHOR, at, baseVersion: record.liveVersion });
      report.heldAsDraft.push(lessonId);
      log.warn({ lessonId }, "knowledge/ changed a lesson an admin has edited: the admin's version stays live, the file's text is a draft to review");
    }
  }
  if (report.seeded || report.released) log.info(report, "knowledge base seeded from knowledge/");
  return report;
}
