import { createTwoFilesPatch } from "diff";
import type { AuditLog } from "../admin/audit.js";
import type { Principal } from "../admin/roles.js";
import { parseLesson, type Lesson, type Problem } from "../curriculum/index.js";
import { windowState } from "./effective-window.js";
import type { LessonRecord, LessonVersion, LessonVersionStore } from "./ports.js";

/** What validating one lesson's Markdown gives: the parsed lesson when it parses, problems (block publishing) and warnings. */
export interface LessonCheck {
  lesson?: Lesson;
  problems: Problem[];
  warnings: Problem[];
}

export type ValidateLesson = (markdown: string, file: string, knownIds: Set<string>) => LessonCheck;

export interface PublishingDeps {
  store: LessonVersionStore;
  validate: ValidateLesson;
  audit: AuditLog;
  clock?: () => Date;
  /** Called after every change citizens could see (publish, rollback, retire): re-indexes and swaps. */
  changed(): Promise<void>;
}

/** One row of the lessons list in the admin pages. */
export interface LessonSummary {
  id: string;
  title: string;
  topic: string;
  liveVersion?: number;
  /** published: served now; scheduled: its effective_from is ahead; expired: past effective_until; draft: never published. */
  status: "published" | "scheduled" | "expired" | "retired" | "draft";
  hasDraft: boolean;
  draftAuthor?: string;
  updatedAt: string;
  effectiveFrom?: string;
  effectiveUntil?: string;
}

/** A refusal a route turns into a 4xx with the Vietnamese message. */
export class PublishingError extends Error {
  constructor(
    readonly code: "not_found" | "invalid" | "conflict",
    readonly messageVi: string,
    readonly problems: Problem[] = [],
  ) {
    super(messageVi);
  }
}

const LESSON_ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/**
 * Draft → publish → history for lessons (issue 13). An editor's save is a draft (kept even with problems, so no
 * work is lost, and shown with them); publishing needs a clean check and makes a new version live; rolling back
 * publishes a copy of an old version as the newest one, so history only grows; retiring stops serving a lesson.
 * Each change is audited and followed by a live re-index.
 */
export function createPublishing(deps: PublishingDeps) {
  const clock = deps.clock ?? (() => new Date());
  const titles = new Map<string, { title: string; topic: string; effectiveFrom?: string; effectiveUntil?: string }>();

  async function knownIds(): Promise<Set<string>> {
    return new Set((await deps.store.list()).filter((r) => r.liveVersion !== undefined || r.draft).map((r) => r.lessonId));
  }

  async function check(lessonId: string, markdown: string): Promise<LessonCheck> {
    const ids = await knownIds();
    ids.add(lessonId);
    const result = deps.validate(markdown, `${lessonId}.md`, ids);
    const problems = [...result.problems];
    if (result.lesson && result.lesson.id !== lessonId) {
      problems.unshift({
        file: `${lessonId}.md`,
        line: 2,
        message: `id in the front matter (${result.lesson.id}) differs from the lesson being edited (${lessonId})`,
        messageVi: `Dòng id: trong phần đầu ghi "${result.lesson.id}", nhưng bạn đang sửa bài "${lessonId}". Hãy để id: ${lessonId}.`,
      } as Problem);
    }
    // The file-layout rules of kb:check (file name, topic folder) do not apply to a lesson stored in the database.
    return { ...result, problems: problems.filter((p) => !/^(file name must be|lesson with topic)/.test(p.message)) };
  }

  function summaryOf(record: LessonRecord, markdownTitle?: { title: string; topic: string; effectiveFrom?: string; effectiveUntil?: string }): LessonSummary {
    const meta = markdownTitle ?? titles.get(record.lessonId) ?? { title: record.lessonId, topic: "" };
    let status: LessonSummary["status"] = "draft";
    if (record.retiredAt) status = "retired";
    else if (record.liveVersion !== undefined) {
      const state = windowState(meta, clock());
      status = state === "in" ? "published" : state === "not-yet" ? "scheduled" : "expired";
    }
    return {
      id: record.lessonId,
      title: meta.title,
      topic: meta.topic,
      ...(record.liveVersion !== undefined ? { liveVersion: record.liveVersion } : {}),
      status,
      hasDraft: Boolean(record.draft),
      ...(record.draft ? { draftAuthor: record.draft.author } : {}),
      updatedAt: record.updatedAt,
      ...(meta.effectiveFrom ? { effectiveFrom: meta.effectiveFrom } : {}),
      ...(meta.effectiveUntil ? { effectiveUntil: meta.effectiveUntil } : {}),
    };
  }

  async function metaOf(record: LessonRecord) {
    if (titles.has(record.lessonId) && !record.draft) return titles.get(record.lessonId);
    const markdown =
      record.liveVersion !== undefined ? (await deps.store.version(record.lessonId, record.liveVersion))?.markdown : record.draft?.markdown;
    // Parsing is enough for a title and dates; the full check runs when a lesson is opened or saved.
    const lesson = markdown ? parseLesson(markdown, `${record.lessonId}.md`).lesson : undefined;
    if (!lesson) return undefined;
    const meta = { title: lesson.title, topic: lesson.topic, effectiveFrom: lesson.effectiveFrom, effectiveUntil: lesson.effectiveUntil };
    if (record.liveVersion !== undefined) titles.set(record.lessonId, meta);
    return meta;
  }

  async function record(lessonId: string): Promise<LessonRecord> {
    const found = LESSON_ID.test(lessonId) ? await deps.store.get(lessonId) : undefined;
    if (!found) throw new PublishingError("not_found", `Không có bài "${lessonId}".`);
    return found;
  }

  async function publishMarkdown(actor: Principal, lessonId: string, markdown: string, note: string, clearDraft: boolean) {
    const checked = await check(lessonId, markdown);
    if (checked.problems.length > 0) {
      throw new PublishingError("invalid", "Bài còn lỗi nên chưa đăng được. Hãy sửa các lỗi được đánh dấu.", checked.problems);
    }
    const before = (await deps.store.get(lessonId))?.liveVersion;
    const version = await deps.store.publish({ lessonId, markdown, author: actor.username, at: clock().toISOString(), note, clearDraft });
    titles.delete(lessonId);
    await deps.audit.record(actor, {
      action: note.startsWith("rollback") ? "lesson.rollback" : "lesson.publish",
      target: `lesson:${lessonId}`,
      ...(before !== undefined ? { before: `v${before}` } : {}),
      after: `v${version}`,
      detail: note,
    });
    await deps.changed();
    return { version, warnings: checked.warnings };
  }

  return {
    async list(): Promise<LessonSummary[]> {
      const records = await deps.store.list();
      const out: LessonSummary[] = [];
      for (const r of records) out.push(summaryOf(r, await metaOf(r)));
      return out.sort((a, b) => a.topic.localeCompare(b.topic) || a.id.localeCompare(b.id));
    },

    async get(lessonId: string) {
      const r = await record(lessonId);
      const live = r.liveVersion !== undefined ? await deps.store.version(lessonId, r.liveVersion) : undefined;
      const markdown = r.draft?.markdown ?? live?.markdown ?? "";
      const checked = await check(lessonId, markdown);
      return {
        summary: summaryOf(r, await metaOf(r)),
        liveMarkdown: live?.markdown,
        draft: r.draft,
        problems: checked.problems,
        warnings: checked.warnings,
      };
    },

    /** Validates without saving (the editor's "Kiểm tra" and live preview). */
    check,

    /** Saves a draft (a new lesson when the id is new); returns the check so the editor shows problems at once. */
    async saveDraft(actor: Principal, lessonId: string, markdown: string) {
      if (!LESSON_ID.test(lessonId)) {
        throw new PublishingError("invalid", "Mã bài chỉ gồm chữ thường không dấu, số và dấu gạch ngang, ví dụ: vneid-cai-dat-ung-dung.");
      }
      if (typeof markdown !== "string" || !markdown.trim()) throw new PublishingError("invalid", "Nội dung bài đang trống.");
      if (markdown.length > 200_000) throw new PublishingError("invalid", "Bài quá dài (hơn 200.000 ký tự). Hãy tách thành nhiều bài.");
      const text = markdown.replace(/\r\n?/g, "\n").normalize("NFC");
      const existing = await deps.store.get(lessonId);
      await deps.store.saveDraft({ lessonId, markdown: text, author: actor.username, at: clock().toISOString(), baseVersion: existing?.liveVersion });
      await deps.audit.record(actor, { action: existing ? "lesson.draft" : "lesson.create", target: `lesson:${lessonId}` });
      return check(lessonId, text);
    },

    async discardDraft(actor: Principal, lessonId: string) {
      const r = await record(lessonId);
      if (!r.draft) throw new PublishingError("not_found", "Bài này không có bản nháp.");
      await deps.store.discardDraft(lessonId);
      await deps.audit.record(actor, { action: "lesson.discard-draft", target: `lesson:${lessonId}` });
    },

    async publish(actor: Principal, lessonId: string) {
      const r = await record(lessonId);
      if (!r.draft) throw new PublishingError("conflict", "Chưa có bản nháp nào để đăng.");
      if (r.draft.baseVersion !== r.liveVersion && r.liveVersion !== undefined) {
        throw new PublishingError(
          "conflict",
          `Bản nháp được sửa từ phiên bản ${r.draft.baseVersion ?? "(mới)"}, nhưng bài đã có phiên bản ${r.liveVersion} được đăng sau đó. Hãy mở lại bài, so sánh và lưu lại bản nháp trước khi đăng.`,
        );
      }
      return publishMarkdown(actor, lessonId, r.draft.markdown, "publish", true);
    },

    async rollback(actor: Principal, lessonId: string, version: number) {
      await record(lessonId);
      const old = Number.isInteger(version) ? await deps.store.version(lessonId, version) : undefined;
      if (!old) throw new PublishingError("not_found", `Bài này không có phiên bản ${version}.`);
      return publishMarkdown(actor, lessonId, old.markdown, `rollback to v${version}`, false);
    },

    async retire(actor: Principal, lessonId: string) {
      const r = await record(lessonId);
      if (r.retiredAt) throw new PublishingError("conflict", "Bài này đã ngừng sử dụng.");
      await deps.store.retire(lessonId, clock().toISOString());
      titles.delete(lessonId);
      await deps.audit.record(actor, { action: "lesson.retire", target: `lesson:${lessonId}`, ...(r.liveVersion !== undefined ? { before: `v${r.liveVersion}` } : {}) });
      await deps.changed();
    },

    async versions(lessonId: string): Promise<LessonVersion[]> {
      await record(lessonId);
      return deps.store.versions(lessonId);
    },

    /** Line diff between two versions (0 = the current draft). */
    async diff(lessonId: string, from: number, to: number): Promise<string> {
      const r = await record(lessonId);
      const text = async (v: number) => {
        if (v === 0) {
          if (!r.draft) throw new PublishingError("not_found", "Bài này không có bản nháp.");
          return r.draft.markdown;
        }
        const found = await deps.store.version(lessonId, v);
        if (!found) throw new PublishingError("not_found", `Bài này không có phiên bản ${v}.`);
        return found.markdown;
      };
      return createTwoFilesPatch(`v${from || "nháp"}`, `v${to || "nháp"}`, await text(from), await text(to));
    },
  };
}

export type Publishing = ReturnType<typeof createPublishing>;
