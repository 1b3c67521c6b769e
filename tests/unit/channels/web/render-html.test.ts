import { describe, expect, it } from "vitest";
import type { Reply } from "../../../../src/assistant/types.js";
import { webReplyHtml } from "../../../../src/channels/web/index.js";

const reply = (r: Partial<Reply>): Reply => ({ kind: "info", text: "", sources: [], confidence: 1, ...r });

describe("webReplyHtml (the web page's renderer)", () => {
  it("escapes every character of content, whatever the core or a lesson says", () => {
    const html = webReplyHtml(reply({ text: `<script>alert("x")</script> & <img src=x onerror=alert(1)>` }));
    expect(html).toBe("<p>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;img src=x onerror=alert(1)&gt;</p>");
  });

  it("renders formatted lines: emphasis, list items, paragraphs and line breaks", () => {
    const html = webReplyHtml(
      reply({
        text: "unused",
        rich: [
          { spans: [{ text: "📘 Bài <1>", strong: true }] },
          { spans: [{ text: "Phần 2/3" }] },
          { spans: [] },
          { spans: [{ text: "Ý một" }], bullet: true },
          { spans: [{ text: "Ý " }, { text: "hai & ba", strong: true }], bullet: true },
          { spans: [] },
          { spans: [{ text: "Lưu ý an toàn:", strong: true }, { text: " Không gửi OTP." }] },
        ],
      }),
    );
    expect(html).toBe(
      "<p><strong>📘 Bài &lt;1&gt;</strong><br>Phần 2/3</p><ul><li>Ý một</li><li>Ý <strong>hai &amp; ba</strong></li></ul><p><strong>Lưu ý an toàn:</strong> Không gửi OTP.</p>",
    );
  });

  it("shows the core's own '• ' lines as a list", () => {
    expect(webReplyHtml(reply({ text: "Hồ sơ:\n• Tỉnh: Huế\n• Nhóm: Người dân" }))).toBe("<p>Hồ sơ:</p><ul><li>Tỉnh: Huế</li><li>Nhóm: Người dân</li></ul>");
  });

  it("leaves out the 'Nguồn: …' paragraph when the page shows the sources as a linked footer", () => {
    const source = { id: "a", title: "Cổng DVC", section: "s", url: "https://dichvucong.gov.vn/", updated: "2026-11-20" };
    expect(webReplyHtml(reply({ text: "Trả lời.\n\nNguồn: Cổng DVC – s (cập nhật 20/11/2026)", sources: [source] }))).toBe("<p>Trả lời.</p>");
    expect(webReplyHtml(reply({ text: "Trả lời.\n\nNguồn: ghi trong bài" }))).toBe("<p>Trả lời.</p><p>Nguồn: ghi trong bài</p>");
  });

  it("leaves out the pending question's line: the page shows it with its answer buttons", () => {
    const quiz = { answerActionPrefix: "qa:0a1b2c3d:1:", question: "Mã OTP có được đưa cho ai không?", options: ["Có", "Không"], correctIndex: 1, explanation: "Không bao giờ.", position: 2, total: 5 };
    expect(webReplyHtml(reply({ kind: "quiz", text: "✅ Đúng rồi!\nGiải thích.\n\nCâu 2/5: Mã OTP có được đưa cho ai không?", quiz }))).toBe("<p>✅ Đúng rồi!<br>Giải thích.</p>");
    expect(webReplyHtml(reply({ kind: "quiz", text: "Câu 2/5: Mã OTP có được đưa cho ai không?", quiz }))).toBe("");
  });
});
