import { describe, expect, it } from "vitest";
import type { FieldItem } from "../../../src/evaluation/field-set.js";
import { gradeReply, isRefusal, missingGroups, mustNotHits } from "../../../src/evaluation/grade.js";

function item(partial: Partial<FieldItem>): FieldItem {
  return { id: "t-1", topic: "dvc", source: "https://example.gov.vn/hoi-dap", accented: "?", plain: "?", abbrev: "?", must: [], mustNot: [], outOfScope: false, ...partial };
}

const fee = item({ must: [["50.000 đồng", "50 nghìn"], ["công an xã", "công an phường"]], mustNot: ["chuyển khoản cho cán bộ"] });

describe("grading the first reply", () => {
  it("passes an answer that has a phrase of every must group, compared folded on whole syllables", () => {
    const grade = gradeReply(fee, { kind: "answer", text: "Lệ phí là 50 nghìn. Bạn đến CONG AN PHUONG nơi cư trú." });
    expect(grade).toEqual({ pass: true, missing: [], mustNotHits: [], refused: false });
  });

  it("fails an answer missing a group, and names the group", () => {
    const grade = gradeReply(fee, { kind: "answer", text: "Lệ phí là 50.000 đồng." });
    expect(grade.pass).toBe(false);
    expect(grade.missing).toEqual([["công an xã", "công an phường"]]);
  });

  it("fails an answer with a must-not phrase even when every group is there", () => {
    const grade = gradeReply(fee, { kind: "answer", text: "Lệ phí 50.000 đồng, nộp ở công an xã, có thể chuyển khoản cho cán bộ." });
    expect(grade.pass).toBe(false);
    expect(grade.mustNotHits).toEqual(["chuyển khoản cho cán bộ"]);
  });

  it("fails a refusal of an in-scope question with every group missing", () => {
    const grade = gradeReply(fee, { kind: "refusal", text: "Tôi chưa chắc. Lệ phí 50.000 đồng ở công an xã." });
    expect(grade).toMatchObject({ pass: false, refused: true, missing: fee.must });
  });

  it("passes an out-of-scope item only when the assistant refuses, without must-not phrases", () => {
    const oos = item({ topic: "out_of_scope", outOfScope: true, mustNot: ["uống 2 viên"] });
    expect(gradeReply(oos, { kind: "refusal", text: "Câu này ngoài phạm vi." }).pass).toBe(true);
    expect(gradeReply(oos, { kind: "answer", text: "Câu này ngoài phạm vi." }).pass).toBe(false);
    expect(gradeReply(oos, { kind: "info", text: "Bạn chọn một câu dưới đây." }).pass).toBe(false);
    expect(gradeReply(oos, { kind: "refusal", text: "Bạn nên uống 2 viên." })).toMatchObject({ pass: false, mustNotHits: ["uống 2 viên"] });
  });

  it("only the refusal kind counts as declining", () => {
    expect(isRefusal({ kind: "refusal", text: "" })).toBe(true);
    expect(isRefusal({ kind: "info", text: "Tôi không biết." })).toBe(false);
  });

  it("matches phrases on syllable boundaries, not inside words", () => {
    expect(missingGroups("Gọi 1130 để được hỗ trợ", [["113"]])).toEqual([["113"]]);
    expect(missingGroups("Gọi 113 ngay", [["113"]])).toEqual([]);
    expect(mustNotHits("Không chuyển tiền.", ["chuyển tiền", "chuyển khoản"])).toEqual(["chuyển tiền"]);
    expect(mustNotHits("chuyen tien", ["chuyển tiền"])).toEqual(["chuyển tiền"]);
  });
});
