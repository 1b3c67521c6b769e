/**
 * The assistant's own message types. Every channel (web, Telegram, Zalo, CLI) translates its platform updates into
 * an IncomingMessage and renders a Reply back; nothing here knows about any platform.
 */

export type ChannelName = "web" | "telegram" | "zalo" | "cli";

/** Channels that render Reply.buttons as tap targets; the others turn them into typed menus. */
export function channelHasButtons(channel: ChannelName): boolean {
  return channel !== "zalo";
}

/** One turn from a user, already stripped of platform details (bot mentions, /hoi prefixes in groups, ...). */
export interface IncomingMessage {
  channel: ChannelName;
  /** Platform user id, scoped to the channel. Never stored as is: the core turns it into an opaque learner id. */
  userId: string;
  /** Platform chat id when it differs from the user (groups). */
  chatId?: string;
  /** True in group chats: the core keeps replies short and never starts onboarding there. */
  isGroup?: boolean;
  /** What the user typed (may be empty when `action` is set). */
  text?: string;
  /** A button payload (≤ 64 bytes, see Button.action) or a quiz-poll answer translated by the channel. */
  action?: string;
  /** Delivery id from the platform (update_id, message_id) — lets evidence writes stay idempotent on redelivery. */
  deliveryId?: string;
}

/** A citation shown under an answer. */
export interface SourceRef {
  /** Lesson id (knowledge/<topic>/<id>.md). */
  id: string;
  title: string;
  /** The `##` section the answer came from. */
  section: string;
  /** First recorded source of the lesson (official page). */
  url: string;
  /** Lesson `updated` date, YYYY-MM-DD. */
  updated: string;
}

/** A tap target. `action` is a short opaque payload (≤ 64 bytes: Telegram's callback_data limit). */
export interface Button {
  label: string;
  action: string;
}

/**
 * One multiple-choice question, ready to render as a Telegram quiz poll, inline buttons or a numbered text menu.
 * The server alone grades: `correctIndex` and `explanation` are the answer key and must never reach code that runs
 * on the learner's device (the web API strips them, see http/chat-route.ts).
 */
export interface QuizPrompt {
  /**
   * Short id of the attempt + question, used to build answer actions: `${answerActionPrefix}${optionIndex}`. Because
   * the question is in the action, a stale or repeated answer never answers the next question.
   */
  answerActionPrefix: string;
  question: string;
  options: string[];
  /** Answer key, only for Telegram's native quiz polls (sent to Telegram's servers, not to the learner's client). */
  correctIndex: number;
  /** Answer key: shown by Telegram after a poll answer; other channels get it in the feedback text after answering. */
  explanation: string;
  /** 1-based position in the quiz and the quiz length, for "Câu 2/5". */
  position: number;
  total: number;
}

/** A run of text in a formatted line; `strong` marks emphasis such as the "Lưu ý an toàn:" label. */
export interface RichSpan {
  text: string;
  strong?: boolean;
}

/**
 * One line of formatted text (an empty `spans` is a blank line between paragraphs). `bullet` lines are list items;
 * their plain form starts with "• ". The core never hands channels Markdown: lesson text arrives as these lines.
 */
export interface RichLine {
  spans: RichSpan[];
  bullet?: boolean;
}

export type ReplyKind =
  | "answer"
  | "step"
  | "refusal"
  | "greeting"
  | "help"
  | "lesson"
  | "quiz"
  | "progress"
  | "info"
  | "error";

/** What the core answers. `text` is complete plain text (Vietnamese); channels may add formatting around it. */
export interface Reply {
  kind: ReplyKind;
  text: string;
  /** All steps of a procedure answer (step mode shows one at a time; "Xem tất cả" shows these). */
  steps?: string[];
  /** 0-based index of the step shown in `text` when kind === "step". */
  stepIndex?: number;
  buttons?: Button[];
  quiz?: QuizPrompt;
  /**
   * The same content as `text`, line for line, with emphasis and list items kept, for channels that can show them
   * (web HTML, Telegram HTML). Plain-text channels (Zalo, terminal) use `text`, which carries no markup.
   */
  rich?: RichLine[];
  sources: SourceRef[];
  /** 0..1 calibrated retrieval confidence; 1 for fixed replies (greeting, help, commands). */
  confidence: number;
  /**
   * Set when the turn was not processed because the learner sends too fast (rate limit or full queue, see
   * turn-limits.ts): the web API answers HTTP 429 with the text, chat apps send the text as a normal reply.
   */
  throttled?: boolean;
}

/** The single entry point every channel calls. */
export interface Assistant {
  handle(message: IncomingMessage): Promise<Reply>;
}
