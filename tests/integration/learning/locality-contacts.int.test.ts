import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Fastify, { type FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAssistant } from "../../../src/assistant/assistant.js";
import { createLearning, type LearningStore } from "../../../src/assistant/learning/index.js";
import type { ConversationState } from "../../../src/assistant/ports.js";
import type { IncomingMessage, Reply } from "../../../src/assistant/types.js";
import { createAdminPlugin } from "../../../src/http/admin/index.js";
import { openSqlite } from "../../../src/storage/sqlite/database.js";
import { createSqliteLearningStore } from "../../../src/storage/sqlite/learning-store.js";
import { LESSONS, PATHS } from "../../fixtures/learning/lessons.js";

const TOKEN = "admin-token-0123456789";
const auth = { authorization: `Bearer ${TOKEN}` };

describe("Gặp người thật: contacts per locality, set by admins, offered to citizens", () => {
  let app: FastifyInstance;
  let store: LearningStore;
  let handle: (m: Partial<IncomingMessage>) => Promise<Reply>;
  beforeAll(async () => {
    store = createSqliteLearningStore(openSqlite(join(mkdtempSync(join(tmpdir(), "contacts-")), "c.sqlite")));
    await store.importUnits([
      { code: "01", name: "Thành phố Hà Nội", level: "province" },
      { code: "00004", name: "Phường Ba Đình", level: "commune", parentCode: "01" },
      { code: "00008", name: "Phường Ngọc Hà", level: "commune", parentCode: "01" },
    ]);
    app = Fastify();
    await app.register(createAdminPlugin({ store, paths: PATHS, apiToken: TOKEN, homePage: "https://troly.so", clock: () => new Date("2026-11-29T00:00:00.000Z") }));
    const learning = createLearning({ store, lessons: LESSONS, corePaths: PATHS, homePage: "https://troly.so", quiz: { passPercent: 80, maxAttempts: 0 }, learnerIdSecret: "secret-secret-secret-secret-secret" });
    const states = new Map<string, ConversationState>();
    const refuse = { name: "qa", handle: async (): Promise<Reply> => ({ kind: "refusal", text: "[low-confidence]", sources: [], confidence: 0.1 }) };
    const assistant = createAssistant({
      features: [...learning.features, refuse],
      conversations: { get: async (k) => states.get(k), set: async (k, s) => void states.set(k, s) },
      learnerIdFor: learning.learnerIdFor,
      templates: { help: "HELP", error: "ERROR" },
    });
    handle = (m) => assistant.handle({ channel: "web", userId: "ba-lan", ...m });
  });
  afterAll(async () => {
    await app.close();
    await store.close();
  });

  it("admins set, list and delete a commune's contact behind the admin gate; bad input is refused", async () => {
    expect((await app.inject({ method: "PUT", url: "/admin/contacts/00004", payload: { deskPhone: "1" } })).statusCode).toBe(401);
    const bad = await app.inject({ method: "PUT", url: "/admin/contacts/00004", headers: auth, payload: { deskPhone: "" } });
    expect(bad.statusCode).toBe(400);
    expect((await app.inject({ method: "PUT", url: "/admin/contacts/99999", headers: auth, payload: { deskPhone: "024 1" } })).statusCode).toBe(404);
    const ok = await app.inject({
      method: "PUT",
      url: "/admin/contacts/00004",
      headers: auth,
      payload: { deskPhone: "024 3823 0000", deskHours: "Thứ Hai–Thứ Sáu, 7:30–17:00", teamName: "Tổ công nghệ số phường", teamContact: "Anh Minh, Zalo 0912 000 111" },
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ unit: { name: "Phường Ba Đình" } });
    await app.inject({ method: "PUT", url: "/admin/contacts/00008", headers: auth, payload: { deskPhone: "024 0000 0000" } });
    const list = (await app.inject({ url: "/admin/contacts", headers: auth })).json() as { contacts: Array<{ unitCode: string }> };
    expect(list.contacts.map((c) => c.unitCode)).toEqual(["00004", "00008"]);
    expect((await app.inject({ method: "DELETE", url: "/admin/contacts/00008", headers: auth })).statusCode).toBe(204);
    expect((await app.inject({ method: "DELETE", url: "/admin/contacts/00008", headers: auth })).statusCode).toBe(404);
  });

  it("a citizen who asks for a person gets their commune's desk and team; without a commune, where to go and a way to set it", async () => {
    const before = await handle({ text: "tôi muốn gặp người thật" });
    expect(before.text).toContain("Bộ phận một cửa");
    expect(before.buttons?.map((b) => b.action)).toEqual(["ob:e:place"]);
    await handle({ action: "ob:yes" });
    // Choose the commune through the onboarding buttons, as a citizen would.
    await handle({ action: "ob:u:01" });
    await handle({ action: "ob:u:00004" });
    for (const text of ["/gapnguoi", "nói chuyện với người", "gap nguoi that"]) {
      const reply = await handle({ text });
      expect(reply.text).toContain("Gặp người thật ở Phường Ba Đình:");
      expect(reply.text).toContain("• Điện thoại: 024 3823 0000");
      expect(reply.text).toContain("• Giờ làm việc: Thứ Hai–Thứ Sáu, 7:30–17:00");
      expect(reply.text).toContain("Tổ công nghệ số phường: Anh Minh, Zalo 0912 000 111");
    }
  });

  it("when the assistant cannot help, the refusal offers 'Gặp người thật'", async () => {
    const reply = await handle({ text: "xổ số hôm nay" });
    expect(reply.kind).toBe("refusal");
    expect(reply.buttons).toEqual([{ label: "Gặp người thật", action: "say:/gapnguoi" }]);
    const tapped = await handle({ action: "say:/gapnguoi" });
    expect(tapped.text).toContain("Phường Ba Đình");
  });
});
