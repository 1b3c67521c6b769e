import { UI } from "../../../../src/assistant/ui-text.js";
import { describe, expect, it } from "vitest";
import { buildTestAssistant } from "../../../fakes/test-assistant.js";
import { testTemplates } from "../../../fixtures/templates.js";

describe("commands feature", () => {
  it.each(["/start", "xin chào", "Xin chào!", "chao", "Chào bạn"])("greets on %s", async (text) => {
    const { say } = buildTestAssistant();
    const reply = await say(text);
    expect(reply.kind).toBe("greeting");
    expect(reply.text).toBe(testTemplates.greeting);
  });

  it("the greeting offers buttons for the common starts; a 'say:' button works like typing", async () => {
    const { say, tap } = buildTestAssistant({ threshold: 0.5 });
    const reply = await say("/start");
    expect(reply.buttons?.map((b) => b.label)).toEqual(["Học bài ngắn", "Cài VNeID", "Phòng lừa đảo", "Gặp người thật"]);
    for (const b of reply.buttons ?? []) expect(Buffer.byteLength(b.action)).toBeLessThanOrEqual(64);
    expect((await tap("say:/trogiup")).kind).toBe("help");
    const viaButton = await tap("say:mã OTP là gì");
    expect(viaButton.sources[0]?.id).toBe("safety-ma-otp");
  });

  it("no greeting buttons in group chats", async () => {
    const { send } = buildTestAssistant();
    const reply = await send({ channel: "telegram", userId: "1", chatId: "-100", isGroup: true, text: "/start" });
    expect(reply.kind).toBe("greeting");
    expect(reply.buttons).toBeUndefined();
  });

  it.each(["/trogiup", "/help", "/help@TroLySoBot", "trợ giúp", "tro giup", "/lenhkhongco"])("shows help on %s", async (text) => {
    const { say } = buildTestAssistant();
    expect((await say(text)).kind).toBe("help");
  });

  it("answers /hoi <question> like the bare question", async () => {
    const { say } = buildTestAssistant({ threshold: 0.5 });
    const viaCommand = await say("/hoi mã OTP là gì", "a");
    const bare = await say("mã OTP là gì", "b");
    expect(viaCommand.kind).toBe("answer");
    expect(viaCommand.sources[0]?.id).toBe("safety-ma-otp");
    expect(viaCommand.text).toBe(bare.text);
  });

  it.each([
    ["cảm ơn", testTemplates.thanks],
    ["cam on nhieu", testTemplates.thanks],
    ["Tạm biệt!", UI.goodbye],
    ["ok", UI.noted],
    ["vâng", UI.noted],
  ])("leaves thanks and bare acknowledgements to the conversation feature, which answers politely: %s", async (text, opening) => {
    const { say } = buildTestAssistant({ threshold: 0.5 });
    const reply = await say(text);
    expect(reply.kind).toBe("info");
    expect(reply.text.startsWith(opening)).toBe(true);
    expect(reply.sources).toEqual([]);
  });

  it("leaves 'ok' to step mode while a procedure is open", async () => {
    const { say } = buildTestAssistant({ threshold: 0.5 });
    const answer = await say("tải ứng dụng VNeID ở đâu");
    // Steps only offered: "ok" acknowledges the answer (never repeats it), it does not start the steps.
    const ack = await say("ok");
    expect(ack.kind).toBe("info");
    expect(ack.stepIndex).toBeUndefined();
    expect(ack.text).not.toContain(answer.text.split("\n")[0] ?? "");
    // Once the steps are open, "ok" moves to the next one instead of being thanked.
    expect((await say("tiếp")).stepIndex).toBe(0);
    const next = await say("ok");
    expect(next).toMatchObject({ kind: "step", stepIndex: 1 });
    expect(next.text).not.toBe(testTemplates.thanks);
  });

  it("treats /hoi with no question as a request for help", async () => {
    const { say } = buildTestAssistant();
    expect((await say("/hoi")).kind).toBe("help");
  });
});
