import { describe, expect, it } from "vitest";
import type { Reply } from "../../../../src/assistant/index.js";
import { isOfficialUrl } from "../../../../src/channels/shared/official-url.js";
import { sourcesFooter, textWithSources } from "../../../../src/channels/shared/reply-text.js";
import { webSources } from "../../../../src/channels/web/index.js";

const news = { id: "a", title: "Cảnh giác lừa đảo", section: "Dấu hiệu", url: "https://cafef.vn/bai-bao-123.chn", updated: "2026-11-20" };
const gov = { id: "b", title: "Cài đặt VNeID", section: "Tải ứng dụng", url: "https://vneid.gov.vn/", updated: "2026-11-20" };

describe("official links only", () => {
  it("accepts .gov.vn, app stores and makers' help pages; refuses news sites and look-alikes", () => {
    for (const url of ["https://vneid.gov.vn/", "https://dichvucong.gov.vn/p/home", "https://apps.apple.com/vn/app/vneid/id1", "https://play.google.com/store/apps/details?id=x", "https://help.zalo.me/huong-dan", "https://support.google.com/android", "https://www.vietcombank.com.vn/"])
      expect(isOfficialUrl(url), url).toBe(true);
    for (const url of ["https://cafef.vn/x", "https://vnexpress.net/y", "https://gov.vn.evil.com/", "https://fakegov.vn/", "javascript:alert(1)", "not a url"])
      expect(isOfficialUrl(url), url).toBe(false);
  });

  it("Telegram/Zalo footers and the web API never show a news URL, but keep the citation", () => {
    const reply: Reply = { kind: "answer", text: "Câu trả lời.", sources: [news, gov], confidence: 0.9 };
    const footer = sourcesFooter(reply);
    expect(footer).toContain("Cảnh giác lừa đảo");
    expect(footer).not.toContain("cafef.vn");
    expect(footer).toContain("https://vneid.gov.vn/");
    const cited: Reply = { ...reply, text: "Câu trả lời.\n\nNguồn: Cảnh giác lừa đảo – Dấu hiệu (cập nhật 20/11/2026)", sources: [news] };
    expect(textWithSources(cited)).not.toContain("http");
    expect(webSources([news, gov]).map((s) => s.url)).toEqual(["", "https://vneid.gov.vn/"]);
  });
});
