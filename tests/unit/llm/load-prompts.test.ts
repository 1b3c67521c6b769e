import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { TEMPLATE_NAMES } from "../../../src/assistant/index.js";
import { loadTemplates } from "../../../src/llm/load-prompts.js";

describe("loadTemplates", () => {
  it("loads every shipped template, non-empty and NFC", async () => {
    const templates = await loadTemplates("prompts", TEMPLATE_NAMES);
    for (const name of TEMPLATE_NAMES) {
      expect(templates[name].length).toBeGreaterThan(20);
      expect(templates[name]).toBe(templates[name].normalize("NFC"));
    }
    expect(templates.refusal).toMatch(/113/);
    expect(templates.refusal).toMatch(/115/);
    expect(templates.refusal).toContain("Bộ phận một cửa");
    expect(templates.greeting).toContain("tự động");
    // Short enough for one phone screen next to its buttons (it used to fill more than a screen).
    expect(templates.greeting.length).toBeLessThanOrEqual(500);
    expect(templates.greeting).toContain("OTP");
    expect(templates.greeting).toContain("/hoso");
    for (const command of ["/hoi", "/baihoc", "/kiemtra", "/tiendo", "/hoso", "/trogiup", "/lienket", "/moi", "/daisu", "/gapnguoi"]) expect(templates.help).toContain(command);
  });

  it("lists every missing or empty file in one error", async () => {
    const dir = await mkdtemp(join(tmpdir(), "prompts-"));
    try {
      await writeFile(join(dir, "greeting.txt"), "   \n");
      await expect(loadTemplates(dir, TEMPLATE_NAMES)).rejects.toThrow(/greeting\.txt is empty[\s\S]*help\.txt cannot be read/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
