/**
 * `npm run fault` scenario d: the embeddings / LLM endpoints down and hanging. The measuring is
 * scripts/fault-embeddings-llm.ts (npm run fault:endpoints); this runs it with a small question count and turns its
 * "down" and "hanging" rows into summary rows, so there is one implementation of that scenario.
 */
import { spawn } from "node:child_process";
import type { ScenarioRow } from "./fault-sqlite.js";

const QUESTIONS = 12;

export async function endpointScenarios(): Promise<ScenarioRow[]> {
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/fault-embeddings-llm.ts", "--questions", String(QUESTIONS)], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  child.stdout.on("data", (d: Buffer) => (out += String(d)));
  child.stderr.on("data", (d: Buffer) => process.stderr.write(`  ${String(d).trimEnd().split("\n").join("\n  ")}\n`));
  const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
  if (code !== 0) throw new Error(`fault-embeddings-llm.ts exited with code ${code}`);
  const lines = out.split("\n");
  const rows: ScenarioRow[] = [];
  for (const name of ["down", "hanging"]) {
    const line = lines.find((l) => l.startsWith(name.padEnd(9)));
    // scenario asked answered right-lesson other-polite errors p50 max >3s calls skipped /health… /ready
    const cells = line?.trim().split(/\s+/) ?? [];
    const [asked, answered, right, polite, errors, p50, max] = cells.slice(1, 8).map(Number);
    if (!line || [asked, answered, polite, errors, max].some((n) => n === undefined || Number.isNaN(n))) {
      throw new Error(`no "${name}" row in fault-embeddings-llm.ts's output`);
    }
    const health = /(ok|degraded) \(embeddings \w+, llm \w+\)/.exec(line)?.[0] ?? "?";
    rows.push({
      scenario: `d endpoints ${name}`,
      sent: asked!,
      acked: answered! + polite!,
      lost: 0,
      duplicated: 0,
      serverErrors: errors!,
      slowestPoliteMs: max!,
      notes: [`${answered} answered from the knowledge base (${right} from the expected lesson), ${polite} other polite replies; p50 ${p50} ms; /health ${health}`],
    });
  }
  return rows;
}
