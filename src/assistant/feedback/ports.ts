/**
 * 👍 / 👎 on answers (issue 13). Only the question (redacted) and which answer was given are kept — never who asked —
 * so the knowledge team can see what the assistant got wrong. Implemented by the storage adapters.
 */
export interface FeedbackLog {
  /** `text`: the learner's question, already redacted; `answerRef`: a section id ("lesson#section") or "curated:<id>". */
  record(entry: { text: string; answerRef: string; vote: "up" | "down" }): Promise<void>;
}
