import { foldText } from "../../shared/fold.js";
import type { Feature, Turn } from "../feature.js";
import { richLines } from "../rich-text.js";
import { fixedReply } from "../templates.js";
import type { Reply } from "../types.js";
import { vietnamDay, type Notice } from "./notice.js";
import type { NoticeReader, Place } from "./ports.js";
import { NT, noticeItem, noticeNote } from "./texts.js";

export interface NoticesDeps {
  notices: NoticeReader;
  /**
   * The learner's locality from the learning profile; undefined (or no province) = the learner sees no notice.
   * `turn` lets the profile read be shared with the rest of the turn (oncePerTurn).
   */
  placeOf(learnerId: string, turn: Turn): Promise<Place | undefined>;
  /** A unit's name as people say it ("Phường Hoàn Kiếm", "Thành phố Hà Nội"). */
  placeName(code: string): Promise<string | undefined>;
  /** The topic of a lesson ("dvc", "safety"…), to match an answer's sources against notices' topics. */
  lessonTopic(lessonId: string): string | undefined;
  /** The lesson being read in this turn: lesson replies carry no sources. */
  openLesson?(turn: Turn): string | undefined;
  /** The action that lets a learner choose their locality (the learning feature's), offered by /thongbao. */
  placeAction?: string;
}

/** This feature's slice of the conversation state: which notices were appended today (Vietnam day), nothing more. */
interface NoticesState {
  day: string;
  shown: number[];
}

/** Whole messages (folded) asking for the list; "/thongbao" is matched as a command. */
const LIST_WORDS = new Set(["thong bao", "thongbao", "xem thong bao", "thong bao dia phuong"]);
const isListCommand = (text: string) => /^\/thongbao(?:@\S+)?$/i.test(text) || LIST_WORDS.has(foldText(text));

/**
 * Local notices for learners (issue 13): "/thongbao" (or "thông báo") lists the notices of the learner's locality,
 * and the decorator appends one relevant notice — at most once a day per notice and learner — to an answer or lesson
 * whose topic it names; scam alerts also go under the greeting and the lesson list. A learner without a locality in
 * their profile sees none, and group chats never get one (the group is not one locality).
 */
export function createNoticesFeature(deps: NoticesDeps): Feature {
  const nameOf = async (n: Notice) => (await deps.placeName(n.communeCode ?? n.provinceCode)) ?? NT.unknownPlace;

  async function listReply(turn: Turn): Promise<Reply> {
    const place = await deps.placeOf(turn.learnerId, turn);
    if (!place?.provinceCode) {
      const reply = fixedReply("info", NT.noPlace);
      return deps.placeAction && !turn.message.isGroup ? { ...reply, buttons: [{ label: NT.setPlace, action: deps.placeAction }] } : reply;
    }
    const here = (await deps.placeName(place.communeCode ?? place.provinceCode)) ?? NT.unknownPlace;
    const notices = await deps.notices.current(place, turn.now);
    if (!notices.length) return fixedReply("info", NT.none(here));
    const items = await Promise.all(notices.map(async (n, i) => noticeItem(n, i + 1, await nameOf(n))));
    // Read here, so the same notices are not appended to answers again today.
    markShown(turn, notices.map((n) => n.id));
    return fixedReply("info", [NT.listHeader(here), ...items].join("\n\n"));
  }

  async function decorate(turn: Turn, reply: Reply): Promise<Reply> {
    if (turn.message.isGroup || reply.throttled || reply.quiz) return reply;
    const want = wanted(turn, reply);
    if (!want) return reply;
    const place = await deps.placeOf(turn.learnerId, turn);
    if (!place?.provinceCode) return reply;
    const shown = shownToday(turn);
    const candidates = (await deps.notices.current(place, turn.now)).filter((n) => !shown.includes(n.id));
    // Scam alerts first: they are the ones that protect someone today.
    const ordered = [...candidates.filter((n) => n.kind === "scam"), ...candidates.filter((n) => n.kind !== "scam")];
    const notice = ordered.find((n) => (want === "scam" ? n.kind === "scam" : relates(n, want, turn.text)));
    if (!notice) return reply;
    markShown(turn, [notice.id]);
    const note = noticeNote(notice, await nameOf(notice));
    return { ...reply, text: `${reply.text}\n\n${note}`, ...(reply.rich ? { rich: [...reply.rich, { spans: [] }, ...richLines(note)] } : {}) };
  }

  /**
   * What this reply may carry: "scam" for the greeting and the lesson list, the topics of the answer's sections or
   * of the lesson being read, or nothing (help, quizzes, refusals, onboarding, later steps of a procedure).
   */
  function wanted(turn: Turn, reply: Reply): "scam" | Set<string> | undefined {
    if (reply.kind === "greeting") return "scam";
    if (reply.kind === "lesson" && isLessonList(reply)) return "scam";
    const lessons =
      reply.kind === "answer" || (reply.kind === "step" && !reply.stepIndex)
        ? reply.sources.map((s) => s.id)
        : reply.kind === "lesson"
          ? [deps.openLesson?.(turn)].filter((id): id is string => Boolean(id))
          : [];
    if (!lessons.length) return undefined;
    const topics = lessons.flatMap((id) => [id, deps.lessonTopic(id) ?? ""]).filter(Boolean);
    return new Set(topics.map(foldText));
  }

  return {
    name: "notices",
    async handle(turn) {
      if (turn.message.action || !isListCommand(turn.text)) return undefined;
      return listReply(turn);
    },
    decorate,
  };
}

/** The topic and lesson lists are menus of "ls:t:…" / "ls:o:…" buttons only; a lesson being read has others. */
function isLessonList(reply: Reply): boolean {
  return Boolean(reply.buttons?.length) && reply.buttons!.every((b) => /^ls:[to]:/.test(b.action));
}

/** A notice relates when one of its topics is the lesson's topic or id, or a keyword the learner's question uses. */
function relates(n: Notice, topics: Set<string>, question: string): boolean {
  const words = ` ${foldText(question)} `;
  return n.topics.some((t) => {
    const folded = foldText(t);
    return folded.length > 0 && (topics.has(folded) || words.includes(` ${folded} `));
  });
}

function noticesState(turn: Turn): NoticesState {
  const today = vietnamDay(turn.now);
  const s = turn.state.notices as NoticesState | undefined;
  return s && s.day === today && Array.isArray(s.shown) ? s : { day: today, shown: [] };
}

function shownToday(turn: Turn): number[] {
  return noticesState(turn).shown;
}

/** Remembers the notices shown today; yesterday's list is dropped, so the state stays a handful of numbers. */
function markShown(turn: Turn, ids: number[]): void {
  const s = noticesState(turn);
  turn.state.notices = { day: s.day, shown: [...new Set([...s.shown, ...ids])] } satisfies NoticesState;
}
