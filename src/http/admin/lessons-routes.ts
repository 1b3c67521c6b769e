import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { isDeploymentWide } from "../../admin/roles.js";
import type { Lesson } from "../../curriculum/index.js";
import { PublishingError, type Publishing } from "../../publishing/publishing.js";
import { principalOf, requirePermission } from "./principal.js";

/** The editor's preview: each lesson part as web, Telegram and Zalo show it (channels/shared/lesson-preview.ts). */
export type LessonPreviewer = (lesson: Pick<Lesson, "title" | "summary" | "sections">) => unknown;

export interface LessonsRouteDeps {
  publishing: Publishing;
  preview: LessonPreviewer;
  /** When the served knowledge next changes by itself (an effective date), shown on the lessons page. */
  nextChange(): Date | undefined;
  /** Waits until the knowledge served to citizens includes the last change (publish → live). */
  live(): Promise<void>;
}

/** Lessons are 10–40 KB of Markdown; the app's default body limit is sized for chat messages. */
const LESSON_BODY_LIMIT = 512 * 1024;

const lessonIdOf = (request: FastifyRequest) => (request.params as { id: string }).id;

/**
 * /admin/api/lessons — list, read, draft, check, preview, publish, history, diff, roll back and retire lessons
 * (issue 13). Editors save drafts (knowledge:draft); reviewers and admins publish (knowledge:publish). Lessons serve
 * the whole deployment, so changing them needs a deployment-wide account: a commune's editor writes local notices.
 */
export function lessonsRoutes(app: FastifyInstance, deps: LessonsRouteDeps): void {
  const { publishing } = deps;
  const read = { preHandler: requirePermission("knowledge:read") };
  const draft = { preHandler: [requirePermission("knowledge:draft"), deploymentWide], bodyLimit: LESSON_BODY_LIMIT };
  const publish = { preHandler: [requirePermission("knowledge:publish"), deploymentWide] };

  app.get("/admin/api/lessons", read, async () => ({ items: await publishing.list(), nextChange: deps.nextChange()?.toISOString() }));

  app.get("/admin/api/lessons/:id", read, async (request, reply) => handled(reply, () => publishing.get(lessonIdOf(request))));

  app.put("/admin/api/lessons/:id", draft, async (request, reply) => {
    const markdown = markdownOf(request);
    if (markdown === undefined) return missingMarkdown(reply);
    return handled(reply, async () => {
      const checked = await publishing.saveDraft(principalOf(request), lessonIdOf(request), markdown);
      return { saved: true, problems: checked.problems, warnings: checked.warnings };
    });
  });

  app.delete("/admin/api/lessons/:id/draft", draft, async (request, reply) =>
    handled(reply, async () => {
      await publishing.discardDraft(principalOf(request), lessonIdOf(request));
      return { discarded: true };
    }),
  );

  // Check and preview without saving: the editor calls it as the admin types.
  app.post("/admin/api/lessons/:id/check", { ...read, bodyLimit: LESSON_BODY_LIMIT }, async (request, reply) => {
    const markdown = markdownOf(request);
    if (markdown === undefined) return missingMarkdown(reply);
    return handled(reply, async () => {
      const checked = await publishing.check(lessonIdOf(request), markdown.normalize("NFC"));
      return { problems: checked.problems, warnings: checked.warnings, preview: checked.lesson ? deps.preview(checked.lesson) : [] };
    });
  });

  app.post("/admin/api/lessons/:id/publish", publish, async (request, reply) =>
    handled(reply, async () => {
      const started = performance.now();
      const result = await publishing.publish(principalOf(request), lessonIdOf(request));
      await deps.live();
      return { ...result, liveAfterMs: Math.round(performance.now() - started) };
    }),
  );

  app.post("/admin/api/lessons/:id/rollback", publish, async (request, reply) => {
    const version = Number((request.body as { version?: unknown } | undefined)?.version);
    if (!Number.isInteger(version) || version < 1) {
      return reply.code(400).send({ error: "invalid:lesson", messageVi: "Cần cho biết quay về phiên bản số mấy (version)." });
    }
    return handled(reply, async () => {
      const result = await publishing.rollback(principalOf(request), lessonIdOf(request), version);
      await deps.live();
      return result;
    });
  });

  app.post("/admin/api/lessons/:id/retire", publish, async (request, reply) =>
    handled(reply, async () => {
      await publishing.retire(principalOf(request), lessonIdOf(request));
      await deps.live();
      return { retired: true };
    }),
  );

  app.get("/admin/api/lessons/:id/versions", read, async (request, reply) =>
    handled(reply, async () => ({
      items: (await publishing.versions(lessonIdOf(request))).map(({ markdown: _body, ...v }) => v),
    })),
  );

  app.get("/admin/api/lessons/:id/versions/:version", read, async (request, reply) =>
    handled(reply, async () => {
      const wanted = Number((request.params as { version: string }).version);
      const found = (await publishing.versions(lessonIdOf(request))).find((v) => v.version === wanted);
      if (!found) throw new PublishingError("not_found", `Bài này không có phiên bản ${(request.params as { version: string }).version}.`);
      return found;
    }),
  );

  app.get("/admin/api/lessons/:id/diff", read, async (request, reply) => {
    const q = request.query as { from?: string; to?: string };
    const from = Number(q.from ?? NaN);
    const to = Number(q.to ?? NaN);
    if (!Number.isInteger(from) || !Number.isInteger(to) || from < 0 || to < 0) {
      return reply.code(400).send({ error: "invalid:lesson", messageVi: "Cần hai số phiên bản from và to (0 là bản nháp)." });
    }
    return handled(reply, async () => ({ diff: await publishing.diff(lessonIdOf(request), from, to) }));
  });
}

async function deploymentWide(request: FastifyRequest, reply: FastifyReply): Promise<void> {
  if (request.principal && isDeploymentWide(request.principal.scope)) return;
  await reply.code(403).send({
    error: "forbidden:admin",
    message: "Lessons serve the whole deployment: a locally scoped account cannot change them.",
    messageVi: "Bài học dùng chung cho cả hệ thống nên tài khoản cấp xã/tỉnh không sửa được. Bạn có thể đăng thông báo địa phương.",
  });
}

function markdownOf(request: FastifyRequest): string | undefined {
  const markdown = (request.body as { markdown?: unknown } | undefined)?.markdown;
  return typeof markdown === "string" ? markdown : undefined;
}

function missingMarkdown(reply: FastifyReply) {
  return reply.code(400).send({ error: "invalid:lesson", messageVi: "Cần gửi nội dung bài (trường markdown)." });
}

const STATUS = { not_found: 404, invalid: 422, conflict: 409 } as const;

/** Runs a publishing call; its refusals become 404/409/422 with the Vietnamese message and the problems list. */
async function handled<T>(reply: FastifyReply, run: () => Promise<T>): Promise<T | FastifyReply> {
  try {
    return await run();
  } catch (error) {
    if (!(error instanceof PublishingError)) throw error;
    return reply.code(STATUS[error.code]).send({ error: `${error.code}:lesson`, messageVi: error.messageVi, problems: error.problems });
  }
}
