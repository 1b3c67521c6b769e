/**
 * npm run kb:export [-- --out DIR] — writes the live Markdown of every lesson in the configured database to
 * DIR/<topic>/<id>.md (default knowledge/), byte for byte as stored; retired lessons are listed, not written.
 * Messages are in Vietnamese: the people who run it are content editors as often as developers.
 */
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { loadConfig } from "../src/config.js";
import { exportLessonFiles } from "../src/publishing/export-files.js";
import { openLessonVersionStore } from "../src/storage/open-lesson-version-store.js";

const { values } = parseArgs({ options: { out: { type: "string", default: "knowledge" } } });
const out = resolve(values.out ?? "knowledge");
const store = await openLessonVersionStore(loadConfig(process.env).storage);
try {
  if ((await store.list()).length === 0) {
    console.error(
      "kb:export: cơ sở dữ liệu chưa có bài học nào. Hãy khởi động máy chủ một lần (npm start) để nạp các bài từ knowledge/, rồi chạy lại lệnh.",
    );
    process.exitCode = 1;
  } else {
    const { written, retired } = await exportLessonFiles(store, out);
    for (const w of written) console.log(`  ${w.file} (phiên bản ${w.version})`);
    if (retired.length) console.log(`Bài đã ngừng dùng, không ghi ra tệp: ${retired.join(", ")}`);
    console.log(`kb:export: đã ghi ${written.length} bài vào ${out}${retired.length ? `; ${retired.length} bài đã ngừng dùng không được ghi` : ""}.`);
  }
} finally {
  await store.close();
}
