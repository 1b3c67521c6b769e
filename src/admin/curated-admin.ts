import type { CuratedCatalog } from "../assistant/curated/catalog.js";
import { parseCuratedCsv } from "../assistant/curated/csv.js";
import type { CuratedAnswer, CuratedContent, CuratedStore } from "../assistant/curated/ports.js";
import { cleanContent, curatedProblems, type CuratedProblem } from "../assistant/curated/validate.js";
import type { AuditLog } from "./audit.js";
import type { Principal } from "./roles.js";

export type CuratedResult = { ok: true; answer: CuratedAnswer } | { ok: false; status: 400 | 404; problems: CuratedProblem[] | string };

export interface ImportReport {
  added: Array<{ line: number; id: number }>;
  changed: Array<{ line: number; id: number }>;
  unchanged: number;
  /** Rows not imported, with the reason in Vietnamese. */
  rejected: Array<{ line: number; reason: string }>;
  published: number;
}

export interface CuratedAdminDeps {
  store: CuratedStore;
  /** Told about every publish, rollback and retire, so this instance serves the change on the next question. */
  catalog: Pick<CuratedCatalog, "invalidate">;
  audit: AuditLog;
  clock?: () => Date;
}

const NOT_FOUND = "Không có câu trả lời này.";
const label = (a: CuratedAnswer | undefined) => (a ? `${a.status}${a.published ? ` v${a.published.version}` : ""}` : undefined);

/**
 * What the admin pages and the API do to curated answers: validate, change, keep the catalog fresh and record each
 * change in the audit log (after it succeeded). Permissions are checked by the HTTP layer before these run.
 */
export function createCuratedAdmin(deps: CuratedAdminDeps) {
  const clock = deps.clock ?? (() => new Date());
  const audit = (who: Principal, action: string, id: number, before?: CuratedAnswer, after?: CuratedAnswer, detail?: string) =>
    deps.audit.record(who, { action, target: `curated:${id}`, before: label(before), after: label(after), ...(detail ? { detail } : {}) });

  async function create(who: Principal, input: unknown): Promise<CuratedResult> {
    const content = cleanContent(input);
    const problems = curatedProblems(content, "draft");
    if (problems.length > 0) return { ok: false, status: 400, problems };
    const answer = await deps.store.create(content, clock());
    await audit(who, "curated.create", answer.id, undefined, answer, content.question);
    return { ok: true, answer };
  }

  async function saveDraft(who: Principal, id: number, input: unknown): Promise<CuratedResult> {
    const before = await deps.store.get(id);
    if (!before) return { ok: false, status: 404, problems: NOT_FOUND };
    const content = cleanContent(input);
    const problems = curatedProblems(content, "draft");
    if (problems.length > 0) return { ok: false, status: 400, problems };
    const answer = await deps.store.saveDraft(id, content, clock());
    if (!answer) return { ok: false, status: 404, problems: NOT_FOUND };
    await audit(who, "curated.draft", id, before, answer);
    return { ok: true, answer };
  }

  async function publish(who: Principal, id: number): Promise<CuratedResult> {
    const before = await deps.store.get(id);
    if (!before) return { ok: false, status: 404, problems: NOT_FOUND };
    const problems = curatedProblems(before.draft, "publish");
    if (problems.length > 0) return { ok: false, status: 400, problems };
    const answer = await deps.store.publish(id, who.username, clock());
    if (!answer) return { ok: false, status: 404, problems: NOT_FOUND };
    deps.catalog.invalidate();
    await audit(who, "curated.publish", id, before, answer);
    return { ok: true, answer };
  }

  async function rollback(who: Principal, id: number, version: number): Promise<CuratedResult> {
    const before = await deps.store.get(id);
    if (!before) return { ok: false, status: 404, problems: NOT_FOUND };
    const answer = await deps.store.rollback(id, version, who.username, clock());
    if (!answer) return { ok: false, status: 404, problems: `Không có phiên bản ${version} của câu trả lời này.` };
    deps.catalog.invalidate();
    await audit(who, "curated.rollback", id, before, answer, `về phiên bản ${version}`);
    return { ok: true, answer };
  }

  async function retire(who: Principal, id: number): Promise<CuratedResult> {
    const before = await deps.store.get(id);
    if (!before) return { ok: false, status: 404, problems: NOT_FOUND };
    const answer = await deps.store.retire(id, clock());
    if (!answer) return { ok: false, status: 404, problems: NOT_FOUND };
    deps.catalog.invalidate();
    await audit(who, "curated.retire", id, before, answer);
    return { ok: true, answer };
  }

  /**
   * Imports CSV rows: a row without id adds a draft (an unknown id is rejected), a row with an id replaces
   * that answer's draft when it differs. With `publish`, every added or changed row is published too.
   */
  async function importCsv(who: Principal, text: string, options: { publish: boolean }): Promise<ImportReport> {
    const report: ImportReport = { added: [], changed: [], unchanged: 0, rejected: [], published: 0 };
    const { rows, problems } = parseCuratedCsv(text);
    for (const p of problems) report.rejected.push({ line: p.line, reason: p.message });
    const seen = new Set<string>();
    for (const row of rows) {
      const mode = options.publish ? "publish" : "draft";
      const rowProblems = curatedProblems(row.content, mode);
      if (rowProblems.length > 0) {
        report.rejected.push({ line: row.line, reason: rowProblems.map((p) => p.message).join(" ") });
        continue;
      }
      const key = row.content.question.toLowerCase();
      if (seen.has(key)) {
        report.rejected.push({ line: row.line, reason: "Câu hỏi này đã có ở một dòng phía trên trong cùng tệp." });
        continue;
      }
      seen.add(key);
      let id: number;
      if (row.id === undefined) {
        const created = await create(who, row.content);
        if (!created.ok) continue;
        id = created.answer.id;
        report.added.push({ line: row.line, id });
      } else {
        const existing = await deps.store.get(row.id);
        if (!existing) {
          report.rejected.push({ line: row.line, reason: `Không có câu trả lời số ${row.id}; để trống cột id để thêm mới.` });
          continue;
        }
        id = row.id;
        if (sameContent(existing.draft, row.content)) {
          report.unchanged += 1;
          if (!options.publish || !existing.hasDraft) continue;
        } else {
          await saveDraft(who, id, row.content);
          report.changed.push({ line: row.line, id });
        }
      }
      if (options.publish && (await publish(who, id)).ok) report.published += 1;
    }
    if (report.added.length + report.changed.length > 0) {
      await deps.audit.record(who, {
        action: "curated.import",
        target: "curated:csv",
        detail: `thêm ${report.added.length}, sửa ${report.changed.length}, bỏ qua ${report.rejected.length}, đăng ${report.published}`,
      });
    }
    return report;
  }

  return { create, saveDraft, publish, rollback, retire, importCsv, store: deps.store };
}

export type CuratedAdmin = ReturnType<typeof createCuratedAdmin>;

export function sameContent(a: CuratedContent, b: CuratedContent): boolean {
  return (
    a.question === b.question &&
    a.answer === b.answer &&
    a.sourceTitle === b.sourceTitle &&
    a.sourceUrl === b.sourceUrl &&
    a.alternatives.join("\n") === b.alternatives.join("\n")
  );
}
