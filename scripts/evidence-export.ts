/**
 * npm run evidence:export -- --format jsonl|csv --out file [--since ISO] [--until ISO]
 * Writes every stored xAPI statement (append-only evidence) as JSON Lines or a flat CSV, page by page.
 */
import { createWriteStream } from "node:fs";
import { once } from "node:events";
import { parseArgs } from "node:util";
import { verbName } from "../src/assistant/learning/index.js";
import type { XapiStatement } from "../src/assistant/learning/index.js";
import { csvCell } from "../src/assistant/learning/report.js";
import { loadConfig } from "../src/config.js";
import { openLearningStore } from "../src/storage/learning/open-learning-store.js";

const { values } = parseArgs({
  options: { format: { type: "string", default: "jsonl" }, out: { type: "string" }, since: { type: "string" }, until: { type: "string" } },
});
if (!values.out || !["jsonl", "csv"].includes(values.format ?? "")) {
  console.error("usage: npm run evidence:export -- --format jsonl|csv --out <file> [--since ISO] [--until ISO]");
  process.exit(2);
}
const iso = (s?: string) => (s ? new Date(s).toISOString() : undefined);
const CSV_HEADER = ["id", "timestamp", "learner", "verb", "object", "registration", "platform", "score_raw", "score_max", "success", "duration"];
function csvRow(s: XapiStatement): string {
  return [s.id, s.timestamp, s.actor.account.name, verbName(s.verb.id) ?? s.verb.id, s.object.id, s.context.registration, s.context.platform,
    s.result?.score?.raw ?? "", s.result?.score?.max ?? "", s.result?.success === undefined ? "" : String(s.result.success), s.result?.duration ?? ""]
    .map(csvCell).join(",");
}

const config = loadConfig(process.env);
const store = await openLearningStore(config.storage);
const out = createWriteStream(values.out);
const write = async (line: string) => {
  if (!out.write(`${line}\n`)) await once(out, "drain");
};
let total = 0;
try {
  if (values.format === "csv") await write(CSV_HEADER.join(","));
  let afterSeq = 0;
  for (;;) {
    const page = await store.queryStatements({ since: iso(values.since), until: iso(values.until), afterSeq, limit: 1000 });
    for (const r of page) await write(values.format === "csv" ? csvRow(r.statement) : JSON.stringify(r.statement));
    total += page.length;
    if (page.length) process.stderr.write(`evidence:export: ${total} statements…\r`);
    const last = page.at(-1);
    if (!last || page.length < 1000) break;
    afterSeq = last.seq;
  }
  out.end();
  await once(out, "finish");
  console.log(`evidence:export: done — ${total} statements written to ${values.out} (${values.format})`);
} finally {
  await store.close();
}
