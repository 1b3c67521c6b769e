import { contentTokens, jaccard } from "../assistant/curated/match.js";

/**
 * The unanswered inbox (issue 13): questions the assistant refused, was unsure about, or got a 👎 for, grouped by
 * similarity so the knowledge team works on "what people keep asking" rather than on single texts. Texts arrive
 * redacted (the logs redact before storing), and nothing here names who asked.
 */
export type InboxReason = "out_of_scope" | "low_confidence" | "not_helpful";

export interface InboxItem {
  text: string;
  reason: InboxReason;
  count: number;
  lastAt: string;
  /** For 👎: the answer that was given (section id or "curated:<id>"). */
  answerRef?: string;
}

/** Reads the 👎 side of the inbox (the refused/unsure side is the UnansweredLog). */
export interface FeedbackReader {
  /** Most frequent first. */
  notHelpful(limit: number): Promise<Array<{ text: string; answerRef: string; count: number; lastAt: string }>>;
}

export type InboxDecisionKind = "out_of_scope" | "needs_section" | "curated";

/** What was done about a question text; decided texts leave the open inbox. */
export interface InboxDecision {
  text: string;
  decision: InboxDecisionKind;
  /** For "needs_section": what the knowledge editors should write; for "curated": nothing. */
  note?: string;
  curatedId?: number;
  decidedBy: string;
  decidedAt: string;
}

export interface InboxDecisions {
  /** Newest first. */
  list(): Promise<InboxDecision[]>;
  /** Records (or replaces) the decision for each text. */
  decide(texts: readonly string[], decision: Omit<InboxDecision, "text">): Promise<void>;
  /**
   * Deletes decisions taken before `before` (they hold question texts, so they follow QUESTION_RETENTION_DAYS like
   * the logs they were taken on; by then those rows are gone too). Returns how many went.
   */
  deleteBefore(before: Date): Promise<number>;
}

export interface InboxGroup {
  /** Stable within one listing: the representative text (the group's most frequent). */
  key: string;
  total: number;
  reasons: Partial<Record<InboxReason, number>>;
  /** Most frequent first, at most five. */
  examples: Array<{ text: string; count: number }>;
  /** Every text in the group (the page sends them back with an action). */
  texts: string[];
  /** The answers given to the 👎 questions, most frequent first. */
  answers: Array<{ ref: string; count: number }>;
  lastAt: string;
}

/** Two texts are "the same question" at or above this folded-token Jaccard score. */
export const GROUP_THRESHOLD = 0.5;

/**
 * Groups items greedily, most frequent first: each item joins the first group whose representative it resembles
 * (folded content tokens, Jaccard ≥ threshold), else starts a new one. Deterministic: the same input always gives
 * the same groups, in the same order (total count, then latest, then text).
 */
export function groupInbox(items: readonly InboxItem[], threshold = GROUP_THRESHOLD): InboxGroup[] {
  const sorted = [...items].sort((a, b) => b.count - a.count || b.lastAt.localeCompare(a.lastAt) || a.text.localeCompare(b.text));
  const groups: Array<{ tokens: Set<string>; items: InboxItem[] }> = [];
  for (const item of sorted) {
    const tokens = contentTokens(item.text);
    const home = groups.find((g) => jaccard(g.tokens, tokens) >= threshold || (g.tokens.size === 0 && tokens.size === 0));
    if (home) home.items.push(item);
    else groups.push({ tokens, items: [item] });
  }
  return groups.map(({ items: members }) => summarise(members)).sort(
    (a, b) => b.total - a.total || b.lastAt.localeCompare(a.lastAt) || a.key.localeCompare(b.key),
  );
}

function summarise(members: InboxItem[]): InboxGroup {
  const byText = new Map<string, number>();
  const answers = new Map<string, number>();
  const reasons: Partial<Record<InboxReason, number>> = {};
  let lastAt = "";
  for (const m of members) {
    byText.set(m.text, (byText.get(m.text) ?? 0) + m.count);
    reasons[m.reason] = (reasons[m.reason] ?? 0) + m.count;
    if (m.answerRef) answers.set(m.answerRef, (answers.get(m.answerRef) ?? 0) + m.count);
    if (m.lastAt > lastAt) lastAt = m.lastAt;
  }
  const ranked = [...byText].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  return {
    key: ranked[0]?.[0] ?? "",
    total: members.reduce((n, m) => n + m.count, 0),
    reasons,
    examples: ranked.slice(0, 5).map(([text, count]) => ({ text, count })),
    texts: ranked.map(([text]) => text),
    answers: [...answers].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([ref, count]) => ({ ref, count })),
    lastAt,
  };
}
