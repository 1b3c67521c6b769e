import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Assistant, IncomingMessage, Reply } from "../../../src/assistant/index.js";
import { checkTurn, loadDialogues, runDialogue, type Dialogue } from "../../../src/evaluation/dialogues.js";
import { buildTestAssistant } from "../../fakes/test-assistant.js";
import { allChunks, registerLevel1, vneidAfterInstall } from "../../fixtures/chunks.js";

const reply = (partial: Partial<Reply>): Reply => ({ kind: "answer", text: "", sources: [], confidence: 1, ...partial });

function dialogueFile(content: unknown): string {
  const file = join(mkdtempSync(join(tmpdir(), "dialogues-")), "pool.json");
  writeFileSync(file, JSON.stringify(content));
  return file;
}

describe("loadDialogues", () => {
  it("defaults the channel to web and onboarded to true", () => {
    const [d] = loadDialogues(dialogueFile([{ id: "d1", turns: [{ say: "chào" }] }]));
    expect(d).toEqual({ id: "d1", about: "", channel: "web", onboarded: true, turns: [{ say: "chào" }] });
    const [z] = loadDialogues(dialogueFile([{ id: "d2", channel: "zalo", onboarded: false, about: "x", turns: [{ say: "a" }] }]));
    expect(z).toMatchObject({ channel: "zalo", onboarded: false, about: "x" });
  });

  it("rejects a dialogue without an id or turns, naming it by position", () => {
    expect(() => loadDialogues(dialogueFile([{ id: "ok", turns: [{ say: "a" }] }, { id: "empty", turns: [] }]))).toThrow(/\[1\]: a dialogue needs an id and turns/);
    expect(() => loadDialogues(dialogueFile([{ turns: [{ say: "a" }] }]))).toThrow(/\[0\]/);
  });
});

describe("checkTurn", () => {
  it("passes when there is no expectation", () => {
    expect(checkTurn(undefined, reply({ kind: "error" }), undefined)).toEqual([]);
  });

  it("checks the kind, the phrase groups (folded), forbidden phrases and the length", () => {
    const r = reply({ kind: "info", text: "Bạn đã làm xong tất cả các bước." });
    expect(checkTurn({ kinds: ["info", "answer"], all: [["lam xong"], ["tat ca", "het"]], none: ["ngân hàng"], maxChars: 40 }, r, undefined)).toEqual([]);
    expect(checkTurn({ kinds: ["step"] }, r, undefined)).toEqual(["kind info, expected step"]);
    expect(checkTurn({ all: [["bước"], ["mức 2", "muc hai"]] }, r, undefined)).toEqual(["missing [mức 2|muc hai]"]);
    expect(checkTurn({ none: ["xong", "ngân hàng"] }, r, undefined)).toEqual(["contains xong"]);
    expect(checkTurn({ maxChars: 10 }, r, undefined)).toEqual([`${r.text.length} chars > 10`]);
  });

  it("requires a refusal when asked to", () => {
    expect(checkTurn({ refusal: true }, reply({ kind: "answer" }), undefined)).toEqual(["expected a refusal, got answer"]);
    expect(checkTurn({ refusal: true }, reply({ kind: "refusal" }), undefined)).toEqual([]);
  });

  it("flags a reply that repeats the previous one (a thank-you must not repeat the answer)", () => {
    const previous = reply({ text: "Chỉ tải VNeID từ kho ứng dụng chính thức, rồi bấm Cài đặt và chờ cài xong." });
    expect(checkTurn({ notRepeat: true }, reply({ text: `Không có gì ạ!\n\n${previous.text}` }), previous)).toEqual(["repeats the previous reply"]);
    expect(checkTurn({ notRepeat: true }, reply({ text: "Không có gì ạ!" }), previous)).toEqual([]);
    // Short replies ("Vâng ạ.") may repeat: only a real answer counts.
    const short = reply({ text: "Vâng ạ." });
    expect(checkTurn({ notRepeat: true }, short, short)).toEqual([]);
  });
});

describe("runDialogue", () => {
  function recording(answer: (m: IncomingMessage) => Reply): { assistant: Assistant; seen: IncomingMessage[] } {
    const seen: IncomingMessage[] = [];
    return { seen, assistant: { handle: async (m) => (seen.push(m), answer(m)) } };
  }

  it("onboards first (consent, then skip every question) when the dialogue says so", async () => {
    const { assistant, seen } = recording((m) => {
      if (m.text === "/hoso") return reply({ kind: "info", buttons: [{ label: "Đồng ý", action: "ob:yes" }] });
      if (m.action === "ob:yes") return reply({ kind: "info", buttons: [{ label: "Bỏ qua", action: "ob:skip" }] });
      if (m.action === "ob:skip" && seen.filter((s) => s.action === "ob:skip").length < 2) return reply({ kind: "info", buttons: [{ label: "Bỏ qua", action: "ob:skip" }] });
      return reply({ kind: "info", text: "xong" });
    });
    const d: Dialogue = { id: "d", about: "", channel: "zalo", onboarded: true, turns: [{ say: "chào", expect: { kinds: ["info"] } }] };
    const result = await runDialogue(assistant, d, "learner-1");
    expect(result).toEqual({ id: "d", pass: true, failures: [] });
    expect(seen.map((m) => m.text ?? m.action)).toEqual(["/hoso", "ob:yes", "ob:skip", "ob:skip", "chào"]);
    expect(seen.every((m) => m.channel === "zalo" && m.userId === "learner-1")).toBe(true);
  });

  it("taps a button of the previous reply by a folded part of its label, and fails the whole dialogue when it is missing", async () => {
    const { assistant, seen } = recording((m) =>
      m.action ? reply({ kind: "step", text: "Bước 1/3" }) : reply({ text: "Trả lời", buttons: [{ label: "Làm từng bước ▶", action: "s:next" }] }),
    );
    const ok = await runDialogue(assistant, { id: "t", about: "", channel: "web", onboarded: false, turns: [{ say: "hỏi" }, { tap: "lam tung buoc", expect: { kinds: ["step"] } }] }, "u");
    expect(ok.pass).toBe(true);
    expect(seen.at(-1)).toMatchObject({ action: "s:next" });
    const missing = await runDialogue(assistant, { id: "m", about: "", channel: "web", onboarded: false, turns: [{ say: "hỏi" }, { tap: "Dừng" }, { say: "không tới đây" }] }, "u");
    expect(missing).toEqual({ id: "m", pass: false, failures: ['turn 2: no button "Dừng" to tap'] });
    expect(seen.some((m) => m.text === "không tới đây")).toBe(false);
  });

  it("runs a real conversation on the test assistant: finish the steps, ask what next, thank", async () => {
    const { assistant } = buildTestAssistant({ threshold: 0.5, chunks: [...allChunks, vneidAfterInstall, registerLevel1], nextLesson: { "vneid-cai-dat": "vneid-dang-ky" } });
    const d: Dialogue = {
      id: "install-then-what",
      about: "",
      channel: "web",
      onboarded: false,
      turns: [
        { say: "tải ứng dụng VNeID ở đâu", expect: { kinds: ["answer"], all: [["CH Play"]] } },
        { tap: "Làm từng bước", expect: { kinds: ["step"], all: [["Bước 1/3"]] } },
        { say: "tiếp" },
        { say: "tiếp" },
        { say: "tiếp", expect: { kinds: ["info"], all: [["xong tất cả các bước"]] } },
        { say: "làm xong rồi thì sao", expect: { kinds: ["answer"], all: [["định danh điện tử mức 1"]], none: ["CH Play"] } },
        { say: "cảm ơn con", expect: { kinds: ["info"], notRepeat: true, all: [["Đăng ký mức 1"]] } },
      ],
    };
    const result = await runDialogue(assistant, d, "u");
    expect(result.failures).toEqual([]);
    expect(result.pass).toBe(true);
    const failing = await runDialogue(assistant, { ...d, id: "wrong", turns: [{ say: "cảm ơn con", expect: { kinds: ["answer"] } }] }, "v");
    expect(failing.pass).toBe(false);
    expect(failing.failures[0]).toMatch(/^turn 1 "cảm ơn con": kind info, expected answer — got: /);
  });
});
