import type { FastifyInstance } from "fastify";
import { z } from "zod";
import type { LearningStore } from "../../assistant/learning/index.js";

const text = (max: number) => z.string().trim().min(1).max(max).optional();
const bodySchema = z
  .object({
    deskPhone: text(40),
    deskHours: text(120),
    deskAddress: text(160),
    teamName: text(80),
    teamContact: text(120),
  })
  .strict()
  .refine((b) => Boolean(b.deskPhone || b.deskHours || b.deskAddress || b.teamContact), {
    message: "give at least one of deskPhone, deskHours, deskAddress, teamContact",
  });
const codeSchema = z.string().regex(/^[0-9A-Za-z_-]{1,20}$/);

/**
 * "Gặp người thật" contacts per locality (commune/ward or province unit code): the one-stop desk's phone, hours and
 * address and the community tech team. GET lists them; PUT /admin/contacts/:unitCode sets one; DELETE removes it.
 */
export function contactsRoute(app: FastifyInstance, deps: { store: LearningStore; clock: () => Date }): void {
  app.get("/admin/contacts", async () => ({ contacts: await deps.store.listLocalityContacts() }));

  app.put<{ Params: { unitCode: string } }>("/admin/contacts/:unitCode", async (request, reply) => {
    const code = codeSchema.safeParse(request.params.unitCode);
    if (!code.success) return reply.code(400).send({ error: "bad_request:admin", message: "unitCode: 1-20 letters, digits, - or _" });
    const unit = await deps.store.getUnit(code.data);
    if (!unit || unit.level === "neighbourhood") {
      return reply.code(404).send({ error: "not_found:admin", message: `no province or commune/ward with code ${code.data}` });
    }
    const body = bodySchema.safeParse(request.body ?? {});
    if (!body.success) {
      return reply.code(400).send({ error: "bad_request:admin", message: body.error.issues.map((i) => `${i.path.join(".") || "body"}: ${i.message}`).join("; ") });
    }
    const contact = { unitCode: code.data, ...body.data, updatedAt: deps.clock().toISOString() };
    await deps.store.saveLocalityContact(contact);
    return { contact, unit: { code: unit.code, name: unit.name, level: unit.level } };
  });

  app.delete<{ Params: { unitCode: string } }>("/admin/contacts/:unitCode", async (request, reply) => {
    const deleted = await deps.store.deleteLocalityContact(String(request.params.unitCode));
    return deleted ? reply.code(204).send() : reply.code(404).send({ error: "not_found:admin", message: "no contact for this unit" });
  });
}
