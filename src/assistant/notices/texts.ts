import { NOTICE_KIND_LABELS, vietnameseDate, type Notice } from "./notice.js";

/** What learners read about local notices (Vietnamese, full diacritics). */
export const NT = {
  /** Used when the unit list has no name for a code (a unit removed after the notice was written). */
  unknownPlace: "xã/phường của bạn",
  noPlace:
    "Bạn chưa chọn xã/phường nơi mình ở, nên tôi chưa biết thông báo nào dành cho bạn. " +
    "Bấm \"Chọn nơi ở\" (hoặc gõ /hoso) để chọn, rồi gõ /thongbao để xem thông báo của địa phương.",
  setPlace: "Chọn nơi ở",
  none: (place: string) => `Hiện chưa có thông báo nào của ${place}.`,
  listHeader: (place: string) => `📢 Thông báo hiện có cho ${place}:`,
  more: "Gõ /thongbao để xem mọi thông báo của địa phương.",
};

/**
 * When a notice stops: "đến hết ngày 14/12/2026" for a window ending at a Vietnam midnight (an end date typed by an
 * admin; the end is exclusive, so the last day is the one before), otherwise the hour ("đến 10:30 ngày 14/12/2026").
 */
function until(end: Date): string {
  const local = new Date(end.getTime() + 7 * 3_600_000);
  const hh = local.getUTCHours();
  const mm = local.getUTCMinutes();
  if (hh === 0 && mm === 0) return `đến hết ngày ${vietnameseDate(new Date(end.getTime() - 1))}`;
  return `đến ${String(hh).padStart(2, "0")}:${String(mm).padStart(2, "0")} ngày ${vietnameseDate(end)}`;
}

/** "Thông báo của Phường Hoàn Kiếm": the unit's own name already says xã, phường or tỉnh/thành phố. */
const of = (place: string) => `Thông báo của ${place}`;

/** The short paragraph appended to an answer, a greeting or a lesson list. */
export function noticeNote(n: Notice, place: string): string {
  const label = n.kind === "scam" ? ` (${NOTICE_KIND_LABELS.scam.toLowerCase()})` : "";
  const lines = [`📢 ${of(place)}${label}: ${n.title}`, n.text.trim()];
  if (n.link) lines.push(n.link);
  return lines.join("\n");
}

/** One item of /thongbao: kind, title, text, link and the last day it is shown. */
export function noticeItem(n: Notice, index: number, place: string): string {
  const lines = [`${index}. [${NOTICE_KIND_LABELS[n.kind]}] ${n.title} — ${place}`, n.text.trim()];
  if (n.link) lines.push(n.link);
  lines.push(`(${until(new Date(n.endsAt))})`);
  return lines.join("\n");
}
