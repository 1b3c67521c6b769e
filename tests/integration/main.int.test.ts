import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), "troly-main-"));
  dirs.push(d);
  return d;
}

/** Runs `tsx src/main.ts` with only the given variables (plus PATH/HOME), collecting output. */
function startMain(env: Record<string, string>) {
  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  child.stdout.on("data", (d) => (out += String(d)));
  child.stderr.on("data", (d) => (out += String(d)));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return { child, exited, output: () => out };
}

describe("main.ts (npm start)", () => {
  it("lists every bad variable and exits 1 on bad configuration", async () => {
    const run = startMain({ PORT: "not-a-port", LOG_LEVEL: "loud", DATA_DIR: tempDir() });
    expect(await run.exited).toBe(1);
    expect(run.output()).toMatch(/PORT/);
    expect(run.output()).toMatch(/LOG_LEVEL/);
    expect(run.output()).toContain(".env.example");
  });

  it("starts on the embedded defaults, answers, keeps a 0600 learner key, and stops cleanly on SIGTERM", async () => {
    const dataDir = tempDir();
    const run = startMain({ PORT: "0", DATA_DIR: dataDir, LOG_LEVEL: "info" });
    const started = Date.now();
    let url: string | undefined;
    while (!url && Date.now() - started < 60_000) {
      url = /Trợ lý số đang chạy tại (http:\/\/localhost:\d+)/.exec(run.output())?.[1];
      if (!url) await new Promise((r) => setTimeout(r, 100));
    }
    expect(url, run.output()).toBeDefined();
    const health = (await (await fetch(`${url}/health`)).json()) as { status: string; knowledgeVersion: string };
    expect(health.status).toBe("ok");
    expect(health.knowledgeVersion).toMatch(/^[0-9a-f]{8,}$/);
    const chat = await fetch(`${url}/api/chat`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ userId: "smoke", text: "xin chào" }),
    });
    expect(((await chat.json()) as { kind: string }).kind).toBe("greeting");
    expect(statSync(join(dataDir, "learner-id.key")).mode & 0o777).toBe(0o600);
    expect(statSync(join(dataDir, "tro-ly-so.sqlite")).isFile()).toBe(true);

    run.child.kill("SIGTERM");
    run.child.kill("SIGTERM"); // a second signal while closing must not break the shutdown
    expect(await run.exited).toBe(0);
    expect(run.output()).toContain("stopped");
  });
});
