import { describe, expect, it } from "vitest";
import { STEP_ACTIONS } from "../../../../src/assistant/index.js";
import { InMemoryConversationStore } from "../../../fakes/in-memory-stores.js";
import { buildTestAssistant } from "../../../fakes/test-assistant.js";
import { installVneid } from "../../../fixtures/chunks.js";

const threshold = 0.5;
const question = "tải ứng dụng VNeID ở đâu";

describe("step-by-step mode", () => {
  it("offers the first step with the lead, the full steps and the four buttons", async () => {
    const { say } = buildTestAssistant({ threshold });
    const reply = await say(question);
    expect(reply.kind).toBe("step");
    expect(reply.stepIndex).toBe(0);
    expect(reply.steps).toEqual(installVneid.steps);
    expect(reply.text).toContain("Chỉ tải VNeID từ kho ứng dụng chính thức.");
    expect(reply.text).toContain(`Bước 1/3: ${installVneid.steps[0]}`);
    expect(reply.text).not.toContain("Bước 2/3");
    expect(reply.buttons).toEqual([
      { label: "Bước tiếp ▶", action: "s:next" },
      { label: "Lặp lại", action: "s:rep" },
      { label: "Xem tất cả", action: "s:all" },
      { label: "Dừng", action: "s:stop" },
    ]);
    expect(reply.sources[0]?.id).toBe("vneid-cai-dat");
  });

  it("points at the 'Bước tiếp' button only on channels that show buttons", async () => {
    const { assistant } = buildTestAssistant({ threshold });
    const web = await assistant.handle({ channel: "web", userId: "w", text: question });
    expect(web.text).toContain("Bấm \"Bước tiếp\"");
    const zalo = await assistant.handle({ channel: "zalo", userId: "z", text: question });
    expect(zalo.text).not.toContain("Bấm");
    const next = await assistant.handle({ channel: "zalo", userId: "z", text: "tiếp" });
    expect(next.text).toContain("Bước 2/3");
    expect(next.text).not.toContain("Bấm");
  });

  it("walks next / repeat / back by buttons and typed words, diacritic-insensitive", async () => {
    const { say, tap } = buildTestAssistant({ threshold });
    await say(question);
    expect((await tap(STEP_ACTIONS.next)).stepIndex).toBe(1);
    expect((await say("Lặp lại")).stepIndex).toBe(1);
    expect((await say("quay lai")).stepIndex).toBe(0);
    expect((await say("tiep")).stepIndex).toBe(1);
    const last = await say("ok");
    expect(last.stepIndex).toBe(2);
    expect(last.text).toContain("Đây là bước cuối cùng.");
    expect(last.text).toContain("Lưu ý an toàn: Không bấm vào đường link lạ để tải VNeID.");
    expect(last.text).toContain("Cài xong, biểu tượng VNeID hiện trên màn hình.");
    expect(last.buttons?.map((b) => b.action)).not.toContain("s:next");
    const done = await say("xong");
    expect(done.kind).toBe("info");
    expect(done.text).toContain("xong tất cả các bước");
    // Closed: "ok" is no longer a step word, just an acknowledgement.
    expect((await say("ok")).kind).toBe("info");
    expect((await say("tiep")).kind).not.toBe("step");
  });

  it("shows everything on 'Xem tất cả' and stops on 'dừng'", async () => {
    const { say, tap } = buildTestAssistant({ threshold });
    await say(question);
    const all = await say("xem tat ca");
    expect(all.kind).toBe("answer");
    expect(all.text).toContain(`1. ${installVneid.steps[0]}\n2. ${installVneid.steps[1]}\n3. ${installVneid.steps[2]}`);
    await say(question);
    expect((await say("Dừng")).text).toContain("Đã dừng");
    expect((await tap(STEP_ACTIONS.next)).text).toContain("không có hướng dẫn nào đang mở");
  });

  it("does not treat 'đúng' (right) as 'dừng' (stop)", async () => {
    const { say } = buildTestAssistant({ threshold });
    await say(question);
    const reply = await say("đúng");
    expect(reply.text).not.toContain("Đã dừng");
  });

  it("keeps the position per learner in the conversation store (survives a new assistant instance)", async () => {
    const store = new InMemoryConversationStore();
    await buildTestAssistant({ threshold, conversations: store }).say(question);
    await buildTestAssistant({ threshold, conversations: store }).say("tiếp");
    const afterRestart = await buildTestAssistant({ threshold, conversations: store }).say("tiếp");
    expect(afterRestart.stepIndex).toBe(2);
    const other = await buildTestAssistant({ threshold, conversations: store }).say("tiếp", "another-user");
    expect(other.kind).not.toBe("step");
  });

  it("answers procedures in full in group chats (no step mode)", async () => {
    const { send } = buildTestAssistant({ threshold });
    const reply = await send({ channel: "telegram", userId: "1", chatId: "-100", isGroup: true, text: question });
    expect(reply.kind).toBe("answer");
    expect(reply.steps).toEqual(installVneid.steps);
  });
});
