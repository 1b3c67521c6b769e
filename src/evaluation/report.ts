import { PHRASINGS } from "./field-set.js";
import { rate, SYSTEMS, type AnswerReport, type Tally } from "./answer-eval.js";
import type { DialogueResult } from "./dialogues.js";

const pct = (t: Tally | undefined) => (t && t.total > 0 ? `${(rate(t) * 100).toFixed(1)}%`.padStart(6) : "     –");

/** The side-by-side table: per topic × phrasing, the assistant beside the naive baselines of the same run. */
export function formatAnswerReport(report: AnswerReport, title: string): string {
  const topics = [...new Set([...report.tallies.assistant.keys()].map((k) => k.split("|")[0] ?? ""))]
    .filter((t) => t !== "ALL" && t !== "out_of_scope")
    .sort();
  const header = `${"topic".padEnd(14)}${PHRASINGS.map((p) => SYSTEMS.map((s) => `${p.slice(0, 4)}:${s === "assistant" ? "ours" : s === "baseline" ? "bm25" : "bm25×3"}`.padStart(13)).join("")).join(" ")}`;
  const row = (topic: string, label = topic) => {
    const n = report.tallies.assistant.get(`${topic}|accented`)?.total ?? 0;
    return `${`${label} (${n})`.padEnd(14)}${PHRASINGS.map((p) => SYSTEMS.map((s) => pct(report.tallies[s].get(`${topic}|${p}`)).padStart(13)).join("")).join(" ")}`;
  };
  const lines = [title, header, ...topics.map((t) => row(t)), row("ALL", "ALL in scope"), row("out_of_scope", "out of scope")];
  lines.push(`must-not hits: ours ${report.mustNotHits.assistant}, bm25 ${report.mustNotHits.baseline}, bm25×3 ${report.mustNotHits["baseline-top3"]}`);
  if (report.answerChars.length > 0) {
    const sorted = [...report.answerChars].sort((a, b) => a - b);
    const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
    lines.push(`first-reply length before the source line (in-scope answers): median ${at(0.5)} chars, p90 ${at(0.9)} chars`);
  }
  const ours = PHRASINGS.map((p) => rate(report.tallies.assistant.get(`ALL|${p}`)));
  const base = PHRASINGS.map((p) => rate(report.tallies.baseline.get(`ALL|${p}`)));
  const margin = Math.min(...ours.map((o, i) => o - (base[i] ?? 0)));
  lines.push(`lowest margin over the naive baseline (per phrasing): ${(margin * 100).toFixed(1)} points`);
  return lines.join("\n");
}

export function formatDialogueReport(results: readonly DialogueResult[], title: string, showFailures: boolean): string {
  const passed = results.filter((r) => r.pass).length;
  const lines = [`${title}: ${passed}/${results.length} dialogues pass (${((passed / Math.max(results.length, 1)) * 100).toFixed(1)}%)`];
  if (showFailures) for (const r of results.filter((x) => !x.pass)) lines.push(`  ✗ ${r.id}: ${r.failures.join(" | ")}`);
  return lines.join("\n");
}
