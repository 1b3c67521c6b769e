import { describe, expect, it } from "vitest";
import type { IncomingMessage } from "../../../../src/assistant/types.js";
import { learningHarness } from "../../../fixtures/learning/harness.js";

/** Mentor and mentees on the real router and an in-memory SQLite store. */
function setup() {
  const h = learningHarness();
  const as = (userId: string) => (m: Partial<IncomingMessage>) => h.assistant.handle({ channel: "web", userId, ...m });
  return { ...h, mentor: as("mentor"), lan: as("lan"), tu: as("tu") };
}

describe("Đại sứ số: mentors who can act", () => {
  it("a new mentee's /moi CODE is carried out right after onboarding, not dropped", async () => {
    const { store, mentor, lan } = setup();
    await store.createMentorCode("DS9", "Chị Hoa", "2026-11-20T00:00:00.000Z");
    await mentor({ text: "/daisu DS9" });
    // No profile yet: consent comes first, typed as people type it.
    const consent = await lan({ text: "/moi DS9" });
    expect(consent.buttons?.some((b) => b.action === "ob:yes")).toBe(true);
    let reply = await lan({ text: "dong y" });
    for (let i = 0; i < 8 && reply.buttons?.some((b) => b.action === "ob:skip"); i++) reply = await lan({ text: "bỏ qua" });
    // The last onboarding answer also joins the mentor and asks for the name the mentor will see.
    expect(reply.text).toContain("Bạn muốn Đại sứ số gọi bạn là gì?");
    expect((await lan({ text: "Bà Lan" })).text).toContain("Cảm ơn Bà Lan");
    expect((await mentor({ text: "/daisu" })).text).toContain("Bà Lan");
  });

  it("declining consent forgets the pending /moi", async () => {
    const { store, lan } = setup();
    await store.createMentorCode("DS8", "Chị Hoa", "2026-11-20T00:00:00.000Z");
    await lan({ text: "/moi DS8" });
    const declined = await lan({ text: "không đồng ý" });
    expect(declined.text).not.toContain("Bạn muốn Đại sứ số gọi bạn là gì?");
    expect((await lan({ text: "bỏ qua" })).text).not.toContain("Bạn muốn Đại sứ số gọi bạn là gì?");
  });

  it("a mentee chooses a name; the mentor sees name, last lesson, where they are stuck and last active date", async () => {
    const { store, mentor, lan, tu } = setup();
    await store.createMentorCode("DS1", "Chị Hoa", "2026-11-20T00:00:00.000Z");
    expect((await mentor({ text: "/daisu DS1" })).text).toContain("Bạn đã trở thành Đại sứ số");

    await lan({ action: "ob:yes" });
    const joined = await lan({ text: "/moi DS1" });
    expect(joined.text).toContain("Bạn muốn Đại sứ số gọi bạn là gì?");
    expect((await lan({ text: "0912345678" })).text).toContain("Tên chỉ gồm chữ");
    expect((await lan({ text: "Bà Lan" })).text).toContain("Cảm ơn Bà Lan");
    // Lan fails the quiz of l-two: she is stuck there.
    let r = await lan({ action: "qz:s:l-two" });
    for (let i = 0; i < 3; i++) r = await lan({ action: `${r.quiz!.answerActionPrefix}${(r.quiz!.correctIndex + 1) % 3}` });
    expect(r.text).toMatch(/Cần đúng từ/);

    await tu({ action: "ob:yes" });
    await tu({ text: "/moi DS1" });
    expect((await tu({ action: "mt:skip" })).text).toContain("Người học");

    const view = await mentor({ text: "/daisu" });
    // Same join time under the fixed test clock: the order between the two is by id, so match either position.
    expect(view.text).toMatch(/\d\. Bà Lan: học xong 0 bài, đạt 0 bài kiểm tra/);
    expect(view.text).toContain('Lần cuối học: 23/11/2026 – bài "Bài l-two"');
    expect(view.text).toContain('Đang vướng: chưa đạt bài kiểm tra "Bài l-two"');
    expect(view.text).toMatch(/\d\. Người học \d:/);
    expect(view.text).toContain("Chưa học bài nào.");
    const labels = view.buttons?.map((b) => b.label) ?? [];
    expect(labels).toHaveLength(2);
    expect(labels).toContain("Động viên Bà Lan");
    expect(labels.some((l) => /^Động viên Người học \d$/.test(l))).toBe(true);
  });

  it("the mentor's encouragement reaches the mentee with their next reply, once a day, and the mentee can opt out", async () => {
    const { store, mentor, lan } = setup();
    await store.createMentorCode("DS2", "Chị Hoa", "2026-11-20T00:00:00.000Z");
    await mentor({ text: "/daisu DS2" });
    await lan({ action: "ob:yes" });
    await lan({ text: "/moi DS2" });
    await lan({ text: "Bà Lan" });

    expect((await mentor({ action: "mt:e:1" })).text).toContain("Đã gửi lời động viên cho Bà Lan");
    expect((await mentor({ action: "mt:e:1" })).text).toContain("Chưa gửi được");
    expect((await mentor({ action: "mt:e:9" })).text).toContain("Không tìm thấy");

    const next = await lan({ text: "/tiendo" });
    expect(next.text.startsWith("💌 Lời nhắn từ Đại sứ số Chị Hoa")).toBe(true);
    expect(next.buttons?.at(-1)).toEqual({ label: "Không nhận lời nhắn", action: "mt:off" });
    expect((await lan({ text: "/tiendo" })).text).not.toContain("💌");

    expect((await lan({ action: "mt:off" })).text).toContain("Đã tắt lời nhắn");
    const view = await mentor({ text: "/daisu" });
    expect(view.text).toContain("(đã tắt lời nhắn)");
    expect(view.buttons ?? []).toEqual([]);
    expect((await lan({ text: "/moi nhan" })).text).toContain("Đã bật lại");
  });
});
