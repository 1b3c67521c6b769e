import { randomBytes } from "node:crypto";
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import type { CorePaths, LearningStore } from "../../assistant/learning/index.js";
import { pathFor, reachedPath } from "../../assistant/learning/index.js";

const bodySchema = z.object({ label: z.string().trim().min(1).max(80) });
const ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"; // no 0/O, 1/I: codes are read aloud and typed by elderly users

export function newMentorCode(): string {
  return `DS${[...randomBytes(6)].map((b) => ALPHABET[b % ALPHABET.length]).join("")}`;
}

/** Đại sứ số administration: issue codes, list mentors with mentee counts (never answers). */
export function mentorsRoute(app: FastifyInstance, deps: { store: LearningStore; paths: CorePaths; clock: () => Date }): void {
  app.post("/admin/mentor-codes", async (request, reply) => {
    const parsed = bodySchema.safeParse(request.body ?? {});
    if (!parsed.success) return reply.code(400).send({ error: "bad_request:admin", message: "body: {\"label\": \"name or unit of the mentor\"}" });
    const code = newMentorCode();
    await deps.store.createMentorCode(code, parsed.data.label, deps.clock().toISOString());
    return reply.code(201).send({ code, label: parsed.data.label });
  });

  app.get("/admin/mentors", async () => {
    const mentors = await deps.store.listMentors();
    const out = [];
    for (const m of mentors) {
      const mentees = await deps.store.mentees(m.code);
      let reached = 0;
      for (const e of mentees) {
        const [p, profile] = await Promise.all([deps.store.learnerProgress(e.learnerId), deps.store.getProfile(e.learnerId)]);
        if (reachedPath(pathFor(deps.paths, profile?.targetGroup), new Set(p.passed))) reached += 1;
      }
      out.push({ code: m.code, label: m.label, claimed: Boolean(m.learnerId), mentees: mentees.length, reachedCorePath: reached });
    }
    return { mentors: out };
  });
}
