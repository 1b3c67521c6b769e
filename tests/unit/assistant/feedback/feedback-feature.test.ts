import { describe, expect, it } from "vitest";
import {
  createAssistant,
  createConfidenceScorer,
  createCuratedCatalog,
  createCuratedFeature,
  createFeedbackFeature,
  createQaFeature,
  opaqueLearnerId,
  type FeedbackLog,
  type IncomingMessage,
} from "../../../../src/assistant/index.js";
import { openSqlite } from "../../../../src/storage/sqlite/database.js";
import { createSqliteCuratedStore } from "../../../../src/storage/sqlite/curated-store.js";
import { allChunks } from "../../../fixtures/chunks.js";
import { testTemplates } from "../../../fixtures/templates.js";
import { FakeRetriever } from "../../../fakes/fake-retriever.js";
import { InMemoryConversationStore, InMemoryUnansweredLog } from "../../../fakes/in-memory-stores.js";

function build() {
  const votes: Array<Parameters<FeedbackLog["record"]>[0]> = [];
  const retriever = new FakeRetriever(allChunks);
  const curated = createSqliteCuratedStore(openSqlite(":memory:"));
  const catalog = createCuratedCatalog(curated);
  const qa = createQaFeature({ retriever, scorer: createConfidenceScorer(allChunks), templates: testTemplates, unanswered: new InMemoryUnansweredLog(), sections: allChunks });
  const assistant = createAssistant({
    features: [
      createFeedbackFeature({ log: { record: async (v) => void votes.push(v) }, retriever }),
      createCuratedFeature({ catalog, store: curated }),
      qa,
    ],
    conversations: new InMemoryConversationStore(),
    learnerIdFor: (m) => opaqueLearnerId("test-secret", m),
    templates: testTemplates,
  });
  const send = (m: Partial<IncomingMessage>) => assistant.handle({ channel: "web", userId: "u1", ...m });
  return { assistant, votes, curated, catalog, send };
}

describe("feedback on answers", () => {
  it("adds 👍 and 👎 after the answer's own buttons without touching its text", async () => {
    const { send } = build();
    const reply = await send({ text: "tải vneid ở đâu" });
    expect(reply.kind).toBe("answer");
    const labels = reply.buttons?.map((b) => b.label) ?? [];
    expect(labels.slice(-2)).toEqual(["👍 Hữu ích", "👎 Chưa đúng ý tôi"]);
    expect(reply.text).not.toMatch(/Chưa đúng ý|Hữu ích/);
    expect(reply.buttons?.at(-1)?.action).toMatch(/^fb:down:[0-9a-z]+$/);
    expect(Buffer.byteLength(reply.buttons?.at(-1)?.action ?? "")).toBeLessThanOrEqual(64);
  });

  it("offers only 👎 on Zalo (its buttons become a typed menu) and nothing in groups or on refusals", async () => {
    const { assistant } = build();
    const zalo = await assistant.handle({ channel: "zalo", userId: "z1", text: "tải vneid ở đâu" });
    expect(zalo.buttons?.filter((b) => b.action.startsWith("fb:")).map((b) => b.label)).toEqual(["👎 Chưa đúng ý tôi"]);
    const group = await assistant.handle({ channel: "telegram", userId: "t1", isGroup: true, text: "tải vneid ở đâu" });
    expect(group.buttons?.some((b) => b.action.startsWith("fb:")) ?? false).toBe(false);
    const refusal = await assistant.handle({ channel: "web", userId: "w9", text: "giá vàng hôm nay bao nhiêu" });
    expect(refusal.buttons?.some((b) => b.action.startsWith("fb:")) ?? false).toBe(false);
  });

  it("a 👎 records the redacted question and the section given, thanks, and offers other readings once", async () => {
    const { send, votes } = build();
    const reply = await send({ text: "tải vneid ở đâu, số tôi 0912345678" });
    const down = reply.buttons?.find((b) => b.action.startsWith("fb:down:"))?.action ?? "";
    const thanks = await send({ action: down });
    expect(thanks.text).toMatch(/^Cảm ơn bạn/);
    expect(votes).toEqual([{ text: expect.not.stringContaining("0912345678"), answerRef: "vneid-cai-dat#tai-ung-dung", vote: "down" }]);
    expect(votes[0]?.text).toMatch(/tải vneid ở đâu/);
    // The other readings are one-tap choices, never the section just shown.
    expect(thanks.buttons?.every((b) => b.action.startsWith("c:"))).toBe(true);
    expect(thanks.text).not.toContain("Tải ứng dụng VNeID ở đâu?");
    // A second tap on the same button records nothing more.
    const again = await send({ action: down });
    expect(again.text).toMatch(/Cảm ơn bạn/);
    expect(votes).toHaveLength(1);
  });

  it("a 👍 is counted and thanked; a stale or unknown vote is only thanked", async () => {
    const { send, votes } = build();
    const reply = await send({ text: "tải vneid ở đâu" });
    const up = reply.buttons?.find((b) => b.action.startsWith("fb:up:"))?.action ?? "";
    expect((await send({ action: "fb:down:zzz" })).kind).toBe("info");
    expect(votes).toEqual([]);
    expect((await send({ action: up })).text).toMatch(/Cảm ơn bạn/);
    expect(votes.map((v) => v.vote)).toEqual(["up"]);
  });

  it("names a curated answer by its id", async () => {
    const { send, votes, curated, catalog } = build();
    const a = await curated.create(
      { question: "Đổi mật khẩu Zalo", alternatives: [], answer: "Vào Cài đặt > Tài khoản và bảo mật > Đổi mật khẩu.", sourceTitle: "Zalo", sourceUrl: "https://help.zalo.me" },
      new Date(),
    );
    await curated.publish(a.id, "duyet", new Date());
    catalog.invalidate();
    const reply = await send({ text: "làm sao đổi mật khẩu zalo" });
    expect(reply.sources[0]?.id).toBe(`curated:${a.id}`);
    await send({ action: reply.buttons?.find((b) => b.action.startsWith("fb:down:"))?.action ?? "" });
    expect(votes[0]).toMatchObject({ answerRef: `curated:${a.id}`, vote: "down" });
  });
});
