import { describe, expect, it } from "vitest";
import { typedAge, typedConsent, typedGroup, typedSkip } from "../../../../src/assistant/learning/onboarding-words.js";

describe("typed onboarding answers", () => {
  it.each(["Đồng ý", "dong y", "có", "Có ạ", "ok", "vâng", "được", "có, tôi đồng ý", "đồng ý nhé"])("reads %j as consent", (text) => {
    expect(typedConsent(text)).toBe("yes");
  });

  it.each(["không", "Không đồng ý", "ko", "k", "thôi", "tôi từ chối", "không muốn"])("reads %j as no consent", (text) => {
    expect(typedConsent(text)).toBe("no");
  });

  it.each(["có cách nào cài VNeID không", "mã otp là gì", "", "ạ"])("reads %j as neither (a question is still a question)", (text) => {
    expect(typedConsent(text)).toBeUndefined();
  });

  it.each(["bỏ qua", "Bo qua", "qua", "thôi bỏ qua đi", "skip"])("reads %j as skipping the question", (text) => {
    expect(typedSkip(text)).toBe(true);
  });

  it.each(["Hà Nội", "quận 1", "đồng ý"])("does not read %j as skipping", (text) => {
    expect(typedSkip(text)).toBe(false);
  });

  it.each([
    ["người dân", "citizen"],
    ["tôi là nông dân", "citizen"],
    ["nghỉ hưu rồi", "citizen"],
    ["cán bộ xã", "civil_servant"],
    ["cong chuc", "civil_servant"],
    ["sinh viên", "student"],
    ["học sinh lớp 10", "student"],
    ["công nhân may", "worker"],
    ["nhân viên công ty", "worker"],
  ] as const)("reads %j as the group %s", (text, group) => {
    expect(typedGroup(text)).toBe(group);
  });

  it("reads no group from text that names none", () => {
    expect(typedGroup("70 tuổi")).toBeUndefined();
    expect(typedGroup("mã otp là gì")).toBeUndefined();
  });

  it.each([
    ["70 tuổi", "60+"],
    ["trên 60", "60+"],
    ["60", "60+"],
    ["59 tuổi", "36-59"],
    ["dưới 60", "36-59"],
    ["36", "36-59"],
    ["35", "18-35"],
    ["18 tuoi", "18-35"],
    ["dưới 18", "u18"],
    ["15", "u18"],
    ["già rồi", "60+"],
    ["cao tuổi", "60+"],
  ] as const)("reads %j as the age band %s", (text, band) => {
    expect(typedAge(text)).toBe(band);
  });

  it("reads no age from text without a number or an age word", () => {
    expect(typedAge("bỏ qua")).toBeUndefined();
    expect(typedAge("người dân")).toBeUndefined();
  });
});
