import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import type { IncomingMessage, Reply } from "../../../src/assistant/types.js";

const child = fileURLToPath(new URL("./quiz-child.ts", import.meta.url));
const tsx = fileURLToPath(new URL("../../../node_modules/.bin/tsx", import.meta.url));

function start(file: string) {
  const proc = spawn(tsx, [child, file], { stdio: ["pipe", "pipe", "pipe"] }) as ChildProcessWithoutNullStreams;
  const lines = createInterface({ input: proc.stdout })[Symbol.asyncIterator]();
  let stderr = "";
  proc.stderr.on("data", (d) => (stderr += String(d)));
  const send = (m: Partial<IncomingMessage>) => proc.stdin.write(`${JSON.stringify({ channel: "telegram", userId: "42", ...m })}\n`);
  const ask = async (m: Partial<IncomingMessage>): Promise<Reply> => {
    send(m);
    const next = await lines.next();
    if (next.done) throw new Error(`child exited: ${stderr}`);
    return JSON.parse(next.value) as Reply;
  };
  return { proc, send, ask };
}

const answerOf = (r: Reply) => `${r.quiz!.answerActionPrefix}${r.quiz!.correctIndex}`;

describe("quiz survives SIGKILL mid-attempt", () => {
  it("resumes at the same question and order, with every answer recorded exactly once", async () => {
    const file = join(mkdtempSync(join(tmpdir(), "crash-")), "learning.sqlite");
    const a = start(file);
    await a.ask({ action: "ob:yes" });
    const q1 = await a.ask({ action: "qz:s:l-two" });
    expect(q1.quiz?.position).toBe(1);
    const q2 = await a.ask({ action: answerOf(q1), deliveryId: "u1" });
    expect(q2.quiz?.position).toBe(2);
    // Answer question 2 and kill the process before (or while) it replies: the answer may or may not be committed.
    a.send({ action: answerOf(q2), deliveryId: "u2" });
    a.proc.kill("SIGKILL");
    await new Promise((r) => a.proc.once("exit", r));

    const b = start(file);
    // The platform redelivers the unacknowledged update.
    const afterRedelivery = await b.ask({ action: answerOf(q2), deliveryId: "u2" });
    expect(afterRedelivery.quiz?.position).toBe(3);
    // A break: /kiemtra shows the same question 3 with the same option order.
    const resumed = await b.ask({ text: "/kiemtra" });
    expect(resumed.quiz?.position).toBe(3);
    expect(resumed.quiz?.options).toEqual(afterRedelivery.quiz?.options);
    // Duplicate delivery of the old answer to question 1 changes nothing.
    const dup = await b.ask({ action: answerOf(q1), deliveryId: "u1" });
    expect(dup.text).toContain("đã trả lời");
    const end = await b.ask({ text: String(resumed.quiz!.correctIndex + 1) });
    expect(end.text).toContain("ĐẠT");
    b.proc.kill("SIGKILL");
    await new Promise((r) => b.proc.once("exit", r));

    const db = new Database(file, { readonly: true });
    const rows = db.prepare("SELECT id, verb, activity_id FROM xapi_statements ORDER BY seq").all() as Array<{ id: string; verb: string; activity_id: string }>;
    const outbox = db.prepare("SELECT COUNT(*) AS n FROM xapi_outbox").get() as { n: number };
    db.close();
    expect(rows.map((r) => `${r.verb} ${r.activity_id.replace("https://troly.so/quiz/l-two", "")}`)).toEqual([
      "answered /question/1",
      "answered /question/2",
      "answered /question/3",
      "passed ",
    ]);
    expect(new Set(rows.map((r) => r.id)).size).toBe(4);
    expect(outbox.n).toBe(4);
  });
});
