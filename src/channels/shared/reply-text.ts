import type { Reply, SourceRef } from "../../assistant/index.js";
import { isOfficialUrl } from "./official-url.js";

/** Citizen-facing texts both chat apps use when the core is not involved. */
export const channelTexts = {
  nonText:
    "Bạn vui lòng gõ câu hỏi bằng chữ nhé. Hiện tôi chưa xem được hình ảnh, nhãn dán, tin nhắn thoại, vị trí hay tệp đính kèm.",
  failure: "Xin lỗi, tôi đang gặp trục trặc nên chưa trả lời được. Bạn vui lòng thử lại sau ít phút.",
  /** Sent once when a chat's outgoing queue is full (a flood): the replies beyond it are dropped. */
  overflow: "Bạn gửi nhiều tin nhắn quá nhanh nên tôi chưa trả lời kịp hết. Bạn chờ một chút rồi hỏi lại nhé.",
} as const;

/**
 * "Nguồn: …" lines under an answer: title, the date the lesson was last checked, and the link only when it is an
 * official page (isOfficialUrl).
 */
export function formatSources(sources: SourceRef[]): string {
  const unique = sources.filter((s, i) => sources.findIndex((o) => o.url === s.url && o.title === s.title) === i);
  if (unique.length === 0) return "";
  const lines = unique
    .slice(0, 3)
    .map((s) => `• ${s.title}${s.updated ? ` (cập nhật ${formatDate(s.updated)})` : ""}${isOfficialUrl(s.url) ? `\n${s.url}` : ""}`);
  return `Nguồn:\n${lines.join("\n")}`;
}

/**
 * The reply text followed by its sources. The core may already cite a source by title ("Nguồn: … (cập nhật …)");
 * then only the official link is added, so a citizen can check it without reading the citation twice.
 */
export function textWithSources(reply: Reply): string {
  const text = reply.text.trim();
  const footer = sourcesFooter(reply);
  return footer ? `${text}\n\n${footer}` : text;
}

/** What textWithSources adds under the text (empty when nothing): for renderers that format the text themselves. */
export function sourcesFooter(reply: Pick<Reply, "text" | "sources">): string {
  const text = reply.text.trim();
  const missing = reply.sources.filter((s) => s.url && !text.includes(s.url));
  const cited = missing.filter((s) => text.includes(s.title));
  // Already cited by title: add the link only when it is an official page, else nothing (the citation is enough).
  const links = [...new Set(cited.map((s) => s.url))].filter(isOfficialUrl).map((url) => `Xem thêm: ${url}`);
  return [links.join("\n"), formatSources(missing.filter((s) => !cited.includes(s)))].filter(Boolean).join("\n\n");
}

function formatDate(isoDate: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : isoDate;
}
