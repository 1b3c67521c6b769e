import { describe, expect, it } from "vitest";
import { splitText } from "../../../../src/channels/shared/split-text.js";

const paragraph = (n: number, len: number) => `Đoạn ${n}: ${"chữ ".repeat(Math.ceil(len / 4))}`.slice(0, len).trim();

describe("splitText", () => {
  it("keeps short text whole", () => {
    expect(splitText("Xin chào", 4096)).toEqual(["Xin chào"]);
  });

  it("splits 10,000 characters into parts under the Telegram limit, on paragraph boundaries", () => {
    const paragraphs = Array.from({ length: 10 }, (_, i) => paragraph(i, 990));
    const text = paragraphs.join("\n\n");
    const parts = splitText(text, 4000);
    expect(parts.length).toBe(3);
    for (const part of parts) expect(part.length).toBeLessThanOrEqual(4000);
    // Every part ends where a paragraph ends: nothing cut mid-paragraph.
    for (const part of parts) expect(paragraphs.some((p) => part.endsWith(p))).toBe(true);
    expect(parts.join("\n\n")).toBe(text);
  });

  it("falls back to line, then word boundaries, and never loses text", () => {
    const lines = Array.from({ length: 60 }, (_, i) => `${i + 1}. Bấm vào nút số ${i + 1} trên màn hình điện thoại`).join("\n");
    const parts = splitText(lines, 1900);
    for (const part of parts) {
      expect(part.length).toBeLessThanOrEqual(1900);
      expect(part).toMatch(/điện thoại$/);
    }
    expect(parts.join("\n")).toBe(lines);
    const words = "một ".repeat(1000).trim();
    const wordParts = splitText(words, 500);
    for (const part of wordParts) expect(part.startsWith("một") && part.endsWith("một")).toBe(true);
    expect(wordParts.join(" ")).toBe(words);
  });

  it("hard-cuts a single huge word without splitting an emoji", () => {
    const text = `${"a".repeat(99)}😀${"b".repeat(50)}`;
    const parts = splitText(text, 100);
    expect(parts[0]).toBe("a".repeat(99));
    expect(parts.join("")).toBe(text);
  });
});
