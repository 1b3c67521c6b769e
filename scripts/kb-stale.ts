/**
 * npm run kb:stale [-- --within 60] — lessons whose review_by date has passed (or falls within N days), soonest
 * first, with their time-sensitive reason and sources: what an admin re-checks first.
 */
import { resolve } from "node:path";
import { loadKnowledge, staleLessons } from "../src/curriculum/index.js";

const args = process.argv.slice(2);
const within = Number(args[args.indexOf("--within") + 1] ?? 0) || 0;
const { lessons } = loadKnowledge(resolve("knowledge"));
const stale = staleLessons(lessons, new Date(), within);
for (const l of stale) {
  console.log(`${l.reviewBy}  ${l.file}  ${l.title}`);
  if (l.timeSensitiveReason) console.log(`            why: ${l.timeSensitiveReason}`);
  for (const s of l.sources) console.log(`            ${s.url} (đọc ${s.checked})`);
}
const dated = lessons.filter((l) => l.reviewBy).length;
console.log(`\n${stale.length} of ${dated} lessons with a review_by date are due${within ? ` within ${within} days` : ""} (${lessons.length} lessons in all).`);
