/**
 * Local notices (issue 13): a short text an admin or editor of a commune/ward (or a province) publishes for the
 * learners of that locality — the one-stop desk's opening hours, this week's "Bình dân học vụ số" class, a local scam
 * alert. Pure types and rules; storage is behind ports.ts, the learner side in notices-feature.ts.
 */

export const NOTICE_KINDS = ["hours", "class", "scam", "other"] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];

/** What admins and learners read for each kind. */
export const NOTICE_KIND_LABELS: Record<NoticeKind, string> = {
  hours: "Giờ làm việc",
  class: "Lớp học",
  scam: "Cảnh báo lừa đảo",
  other: "Khác",
};

/** The fields an admin writes. */
export interface NoticeInput {
  /** Administrative-unit codes (the learning store's units): a province, and optionally one of its communes/wards. */
  provinceCode: string;
  communeCode?: string;
  kind: NoticeKind;
  title: string;
  /** Plain text, at most NOTICE_TEXT_MAX characters; phone numbers are kept as the admin wrote them. */
  text: string;
  /** An https:// address for more detail (the commune's page, the class registration form). */
  link?: string;
  /** Shown from `startsAt` (inclusive) until `endsAt` (exclusive), ISO instants. */
  startsAt: string;
  endsAt: string;
  /** Lesson topics ("dvc", "safety", "vneid"), lesson ids or keywords ("căn cước") the notice relates to. */
  topics: string[];
}

export interface Notice extends NoticeInput {
  id: number;
  /** Who wrote it last (account username), for the admin list; the audit log keeps the full history. */
  updatedBy: string;
  createdAt: string;
  updatedAt: string;
}

export const NOTICE_TITLE_MAX = 100;
export const NOTICE_TEXT_MAX = 500;
export const NOTICE_LINK_MAX = 300;
export const NOTICE_TOPICS_MAX = 10;
export const NOTICE_TOPIC_MAX = 40;
/** A notice is about this week or this season, not forever: a forgotten one stops by itself within a year. */
export const NOTICE_WINDOW_MAX_DAYS = 366;

const CODE = /^[0-9A-Za-z_-]{1,20}$/;
const TAG = /<\/?[a-z!][^>]*>/i;
/** Control characters other than the line break: invisible in every channel, and a way to smuggle formatting. */
const CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f]/;

/** One problem with a field, in plain Vietnamese for the admin page. */
export interface NoticeProblem {
  field: keyof NoticeInput;
  messageVi: string;
}

/**
 * Every rule a notice must meet before it is stored; an empty list means it may be saved. The route has already
 * checked the JSON shape; these are the rules an admin can break while writing.
 */
export function noticeProblems(n: NoticeInput): NoticeProblem[] {
  const problems: NoticeProblem[] = [];
  const add = (field: keyof NoticeInput, messageVi: string) => problems.push({ field, messageVi });
  if (!CODE.test(n.provinceCode)) add("provinceCode", "Mã tỉnh/thành phố không hợp lệ.");
  if (n.communeCode !== undefined && !CODE.test(n.communeCode)) add("communeCode", "Mã xã/phường không hợp lệ.");
  if (!NOTICE_KINDS.includes(n.kind)) add("kind", "Loại thông báo phải là giờ làm việc, lớp học, cảnh báo lừa đảo hoặc khác.");
  if (!n.title.trim()) add("title", "Cần có tiêu đề.");
  else if (n.title.length > NOTICE_TITLE_MAX) add("title", `Tiêu đề dài tối đa ${NOTICE_TITLE_MAX} ký tự.`);
  else if (/[\n\r]/.test(n.title) || CONTROL.test(n.title)) add("title", "Tiêu đề chỉ gồm một dòng chữ.");
  if (!n.text.trim()) add("text", "Cần có nội dung thông báo.");
  else if (n.text.length > NOTICE_TEXT_MAX) add("text", `Nội dung dài tối đa ${NOTICE_TEXT_MAX} ký tự (hiện có ${n.text.length}).`);
  else if (CONTROL.test(n.text)) add("text", "Nội dung có ký tự điều khiển không hiển thị được; hãy gõ lại.");
  // Plain text everywhere (Telegram HTML, Zalo, the web page): markup would show as code or, worse, be rendered.
  if (TAG.test(n.title) || TAG.test(n.text)) add(TAG.test(n.text) ? "text" : "title", "Chỉ viết chữ thường, không dùng thẻ HTML.");
  if (n.link !== undefined && !isHttpsLink(n.link)) add("link", "Đường dẫn phải bắt đầu bằng https:// và là một địa chỉ web hợp lệ.");
  const starts = Date.parse(n.startsAt);
  const ends = Date.parse(n.endsAt);
  if (Number.isNaN(starts)) add("startsAt", "Ngày bắt đầu không hợp lệ.");
  if (Number.isNaN(ends)) add("endsAt", "Ngày kết thúc không hợp lệ.");
  if (!Number.isNaN(starts) && !Number.isNaN(ends)) {
    if (ends <= starts) add("endsAt", "Ngày kết thúc phải sau ngày bắt đầu.");
    else if (ends - starts > NOTICE_WINDOW_MAX_DAYS * 86_400_000) add("endsAt", "Một thông báo hiển thị tối đa một năm.");
  }
  if (n.topics.length > NOTICE_TOPICS_MAX) add("topics", `Tối đa ${NOTICE_TOPICS_MAX} chủ đề.`);
  if (n.topics.some((t) => !t.trim() || t.length > NOTICE_TOPIC_MAX || TAG.test(t))) {
    add("topics", `Mỗi chủ đề là một từ khoá ngắn (tối đa ${NOTICE_TOPIC_MAX} ký tự), ví dụ: dvc, safety, vneid.`);
  }
  return problems;
}

function isHttpsLink(link: string): boolean {
  if (link.length > NOTICE_LINK_MAX || /\s/.test(link)) return false;
  try {
    const url = new URL(link);
    return url.protocol === "https:" && !url.username && !url.password && url.hostname.includes(".");
  } catch {
    return false;
  }
}

/** True while the notice is in its window: never before it starts, never once it has ended. */
export function isCurrent(n: Pick<Notice, "startsAt" | "endsAt">, now: Date): boolean {
  const t = now.getTime();
  return Date.parse(n.startsAt) <= t && t < Date.parse(n.endsAt);
}

/** Learners and admins live in Vietnam time (UTC+7, no daylight saving): "a day" and typed dates are in it. */
const VN_OFFSET_MS = 7 * 3_600_000;

/** The Vietnam calendar day of an instant, "YYYY-MM-DD". */
export function vietnamDay(at: Date): string {
  return new Date(at.getTime() + VN_OFFSET_MS).toISOString().slice(0, 10);
}

/**
 * An admin's date ("2026-12-01") as an instant: the start of that Vietnam day, or with `endOfDay` the start of the
 * next one (an end date is inclusive for people, exclusive in the window). Full ISO instants pass through.
 */
export function instantOf(value: string, endOfDay = false): string | undefined {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const start = Date.parse(`${value}T00:00:00+07:00`);
    if (Number.isNaN(start)) return undefined;
    return new Date(start + (endOfDay ? 86_400_000 : 0)).toISOString();
  }
  const t = Date.parse(value);
  return Number.isNaN(t) || !/^\d{4}-\d{2}-\d{2}T/.test(value) ? undefined : new Date(t).toISOString();
}

/** "31/12/2026": the Vietnam day an instant falls on, as people write it. */
export function vietnameseDate(at: Date): string {
  const [y, m, d] = vietnamDay(at).split("-");
  return `${d}/${m}/${y}`;
}
