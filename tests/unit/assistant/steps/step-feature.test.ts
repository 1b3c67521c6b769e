import { describe, expect, it } from "vitest";
import { opaqueLearnerId, STEP_ACTIONS } from "../../../../src/assistant/index.js";
import { UI } from "../../../../src/assistant/ui-text.js";
import { composeAnswer } from "../../../../src/assistant/answering/compose-answer.js";
import { InMemoryConversationStore } from "../../../fakes/in-memory-stores.js";
import { buildTestAssistant } from "../../../fakes/test-assistant.js";
import { allChunks, installVneid, otpMeaning, vneidAfterInstall } from "../../../fixtures/chunks.js";

const threshold = 0.5;
const question = "tải ứng dụng VNeID ở đâu";
/** The opaque id the test assistant stores a web user's state under. */
const learnerOf = (userId: string) => opaqueLearnerId("test-secret", { channel: "web", userId });

describe("step-by-step mode", () => {
  it("answers a procedure whole and offers to go step by step, waiting before step 1", async () => {
    const { say, conversations } = buildTestAssistant({ threshold });
    const reply = await say(question);
    expect(reply.kind).toBe("answer");
    expect(reply.stepIndex).toBeUndefined();
    expect(reply.steps).toEqual(installVneid.steps);
    // The answer carries the section itself (lead, every step, closing, safety), not "Bước 1/3".
    expect(reply.text).toContain(
      `Chỉ tải VNeID từ kho ứng dụng chính thức.\n1. ${installVneid.steps[0]}\n2. ${installVneid.steps[1]}\n3. ${installVneid.steps[2]}`,
    );
    expect(reply.text).toContain("Lưu ý an toàn: Không bấm vào đường link lạ để tải VNeID.");
    expect(reply.text).not.toContain("Bước 1/3");
    // Then the source line, then the offer, last.
    expect(reply.text).toMatch(/\n\nNguồn: Cài đặt ứng dụng VNeID – Tải ứng dụng VNeID ở đâu\? \(cập nhật 20\/11\/2026\)[^\n]*\n\n/);
    expect(reply.text.endsWith(`\n\n${UI.stepOffer(true)}`)).toBe(true);
    expect(reply.buttons).toEqual([
      { label: UI.startSteps, action: "s:next" },
      { label: UI.showAll, action: "s:all" },
    ]);
    expect(reply.sources[0]?.id).toBe("vneid-cai-dat");
    const saved = (await conversations.get(learnerOf("u1"))) as { steps?: { index: number; chunkId: string } };
    expect(saved.steps).toMatchObject({ index: -1, chunkId: installVneid.id });
  });

  it("starts at step 1 on 's:next' or a typed 'tiếp', with the four step buttons", async () => {
    for (const by of ["button", "typed word"]) {
      const { say, tap } = buildTestAssistant({ threshold });
      await say(question);
      const first = by === "button" ? await tap(STEP_ACTIONS.next) : await say("tiếp");
      expect(first.kind).toBe("step");
      expect(first.stepIndex).toBe(0);
      expect(first.text.startsWith(`Bước 1/3: ${installVneid.steps[0]}`)).toBe(true);
      expect(first.text).not.toContain("Bước 2/3");
      expect(first.buttons).toEqual([
        { label: "Bước tiếp ▶", action: "s:next" },
        { label: "Lặp lại", action: "s:rep" },
        { label: "Xem tất cả", action: "s:all" },
        { label: "Dừng", action: "s:stop" },
      ]);
    }
  });

  it("before step 1 only an explicit word starts the steps; 'ok' or 'được rồi' just acknowledge the answer", async () => {
    for (const word of ["làm từng bước", "bắt đầu", "tiep"]) {
      const { say } = buildTestAssistant({ threshold });
      await say(question);
      expect(await say(word)).toMatchObject({ kind: "step", stepIndex: 0 });
    }
    for (const word of ["ok", "được rồi", "rồi"]) {
      const { say } = buildTestAssistant({ threshold });
      const answer = await say(question);
      const ack = await say(word);
      expect(ack.kind).not.toBe("step");
      expect(ack.text).not.toContain(installVneid.steps[0]);
      expect(ack.text).not.toBe(answer.text);
      // The steps stay on offer.
      expect(await say("tiếp")).toMatchObject({ kind: "step", stepIndex: 0 });
    }
  });

  it("starts at step 1 on 'back' or 'again' before the first step", async () => {
    for (const word of ["quay lại", "lặp lại"]) {
      const { say } = buildTestAssistant({ threshold });
      await say(question);
      expect((await say(word)).stepIndex).toBe(0);
    }
  });

  it("points at the buttons only on channels that show buttons", async () => {
    const { assistant } = buildTestAssistant({ threshold });
    const web = await assistant.handle({ channel: "web", userId: "w", text: question });
    expect(web.text).toContain(UI.stepOffer(true));
    const webStep = await assistant.handle({ channel: "web", userId: "w", text: "tiếp" });
    expect(webStep.text).toContain(UI.stepHint);
    const zalo = await assistant.handle({ channel: "zalo", userId: "z", text: question });
    expect(zalo.text).toContain(UI.stepOffer(false));
    expect(zalo.text).not.toContain("Bấm");
    const first = await assistant.handle({ channel: "zalo", userId: "z", text: "tiếp" });
    expect(first.text).toContain("Bước 1/3");
    const next = await assistant.handle({ channel: "zalo", userId: "z", text: "tiếp" });
    expect(next.text).toContain("Bước 2/3");
    expect(next.text).not.toContain("Bấm");
  });

  it("phone-sized steps: the source once (last step), the hint only until the learner has used it", async () => {
    const { say, tap } = buildTestAssistant({ threshold });
    await say(question);
    const first = await tap(STEP_ACTIONS.next);
    expect(first.text).toContain(UI.stepHint);
    expect(first.text).not.toContain("Nguồn:");
    expect(first.sources).toEqual([]);
    const second = await tap(STEP_ACTIONS.next);
    expect(second.text).not.toContain(UI.stepHint);
    expect(second.text).not.toContain("Nguồn:");
    expect(second.sources).toEqual([]);
    expect((await say("lặp lại")).text).not.toContain(UI.stepHint);
    const last = await tap(STEP_ACTIONS.next);
    expect(last.text.match(/Nguồn:/g)).toHaveLength(1);
    expect(last.sources[0]?.id).toBe("vneid-cai-dat");
  });

  it("never says 'Bấm' on Zalo, also when offering what follows", async () => {
    const chunks = [...allChunks, vneidAfterInstall];
    const { assistant } = buildTestAssistant({ threshold, chunks });
    await assistant.handle({ channel: "zalo", userId: "z", text: question });
    const texts: string[] = [];
    for (let i = 0; i < 4; i++) texts.push((await assistant.handle({ channel: "zalo", userId: "z", text: "tiếp" })).text);
    expect(texts.at(-1)).toContain(vneidAfterInstall.section);
    for (const t of texts) expect(t).not.toMatch(/Bấm "Bước tiếp"|Bấm nút|bấm "Bước tiếp"/);
  });

  it("walks next / repeat / back by buttons and typed words, diacritic-insensitive", async () => {
    const { say, tap } = buildTestAssistant({ threshold });
    await say(question);
    expect((await tap(STEP_ACTIONS.next)).stepIndex).toBe(0);
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

  it("after the last step offers what follows (a later section written for it) with a 'w:next' button", async () => {
    const chunks = [...allChunks, vneidAfterInstall];
    const { say, tap } = buildTestAssistant({ threshold, chunks });
    await say(question);
    for (let i = 0; i < 3; i++) await tap(STEP_ACTIONS.next);
    const done = await tap(STEP_ACTIONS.next);
    expect(done.kind).toBe("info");
    expect(done.text).toBe(`${UI.stepsFinished} ${UI.offerNext(vneidAfterInstall.section)}`);
    expect(done.buttons).toEqual([{ label: vneidAfterInstall.section, action: "w:next" }]);
    const next = await tap("w:next");
    expect(next.kind).toBe("answer");
    expect(next.sources[0]).toMatchObject({ id: "vneid-cai-dat", section: vneidAfterInstall.section });
    expect(next.text.startsWith(vneidAfterInstall.lead)).toBe(true);
  });

  it("says all done, with no button, when nothing follows", async () => {
    const { say, tap } = buildTestAssistant({ threshold, chunks: [installVneid, otpMeaning] });
    await say(question);
    for (let i = 0; i < 3; i++) await tap(STEP_ACTIONS.next);
    const done = await tap(STEP_ACTIONS.next);
    expect(done).toMatchObject({ kind: "info", text: UI.allDone, sources: [] });
    expect(done.buttons).toBeUndefined();
  });

  it("shows everything on 'Xem tất cả' and stops on 'dừng'", async () => {
    const { say, tap, conversations } = buildTestAssistant({ threshold });
    await say(question);
    // The saved state keeps the answer's pieces, not the whole text a second time; "Xem tất cả" rebuilds it.
    const saved = (await conversations.get(learnerOf("u1"))) as { steps?: Record<string, unknown> };
    expect(saved.steps).toBeDefined();
    expect(saved.steps).not.toHaveProperty("fullText");
    const all = await say("xem tat ca");
    expect(all.kind).toBe("answer");
    expect(all.text).toBe(composeAnswer(installVneid).fullText);
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
    expect(reply.text).toContain(`3. ${installVneid.steps[2]}`);
    expect(reply.text).not.toContain(UI.stepOffer(true));
    expect(reply.buttons).toBeUndefined();
    const next = await send({ channel: "telegram", userId: "1", chatId: "-100", isGroup: true, text: "tiếp" });
    expect(next.kind).not.toBe("step");
  });
});
