/** A lesson as parsed from knowledge/<topic>/<id>.md (format: knowledge/README.md). */
export interface Lesson {
  id: string;
  title: string;
  topic: string;
  audience: string[];
  skill: SkillTag;
  sources: LessonSource[];
  /** YYYY-MM-DD */
  updated: string;
  timeSensitive: boolean;
  timeSensitiveReason?: string;
  effectiveFrom?: string;
  effectiveUntil?: string;
  /** YYYY-MM-DD: when the time-sensitive facts should be re-checked (front matter `review_by`). */
  reviewBy?: string;
  /** Lesson id that logically follows this one (front matter `next`). */
  next?: string;
  /** The one-sentence summary before the first section. */
  summary: string;
  sections: Section[];
  quiz: QuizItem[];
  /** Path relative to the knowledge directory, e.g. "vneid/vneid-cai-dat.md". */
  file: string;
}

export interface SkillTag {
  framework: string;
  code?: string;
  area: string;
  codeConfirmed: boolean;
}

export interface LessonSource {
  url: string;
  title: string;
  /** YYYY-MM-DD: when the source was read. */
  checked: string;
}

export interface Section {
  heading: string;
  /** ASCII slug of the heading, unique within the lesson. */
  slug: string;
  /** Section text without the questions block. */
  body: string;
  /** Text before the first numbered step (and outside the safety note). */
  lead: string;
  /** Numbered steps without their numbers. */
  steps: string[];
  /** The `**Lưu ý an toàn:**` paragraph, label removed. */
  safetyNote?: string;
  /** The `<!-- questions -->` paraphrases. */
  questions: string[];
  /** Internal links `[text](kb:<id>)` found in the body. */
  links: string[];
  /** 1-based line of the `##` heading in the file. */
  line: number;
  /** True for the section marked `<!-- act-now -->`: the steps an emergency question gets first. */
  actNow?: boolean;
  /** YYYY-MM-DD from `<!-- effective_from: … -->`: the section applies from 00:00 of this day, Vietnam time. */
  effectiveFrom?: string;
  /** YYYY-MM-DD from `<!-- effective_until: … -->`: the section applies until 23:59 of this day, Vietnam time. */
  effectiveUntil?: string;
}

export interface QuizItem {
  question: string;
  options: string[];
  /** 0-based index of the correct option. */
  answer: number;
  explanation: string;
}

/** A problem found while parsing or checking, pointing at a file and line. */
export interface Problem {
  file: string;
  line: number;
  /** English, for developers and the kb:check log (stable: tests and scripts match on it). */
  message: string;
  /** The same problem for a content editor at a commune office: what is wrong and what to do, in Vietnamese. */
  messageVi?: string;
}
