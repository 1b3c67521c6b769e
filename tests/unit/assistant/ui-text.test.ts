import { describe, expect, it } from "vitest";
import { shortLabel, UI } from "../../../src/assistant/ui-text.js";

const ref = (title: string, section: string, updated = "2026-11-20") => ({ title, section, updated });

describe("UI texts", () => {
  it("names the first source with its section and date (dd/mm/yyyy), then the other lessons after 'xem thêm'", () => {
    expect(UI.sourcesLine([ref("Mã OTP và mật khẩu", "Mã OTP là gì?", "2026-11-23")])).toBe(
      "Nguồn: Mã OTP và mật khẩu – Mã OTP là gì? (cập nhật 23/11/2026)",
    );
    expect(UI.sourcesLine([ref("Cài đặt ứng dụng VNeID", "Tải ở đâu?"), ref("Nộp hồ sơ trực tuyến", "Nộp hồ sơ"), ref("Mã OTP", "Là gì?")])).toBe(
      "Nguồn: Cài đặt ứng dụng VNeID – Tải ở đâu? (cập nhật 20/11/2026); xem thêm: Nộp hồ sơ trực tuyến; Mã OTP",
    );
    expect(UI.sourcesLine([])).toBe("");
    // The same format as the single-section source line.
    expect(UI.sourcesLine([ref("A", "B")])).toBe(UI.sourceLine("A", "B", "20/11/2026"));
  });

  it("offers the steps with or without pointing at a button", () => {
    expect(UI.stepOffer(true)).toContain(`"${UI.startSteps.replace(/ ▶$/, "")}"`);
    expect(UI.stepOffer(true)).toContain("\"tiếp\"");
    expect(UI.stepOffer(false)).not.toContain("bấm");
    expect(UI.stepOffer(false)).toContain("\"tiếp\"");
  });

  it("cuts long button labels on a word boundary", () => {
    expect(shortLabel("Mã OTP là gì?")).toBe("Mã OTP là gì?");
    const long = "Đăng ký tài khoản định danh điện tử mức 2 tại công an xã phường nơi cư trú";
    const cut = shortLabel(long);
    expect(cut.length).toBeLessThanOrEqual(60);
    expect(cut.endsWith("…")).toBe(true);
    expect(long.startsWith(cut.slice(0, -1))).toBe(true);
    expect(long[cut.length - 1]).toBe(" ");
  });
});
