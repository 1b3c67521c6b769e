import { describe, expect, it } from "vitest";
import { createAssistant, type Feature } from "../../../../src/assistant/index.js";
import {
  needsPersonalDataNotice,
  PERSONAL_DATA_NOTICE,
  withPersonalDataNotice,
} from "../../../../src/assistant/dialogue/personal-data-notice.js";
import { InMemoryConversationStore } from "../../../fakes/in-memory-stores.js";
import { testTemplates } from "../../../fixtures/templates.js";

describe("personal data notice", () => {
  it.each([
    "số CCCD của tôi 001099012345",
    "CMND 123456789 làm lại ở đâu",
    "mật khẩu của tôi là Abc@123",
    "mk: 112233",
    "mã OTP là 123456 có sao không",
    "stk 1903-1234-5678-901 bị trừ tiền",
    "thẻ 4111 1111 1111 1111",
    "/hoi mật khẩu VNeID của em là 135790",
  ])("warns for %j", (text) => {
    expect(needsPersonalDataNotice(text)).toBe(true);
  });

  it.each([
    "cách cài VNeID",
    "sđt 0912345678 có bị lộ không", // a phone number is redacted but is not a secret
    "email của tôi là a@b.com",
    "nhà tôi ở số 5 ngõ 3",
    "gọi 1900 0368",
    "bị lừa 500 triệu",
    "quên mật khẩu VNeID",
    "/lienket 12345678", // our own one-time link code
    "/lienket@TroLySoBot 12345678",
    "/moi DS1234",
  ])("does not warn for %j", (text) => {
    expect(needsPersonalDataNotice(text)).toBe(false);
  });

  it("puts the notice first in the text and the rich lines", () => {
    const reply = withPersonalDataNotice({ kind: "answer", text: "Trả lời", rich: [{ spans: [{ text: "Trả lời" }] }], sources: [], confidence: 1 });
    expect(reply.text).toBe(`${PERSONAL_DATA_NOTICE}\n\nTrả lời`);
    expect(reply.rich?.[0]?.spans[0]?.text).toBe(PERSONAL_DATA_NOTICE);
    expect(reply.rich?.at(-1)?.spans[0]?.text).toBe("Trả lời");
    expect(PERSONAL_DATA_NOTICE).toBe(
      "Bạn đừng gửi số căn cước, mật khẩu, mã OTP hay số tài khoản cho bất kỳ ai, kể cả Trợ lý số. Tôi không lưu những số này.",
    );
  });

  it("is added by the router whatever feature answers", async () => {
    const echo: Feature = { name: "echo", handle: async () => ({ kind: "answer", text: "Đây là câu trả lời.", sources: [], confidence: 1 }) };
    const assistant = createAssistant({
      features: [echo], conversations: new InMemoryConversationStore(), learnerIdFor: (m) => m.userId, templates: testTemplates,
    });
    const warned = await assistant.handle({ channel: "web", userId: "u", text: "mã OTP ngân hàng gửi là 482913, tôi đọc cho người ta rồi" });
    expect(warned.text).toBe(`${PERSONAL_DATA_NOTICE}\n\nĐây là câu trả lời.`);
    const plain = await assistant.handle({ channel: "web", userId: "u", text: "OTP là gì" });
    expect(plain.text).toBe("Đây là câu trả lời.");
  });
});
