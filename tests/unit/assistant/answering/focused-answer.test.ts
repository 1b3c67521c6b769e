import { describe, expect, it } from "vitest";
import { answerUnits } from "../../../../src/assistant/answering/answer-units.js";
import { createFocusedComposer } from "../../../../src/assistant/answering/focused-answer.js";
import { questionTypes } from "../../../../src/assistant/answering/question-type.js";
import type { Chunk } from "../../../../src/assistant/index.js";
import { allChunks, dvcSubmit, installVneid, otpMeaning, scamActNow, scamRecover, vneidOffline } from "../../../fixtures/chunks.js";

const BUDGET = 600;

/** A long procedure (well over the budget): an answer-first lead with the fee and the time, ten steps, a closing. */
const longSteps = [
  "Mang thẻ căn cước cũ và sổ hộ khẩu điện tử trên điện thoại đến bộ phận một cửa.",
  "Lấy số thứ tự ở máy và ngồi chờ đến lượt của mình.",
  "Đưa thẻ cũ cho cán bộ và nói rõ bạn muốn đổi sang thẻ mới.",
  "Cán bộ kiểm tra thông tin của bạn trong cơ sở dữ liệu dân cư.",
  "Bạn nhìn vào máy ảnh để cán bộ chụp ảnh chân dung mới.",
  "Bạn đặt lần lượt các ngón tay lên máy để lấy vân tay.",
  "Bạn đọc lại tờ khai trên màn hình và ký xác nhận.",
  "Bạn nộp lệ phí và nhận biên lai, giữ biên lai cẩn thận.",
  "Cán bộ hẹn ngày trả thẻ và ghi vào giấy hẹn cho bạn.",
  "Đến ngày hẹn, bạn mang giấy hẹn đến nhận thẻ mới.",
];
const renewCard: Chunk = {
  ...dvcSubmit,
  id: "cccd-doi-the#doi-the",
  lessonId: "cccd-doi-the",
  lessonTitle: "Đổi thẻ căn cước",
  topic: "dvc",
  section: "Đổi thẻ căn cước ở đâu, mất bao lâu?",
  body: [
    "Bạn đổi thẻ căn cước tại công an xã, phường nơi bạn cư trú. Thời gian giải quyết là 7 ngày làm việc. Lệ phí đổi thẻ là 50.000 đồng.",
    longSteps.map((s, i) => `${i + 1}. ${s}`).join("\n"),
    "Khi nhận thẻ, bạn kiểm tra kỹ họ tên và ngày sinh in trên thẻ.",
  ].join("\n\n"),
  lead: "Bạn đổi thẻ căn cước tại công an xã, phường nơi bạn cư trú.",
  steps: longSteps,
  safetyNote: undefined,
  questions: ["đổi căn cước ở đâu", "doi cccd mat bao lau", "lệ phí đổi thẻ"],
};

const sections = [...allChunks, renewCard, scamActNow, scamRecover];
const composer = createFocusedComposer(sections);
const compose = (question: string, ranked: Chunk[], pinned?: Chunk) =>
  composer.compose(question.toLowerCase(), ranked, questionTypes(question), { budget: pinned ? 900 : BUDGET, ...(pinned ? { pinned } : {}) });

/** Every line of a composed answer is a step, the safety note, or sentences of one of `used`, word for word. */
function expectOwnWords(text: string, used: Chunk[]) {
  const units = used.flatMap((c) => answerUnits(c));
  const whole = new Set(units.map((u) => (u.kind === "step" ? `${u.step}. ${u.text}` : u.kind === "safety" ? `Lưu ý an toàn: ${u.text}` : u.text)));
  const sentences = new Set(units.filter((u) => u.kind === "lead" || u.kind === "closing").map((u) => u.text));
  for (const line of text.split("\n").filter(Boolean)) {
    const ok = whole.has(line) || line.split(/(?<=[.!?…])\s+(?=["“(\p{Lu}\d])/u).every((s) => sentences.has(s));
    expect(ok, `"${line}" is not the sections' own words`).toBe(true);
  }
}

describe("focused answers", () => {
  it("shows a short section whole, in its own order, steps numbered and the safety note labelled", () => {
    const answer = compose("tải vneid ở đâu", [installVneid]);
    expect(answer.text).toBe(
      [
        installVneid.lead,
        ...installVneid.steps.map((s, i) => `${i + 1}. ${s}`),
        "Cài xong, biểu tượng VNeID hiện trên màn hình.",
        "Lưu ý an toàn: Không bấm vào đường link lạ để tải VNeID.",
      ].join("\n"),
    );
    expect(answer.used).toEqual([installVneid]);
    expect(answer.stepsCut).toBe(false);
  });

  it("keeps bullet items on their own lines and joins plain sentences of a section", () => {
    expect(compose("mã otp là gì", [otpMeaning]).text.split("\n")).toEqual([
      "Mã OTP là \"mật khẩu dùng một lần\", chỉ dùng được một lần và trong thời gian ngắn.",
      "• Ngân hàng gửi mã OTP qua tin nhắn SMS.",
      "• Mã chỉ có tác dụng khoảng 60 đến 120 giây.",
      "Lưu ý an toàn: Không cung cấp mã OTP cho bất kỳ ai dưới bất kỳ hình thức nào.",
    ]);
    expect(compose("không tải được vneid", [vneidOffline]).text).toBe(
      "Kiểm tra điện thoại đã kết nối mạng và còn đủ bộ nhớ, rồi thử lại. Nếu vẫn không được, nhờ cán bộ công an xã, phường hỗ trợ cài đặt.",
    );
  });

  it("cuts a long procedure: its opening, the steps that fit, within the budget, and says steps were cut", () => {
    const answer = compose("làm thế nào để đổi thẻ căn cước", [renewCard]);
    expect(answer.text.startsWith("Bạn đổi thẻ căn cước tại công an xã, phường nơi bạn cư trú.")).toBe(true);
    expect(answer.text).toContain(`1. ${longSteps[0]}`);
    expect(answer.text).not.toContain(`10. ${longSteps[9]}`);
    expect(answer.text.length).toBeLessThanOrEqual(BUDGET);
    expect(answer.stepsCut).toBe(true);
    expect(answer.used).toEqual([renewCard]);
    expectOwnWords(answer.text, [renewCard]);
  });

  it("answers a 'how much / how long' question with the sentences holding the numbers, not the steps", () => {
    const stepLines = (text: string) => text.split("\n").filter((l) => /^\d+\. /.test(l)).length;
    const answer = compose("đổi thẻ căn cước mất bao nhiêu tiền", [renewCard]);
    const howTo = compose("làm thế nào để đổi thẻ căn cước", [renewCard]);
    expect(answer.text).toContain("Lệ phí đổi thẻ là 50.000 đồng.");
    // Steps come in only when they cover the question themselves; the "how to" answer walks through them.
    expect(stepLines(answer.text)).toBeLessThan(stepLines(howTo.text));
    expectOwnWords(answer.text, [renewCard]);
    expect(answer.stepsCut).toBe(true);
    expect(answer.text.length).toBeLessThanOrEqual(BUDGET);
  });

  it("shows the pinned act-now section whole and first, without a runner-up opening", () => {
    const answer = compose("lỡ chuyển tiền rồi lấy lại được không", [scamRecover, dvcSubmit], scamActNow);
    expect(answer.used[0]).toBe(scamActNow);
    expect(answer.text.startsWith(scamActNow.steps.map((s, i) => `${i + 1}. ${s}`).join("\n"))).toBe(true);
    expect(answer.used).not.toContain(dvcSubmit);
  });

  it("returns nothing when there is no section", () => {
    expect(compose("mã otp là gì", [])).toEqual({ text: "", used: [], stepsCut: false });
  });
});

describe("focused answers are remembered per composer", () => {
  it("composes a repeated question identically, and a caller changing its result changes nothing", () => {
    const composer = createFocusedComposer(allChunks);
    const ask = () => composer.compose("mã otp là gì", [otpMeaning, installVneid], questionTypes("mã otp là gì"), { budget: BUDGET });
    const first = ask();
    first.used.length = 0;
    const again = ask();
    expect(again.used.map((c) => c.id)).toContain(otpMeaning.id);
    expect(again.text).toBe(createFocusedComposer(allChunks).compose("mã otp là gì", [otpMeaning, installVneid], questionTypes("mã otp là gì"), { budget: BUDGET }).text);
  });

  it("keeps answers apart by sections, budget and pinned section", () => {
    const composer = createFocusedComposer(allChunks);
    const types = questionTypes("bị lừa rồi làm sao");
    const plain = composer.compose("bị lừa rồi làm sao", [scamRecover], types, { budget: BUDGET });
    const pinned = composer.compose("bị lừa rồi làm sao", [scamRecover], types, { budget: 900, pinned: scamActNow });
    const other = composer.compose("bị lừa rồi làm sao", [scamActNow], types, { budget: BUDGET });
    expect(pinned.used[0]?.id).toBe(scamActNow.id);
    expect(plain.used[0]?.id).toBe(scamRecover.id);
    expect(other.used[0]?.id).toBe(scamActNow.id);
  });
});

describe("a long procedure's safety note", () => {
  it("is shown in the first reply, with room kept for it before the steps that fit", () => {
    const note = "Không đưa thẻ căn cước cho người lạ giữ hộ, kể cả người xưng là cán bộ.";
    const guarded: Chunk = { ...renewCard, id: "cccd-doi-the#guarded", safetyNote: note };
    const composer = createFocusedComposer([guarded]);
    const answer = composer.compose("đổi thẻ căn cước thế nào", [guarded], questionTypes("đổi thẻ căn cước thế nào"), { budget: BUDGET });
    expect(answer.text).toContain(note);
    expect(answer.text.length).toBeLessThanOrEqual(BUDGET);
    expect(answer.stepsCut).toBe(true);
  });
});
