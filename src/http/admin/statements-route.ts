import type { FastifyInstance } from "fastify";
import { z } from "zod";
import type { EvidenceStore, StatementQuery } from "../../assistant/learning/index.js";

/** No NUL or other control characters: PostgreSQL refuses them in text, which would be a 500 instead of a 400. */
const text = (max: number) => z.string().max(max).regex(/^[^\u0000-\u001F\u007F]*$/, "must not contain control characters");
const isoTime = text(64).refine((s) => !Number.isNaN(Date.parse(s)), "must be an ISO 8601 timestamp").transform((s) => new Date(s).toISOString());
const querySchema = z.object({
  since: isoTime.optional(),
  until: isoTime.optional(),
  verb: text(2048).pipe(z.string().url()).optional(),
  activity: text(2048).pipe(z.string().url()).optional(),
  agent: text(4096).optional(),
  limit: z.coerce.number().int().min(0).max(500).optional(),
  cursor: z.string().max(8192).optional(),
});

/** A decoded `cursor`, checked like the query it came from: a cursor is client input too (issue 11 item 8). */
const cursorSchema = z
  .object({
    since: text(64).refine((s) => !Number.isNaN(Date.parse(s)), "must be an ISO 8601 timestamp").optional(),
    until: text(64).refine((s) => !Number.isNaN(Date.parse(s)), "must be an ISO 8601 timestamp").optional(),
    verb: text(2048).pipe(z.string().url()).optional(),
    activity: text(2048).pipe(z.string().url()).optional(),
    agentName: text(256).optional(),
    limit: z.number().int().min(1).max(500),
    afterSeq: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
  })
  .strict();

const agentSchema = z.object({
  objectType: z.literal("Agent").optional(),
  account: z.object({ homePage: z.string().url(), name: text(256).min(1) }),
});

type Cursor = Omit<StatementQuery, "limit"> & { limit: number; afterSeq: number };

const encode = (c: Cursor) => Buffer.from(JSON.stringify(c)).toString("base64url");
/** The cursor, or the reason it is refused (400). */
function decode(s: string): Cursor | string {
  let raw: unknown;
  try {
    raw = JSON.parse(Buffer.from(s, "base64url").toString("utf8"));
  } catch {
    return "cursor: not a cursor from this server";
  }
  const parsed = cursorSchema.safeParse(raw);
  if (!parsed.success) return `cursor: not a cursor from this server (${parsed.error.issues.map((i) => `${i.path.join(".") || "value"}: ${i.message}`).join("; ")})`;
  return parsed.data;
}

/** GET /xapi/statements (xAPI 1.0.3 §2.1.3 subset): filters, `limit` and an opaque `more` URL for the next page. */
export function statementsRoute(app: FastifyInstance, store: EvidenceStore, homePage: string): void {
  app.get("/xapi/statements", async (request, reply) => {
    reply.header("X-Experience-API-Version", "1.0.3");
    const parsed = querySchema.safeParse(request.query);
    if (!parsed.success) {
      return reply.code(400).send({ error: "bad_request:xapi", message: parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ") });
    }
    const q = parsed.data;
    let query: Cursor;
    if (q.cursor) {
      const c = decode(q.cursor);
      if (typeof c === "string") return reply.code(400).send({ error: "bad_request:xapi", message: c });
      query = c;
    } else {
      let agentName: string | undefined;
      if (q.agent) {
        let agent: z.infer<typeof agentSchema>;
        try {
          agent = agentSchema.parse(JSON.parse(q.agent));
        } catch {
          return reply.code(400).send({ error: "bad_request:xapi", message: 'agent: JSON like {"objectType":"Agent","account":{"homePage":"…","name":"…"}}' });
        }
        // Our learners all live under our homePage; any other agent simply has no statements here.
        if (agent.account.homePage !== homePage) return { statements: [], more: "" };
        agentName = agent.account.name;
      }
      // limit=0 means "server maximum" in the spec.
      query = { since: q.since, until: q.until, verb: q.verb, activity: q.activity, agentName, limit: q.limit || 100, afterSeq: 0 };
    }
    const rows = await store.queryStatements({ ...query, limit: query.limit + 1 });
    const page = rows.slice(0, query.limit);
    const last = page.at(-1);
    const more = rows.length > query.limit && last ? `/xapi/statements?cursor=${encode({ ...query, afterSeq: last.seq })}` : "";
    return { statements: page.map((r) => r.statement), more };
  });
}
