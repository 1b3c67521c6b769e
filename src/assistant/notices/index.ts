/** Public API of local notices (issue 13): the learner feature, the rules and the storage ports. */
export { createNoticesFeature, type NoticesDeps } from "./notices-feature.js";
export {
  instantOf,
  isCurrent,
  noticeProblems,
  vietnamDay,
  vietnameseDate,
  NOTICE_KIND_LABELS,
  NOTICE_KINDS,
  NOTICE_LINK_MAX,
  NOTICE_TEXT_MAX,
  NOTICE_TITLE_MAX,
  NOTICE_TOPIC_MAX,
  NOTICE_TOPICS_MAX,
  type Notice,
  type NoticeInput,
  type NoticeKind,
  type NoticeProblem,
} from "./notice.js";
export type { NoticeReader, NoticeStore, Place } from "./ports.js";
