import type { FastifyInstance, FastifyReply } from "fastify";
import { z } from "zod";
import type { AuditLog } from "../../admin/audit.js";
import { covers, type Principal, type Scope } from "../../admin/roles.js";
import type { LearnerStore } from "../../assistant/learning/index.js";
import {
  instantOf,
  isCurrent,
  NOTICE_KINDS,
  noticeProblems,
  type Notice,
  type NoticeInput,
  type NoticeProblem,
  type NoticeStore,
} from "../../assistant/notices/index.js";
import { principalOf, requirePermission } from "./principal.js";

export interface NoticesRouteDeps {
  notices: NoticeStore;
  /** Unit names and the province → commune tree (the learning store's administrative units). */
  units: Pick<LearnerStore, "getUnit" | "listUnits">;
  audit: AuditLog;
  clock: () => Date;
}

const optionalText = z
  .union([z.string(), z.null()])
  .optional()
  .transform((v) => (v === null || v === undefined || !v.trim() ? undefined : v.trim()));
const bodySchema = z
  .object({
    provinceCode: optionalText,
    communeCode: optionalText,
    kind: z.enum(NOTICE_KINDS),
    title: z.string().max(1000).transform((s) => s.trim()),
    text: z.string().max(5000).transform((s) => s.trim().replace(/\r\n?/g, "\n")),
    link: optionalText,
    /** "YYYY-MM-DD" (a Vietnam day; the end day is included) or an ISO instant. */
    startsAt: z.string().max(40),
    endsAt: z.string().max(40),
    /** An array, or one comma-separated string as typed in the page. */
    topics: z.union([z.array(z.string().max(200)).max(50), z.string().max(2000)]).optional(),
  })
  .strict();

const LIST_LIMIT = 200;
const FORBIDDEN_PLACE = "Bạn chỉ được đăng và sửa thông báo trong địa bàn của tài khoản mình.";
const FORBIDDEN_NOTICE = "Thông báo này thuộc địa bàn khác; tài khoản của bạn không được xem hay sửa nó.";

/**
 * Local notices in the admin API (issue 13): GET/POST /admin/api/notices, PUT/DELETE /admin/api/notices/:id, and
 * GET /admin/api/notices/places for the page's locality pickers. An account acts only inside its scope (a commune
 * editor cannot touch another commune's notice: 403). DELETE ends a notice now and keeps it, so the list and the
 * audit log still show what was published. Every change is audited.
 */
export function noticesRoute(app: FastifyInstance, deps: NoticesRouteDeps): void {
  const edit = { preHandler: requirePermission("notices:edit") };

  app.get("/admin/api/notices", async (request) => {
    const principal = principalOf(request);
    const now = deps.clock();
    const notices = await deps.notices.list(principal.scope, LIST_LIMIT);
    return { scope: principal.scope, notices: await Promise.all(notices.map((n) => view(n, now))) };
  });

  app.get<{ Querystring: { province?: string } }>("/admin/api/notices/places", async (request) => {
    const { scope } = principalOf(request);
    const provinces = (await deps.units.listUnits("province")).filter((u) => !scope.provinceCode || u.code === scope.provinceCode);
    const province = scope.provinceCode ?? String(request.query.province ?? "");
    const communes = province
      ? (await deps.units.listUnits("commune", province)).filter((u) => !scope.communeCode || u.code === scope.communeCode)
      : [];
    const pick = (u: { code: string; name: string }) => ({ code: u.code, name: u.name });
    return { scope, provinces: provinces.map(pick), communes: communes.map(pick) };
  });

  app.post("/admin/api/notices", edit, async (request, reply) => {
    const principal = principalOf(request);
    const input = await inputFrom(request.body, principal.scope, reply);
    if (!input) return reply;
    if (!covers(principal.scope, input)) return forbidden(reply, FORBIDDEN_PLACE);
    if (!(await placeExists(input, reply))) return reply;
    const notice = await deps.notices.create(input, { by: principal.username, at: deps.clock() });
    await deps.audit.record(principal, { action: "notice.create", target: `notice:${notice.id}`, after: summary(notice) });
    return reply.code(201).send({ notice: await view(notice, deps.clock()) });
  });

  app.put<{ Params: { id: string } }>("/admin/api/notices/:id", edit, async (request, reply) => {
    const principal = principalOf(request);
    const before = await own(principal, request.params.id, reply);
    if (!before) return reply;
    const input = await inputFrom(request.body, principal.scope, reply);
    if (!input) return reply;
    if (!covers(principal.scope, input)) return forbidden(reply, FORBIDDEN_PLACE);
    if (!(await placeExists(input, reply))) return reply;
    const notice = await deps.notices.update(before.id, input, { by: principal.username, at: deps.clock() });
    if (!notice) return notFound(reply);
    await deps.audit.record(principal, { action: "notice.update", target: `notice:${notice.id}`, before: summary(before), after: summary(notice) });
    return { notice: await view(notice, deps.clock()) };
  });

  app.delete<{ Params: { id: string } }>("/admin/api/notices/:id", edit, async (request, reply) => {
    const principal = principalOf(request);
    const before = await own(principal, request.params.id, reply);
    if (!before) return reply;
    const now = deps.clock();
    // Already over: nothing to end, nothing to audit.
    if (Date.parse(before.endsAt) <= now.getTime()) return { notice: await view(before, now) };
    // A notice that has not started yet ends before it starts: the window stays valid (start < end) and empty of "now".
    const endsAt = now.toISOString();
    const startsAt = Date.parse(before.startsAt) < now.getTime() ? before.startsAt : new Date(now.getTime() - 1).toISOString();
    const { id: _id, updatedBy: _by, createdAt: _c, updatedAt: _u, ...fields } = before;
    const notice = await deps.notices.update(before.id, { ...fields, startsAt, endsAt }, { by: principal.username, at: now });
    if (!notice) return notFound(reply);
    await deps.audit.record(principal, { action: "notice.end", target: `notice:${notice.id}`, before: summary(before), after: summary(notice) });
    return { notice: await view(notice, now) };
  });

  /** The notice with this id when the principal's scope covers it; otherwise the 404/403 has been sent. */
  async function own(principal: Principal, rawId: string, reply: FastifyReply): Promise<Notice | undefined> {
    const id = /^\d{1,12}$/.test(rawId) ? Number(rawId) : NaN;
    const notice = Number.isNaN(id) ? undefined : await deps.notices.get(id);
    if (!notice) return void notFound(reply);
    if (!covers(principal.scope, notice)) return void forbidden(reply, FORBIDDEN_NOTICE);
    return notice;
  }

  /** The request body as a NoticeInput, or undefined once a 400 has been sent (shape or rules broken). */
  async function inputFrom(body: unknown, scope: Scope, reply: FastifyReply): Promise<NoticeInput | undefined> {
    const parsed = bodySchema.safeParse(body ?? {});
    if (!parsed.success) {
      badRequest(reply, parsed.error.issues.map((i) => `${i.path.join(".") || "body"}: ${i.message}`).join("; "), []);
      return undefined;
    }
    const b = parsed.data;
    // A scoped account need not repeat its own locality: an empty field means "mine".
    const provinceCode = b.provinceCode ?? scope.provinceCode ?? "";
    const communeCode = b.provinceCode ? b.communeCode : (b.communeCode ?? scope.communeCode);
    const topics = (typeof b.topics === "string" ? b.topics.split(",") : (b.topics ?? [])).map((t) => t.trim()).filter(Boolean);
    const input: NoticeInput = {
      provinceCode,
      ...(communeCode ? { communeCode } : {}),
      kind: b.kind,
      title: b.title,
      text: b.text,
      ...(b.link ? { link: b.link } : {}),
      startsAt: instantOf(b.startsAt.trim()) ?? b.startsAt,
      endsAt: instantOf(b.endsAt.trim(), true) ?? b.endsAt,
      topics: [...new Set(topics)],
    };
    const problems = provinceCode
      ? noticeProblems(input)
      : [{ field: "provinceCode" as const, messageVi: "Cần chọn tỉnh/thành phố." }, ...noticeProblems(input).filter((p) => p.field !== "provinceCode")];
    if (problems.length) {
      badRequest(reply, problems.map((p) => `${p.field}: invalid`).join("; "), problems);
      return undefined;
    }
    return input;
  }

  /** The province exists, and the commune (if any) is one of its communes/wards. */
  async function placeExists(input: NoticeInput, reply: FastifyReply): Promise<boolean> {
    const province = await deps.units.getUnit(input.provinceCode);
    if (province?.level !== "province") {
      badRequest(reply, "unknown province", [{ field: "provinceCode", messageVi: "Không có tỉnh/thành phố với mã này." }]);
      return false;
    }
    if (input.communeCode) {
      const commune = await deps.units.getUnit(input.communeCode);
      if (commune?.level !== "commune" || commune.parentCode !== input.provinceCode) {
        badRequest(reply, "unknown commune", [{ field: "communeCode", messageVi: "Không có xã/phường với mã này trong tỉnh/thành phố đã chọn." }]);
        return false;
      }
    }
    return true;
  }

  /** A notice as the admin page shows it: its place's name and whether it is scheduled, shown now, or over. */
  async function view(n: Notice, now: Date) {
    const place = await deps.units.getUnit(n.communeCode ?? n.provinceCode);
    const status = isCurrent(n, now) ? "current" : Date.parse(n.startsAt) > now.getTime() ? "scheduled" : "ended";
    return { ...n, placeName: place?.name ?? n.communeCode ?? n.provinceCode, status };
  }
}

/** What the audit log keeps of a notice: where, what kind, when, and the title — never who reads it. */
function summary(n: Notice): string {
  return `${n.kind} ${n.provinceCode}${n.communeCode ? `/${n.communeCode}` : ""} ${n.startsAt}→${n.endsAt}: ${n.title}`;
}

function forbidden(reply: FastifyReply, messageVi: string): FastifyReply {
  return reply.code(403).send({ error: "forbidden:admin", message: "Outside this account's scope.", messageVi });
}

function notFound(reply: FastifyReply): FastifyReply {
  return reply.code(404).send({ error: "not_found:admin", message: "No such notice.", messageVi: "Không có thông báo này." });
}

function badRequest(reply: FastifyReply, message: string, problems: NoticeProblem[]): FastifyReply {
  const messageVi = problems.length ? problems.map((p) => p.messageVi).join(" ") : "Dữ liệu gửi lên không đúng mẫu.";
  return reply.code(400).send({ error: "bad_request:admin", message, messageVi, problems });
}
