/**
 * npm run kb:check [-- --dir knowledge] [-- --vi] — validates every lesson file and prints one line per problem
 * (file:line: message; with --vi also the Vietnamese explanation an editor reads in the admin), then coverage per topic. Exit code 1 when any problem is found or a topic is under its
 * minimum (pass --no-coverage-gate to only report coverage).
 */
import { resolve } from "node:path";
import { checkKnowledge } from "../src/curriculum/check.js";
import { AUDIENCES, type Problem } from "../src/curriculum/index.js";
import { evaluationQuestions } from "./eval-questions.js";
import { findUnsafeInstruction } from "../src/assistant/index.js";
import { answerUnits } from "../src/assistant/answering/answer-units.js";
import { composeAnswer } from "../src/assistant/answering/compose-answer.js";
import { lessonsToChunks } from "../src/retrieval/index.js";

const args = process.argv.slice(2);
const dirIndex = args.indexOf("--dir");
const dir = resolve((dirIndex >= 0 ? args[dirIndex + 1] : undefined) ?? "knowledge");
const coverageGate = !args.includes("--no-coverage-gate");
const vietnamese = args.includes("--vi");

const report = checkKnowledge(dir, new Date(), evaluationQuestions());
// The answer path's own safety guard over every section as it can be shown: a section it would block is refused at
// run time, so it is a knowledge problem now, not a surprise for a citizen later.
for (const lesson of report.lessons) {
  for (const chunk of lessonsToChunks([lesson])) {
    const clause = [composeAnswer(chunk).fullText, ...answerUnits(chunk).map((u) => u.text)].map(findUnsafeInstruction).find(Boolean);
    if (clause) {
      report.problems.push({
        file: lesson.file,
        line: lesson.sections.find((x) => chunk.section === x.heading)?.line ?? 1,
        message: `the answer safety guard blocks this section ("${clause}"): reword it`,
        messageVi: `Bộ lọc an toàn của trợ lý sẽ chặn mục này (“${clause}”): hãy viết lại câu đó thành lời cảnh báo.`,
      });
    }
  }
}
const print = (mark: string, p: Problem) => {
  console.log(`${mark} knowledge/${p.file}:${p.line}: ${p.message}`);
  if (vietnamese && p.messageVi) console.log(`    ${p.messageVi}`);
};
for (const p of report.problems) print("✗", p);
for (const w of report.warnings) print("!", w);

console.log("\nCoverage (lessons per topic, minimum in brackets):");
let under = 0;
for (const c of report.coverage) {
  const ok = c.count >= c.minimum;
  if (!ok) under++;
  console.log(`  ${ok ? "✓" : "✗"} ${c.topic.padEnd(9)} ${String(c.count).padStart(3)}  [≥ ${c.minimum}]`);
}
console.log("\nLessons per target group (a lesson may serve several):");
for (const group of AUDIENCES) {
  console.log(`  ${group.padEnd(14)} ${String(report.lessons.filter((l) => l.audience.includes(group)).length).padStart(3)}`);
}
console.log(
  `\n${report.lessons.length} lessons, ${report.sections} sections, ${report.quizQuestions} quiz questions; ` +
    `${report.problems.length} problems, ${report.warnings.length} warnings${under ? `, ${under} topics under minimum` : ""}.`,
);
process.exitCode = report.problems.length > 0 || (coverageGate && under > 0) ? 1 : 0;
