import { describe, expect, it } from "vitest";
import type { Reply, RichLine } from "../../../../src/assistant/types.js";
import { telegramHtmlParts } from "../../../../src/channels/telegram/format-html.js";
import { renderReply } from "../../../../src/channels/telegram/render.js";

/** What Telegram shows once it has parsed the tags and entities: the length its 4,096 limit applies to. */
const visible = (html: string) => html.replace(/<\/?b>/g, "").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&amp;/g, "&");

describe("Telegram HTML rendering", () => {
  it("renders a lesson part with <b> emphasis and • items, escaping everything else", () => {
    const lesson: Reply = {
      kind: "lesson",
      text: "unused by Telegram when rich lines are present",
      rich: [
        { spans: [{ text: "📘 Cài đặt & quyền riêng tư", strong: true }] },
        { spans: [] },
        { spans: [{ text: "Bấm <Menu>" }], bullet: true },
        { spans: [{ text: "Lưu ý an toàn:", strong: true }, { text: " Không gửi OTP." }] },
      ],
      buttons: [
        { label: "Tiếp ▶", action: "ls:n" },
        { label: "Xem bài: Cài đặt quyền riêng tư trên Zalo, Facebook", action: "ls:o:safety-rieng-tu-zalo-facebook" },
        { label: "Bài học khác", action: "ls:t" },
      ],
      sources: [],
      confidence: 1,
    };
    const [out] = renderReply(lesson, { isPrivate: true });
    expect(out).toEqual({
      type: "text",
      html: "<b>📘 Cài đặt &amp; quyền riêng tư</b>\n\n• Bấm &lt;Menu&gt;\n<b>Lưu ý an toàn:</b> Không gửi OTP.",
      // A long "Xem bài: …" label gets its own row so Telegram does not cut it off.
      buttons: [[lesson.buttons![0]], [lesson.buttons![1]], [lesson.buttons![2]]],
    });
  });

  it("escapes plain replies too (they are sent in the same parse mode)", () => {
    const [out] = renderReply({ kind: "answer", text: "Bộ GD&ĐT: 1 < 2", sources: [], confidence: 1 }, { isPrivate: true });
    expect(out).toMatchObject({ html: "Bộ GD&amp;ĐT: 1 &lt; 2" });
  });

  it("splits long formatted text between paragraphs, never inside a tag, within Telegram's limit", () => {
    const paragraph: RichLine[] = [{ spans: [{ text: "Lưu ý:", strong: true }, { text: ` ${"Câu dài & rõ. ".repeat(60)}` }] }, { spans: [] }];
    const lines = Array.from({ length: 12 }, () => paragraph).flat();
    const parts = telegramHtmlParts(lines, 4000);
    expect(parts.length).toBeGreaterThanOrEqual(3);
    for (const part of parts) {
      expect(visible(part).length).toBeLessThanOrEqual(4000);
      expect(part.match(/<b>/g)?.length).toBe(part.match(/<\/b>/g)?.length);
      expect(part).not.toMatch(/&(?!amp;|lt;|gt;|quot;)/);
    }
    // A single line longer than the limit is split as plain text, still escaped.
    const huge = telegramHtmlParts([{ spans: [{ text: "a & b ".repeat(1500), strong: true }] }], 4000);
    expect(huge.length).toBe(3);
    for (const part of huge) expect(visible(part).length).toBeLessThanOrEqual(4000);
  });
});
