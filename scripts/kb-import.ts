/**
 * npm run kb:import [-- --from DIR] — validates every lesson file in DIR (default knowledge/) with the same checks as
 * kb:check and the admin editor, and publishes each new or changed file as a new version (author "kb:import", note
 * "import"). Prints one line per file (thêm mới / thay đổi / không đổi / bị từ chối, with the reasons) and a summary;
 * a refused file changes nothing. Exit code 1 when a file was refused.
 */
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { loadConfig } from "../src/config.js";
import { importLessonFiles, type ImportOutcome } from "../src/publishing/import-files.js";
import { openLessonVersionStore } from "../src/storage/open-lesson-version-store.js";
import { evaluationQuestions } from "./eval-questions.js";
import { checkLessonText } from "../src/curriculum/index.js";

const { values } = parseArgs({ options: { from: { type: "string", default: "knowledge" } } });
const from = resolve(values.from ?? "knowledge");
const LABEL: Record<ImportOutcome, string> = { added: "thêm mới", changed: "thay đổi", unchanged: "không đổi", rejected: "bị từ chối" };

const store = await openLessonVersionStore(loadConfig(process.env).storage);
try {
  if ((await store.list()).length === 0) {
    console.error(
      "kb:import: cơ sở dữ liệu chưa có bài học nào. Hãy khởi động máy chủ một lần (npm start) để nạp các bài từ knowledge/, rồi chạy lại lệnh.",
    );
    process.exitCode = 1;
  } else {
    const evalQuestions = evaluationQuestions();
    const clock = () => new Date();
    const reports = await importLessonFiles(store, from, {
      author: "kb:import",
      note: "import",
      clock,
      // The same checks as kb:check, eval near-copies included.
      validate: (markdown, file, knownIds) => checkLessonText(markdown, file, { knownIds, today: clock(), evalQuestions }),
    });
    for (const r of reports) {
      const version = r.version !== undefined && r.outcome !== "rejected" ? ` (phiên bản ${r.version})` : "";
      console.log(`  ${LABEL[r.outcome].padEnd(10)} ${r.file}${version}`);
      for (const p of r.problems) console.log(`      dòng ${p.line}: ${p.messageVi ?? p.message}`);
      for (const w of r.warnings) console.log(`      lưu ý, dòng ${w.line}: ${w.messageVi ?? w.message}`);
    }
    const count = (o: ImportOutcome) => reports.filter((r) => r.outcome === o).length;
    console.log(
      `kb:import: ${reports.length} tệp — ${count("added")} thêm mới, ${count("changed")} thay đổi, ` +
        `${count("unchanged")} không đổi, ${count("rejected")} bị từ chối.`,
    );
    process.exitCode = count("rejected") > 0 ? 1 : 0;
  }
} finally {
  await store.close();
}
