import type { FastifyInstance } from "fastify";
import { afterEach, describe, expect, it } from "vitest";
import { buildServer } from "../../../src/http/index.js";
import { learningHarness } from "../../fixtures/learning/harness.js";
import { LESSONS } from "../../fixtures/learning/lessons.js";

let app: FastifyInstance | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

async function post(payload: Record<string, unknown>) {
  const res = await app!.inject({ method: "POST", url: "/api/chat", payload: { userId: "web-quiz", ...payload } });
  expect(res.statusCode).toBe(200);
  return { body: res.json(), raw: res.body };
}

describe("POST /api/chat during a quiz: the server alone grades", () => {
  it("sends the question, the options, position/total and the answer actions, never the answer key", async () => {
    app = await buildServer({ assistant: learningHarness().assistant });
    await post({ action: "ob:yes" });
    const lesson = LESSONS[0]!;
    let { body, raw } = await post({ action: `qz:s:${lesson.id}` });
    for (let i = 0; i < lesson.quiz.length; i++) {
      expect(Object.keys(body.quiz).sort()).toEqual(["actions", "options", "position", "question", "total"]);
      expect(body.quiz).toMatchObject({ question: lesson.quiz[i]!.question, position: i + 1, total: lesson.quiz.length });
      expect(body.quiz.actions).toHaveLength(body.quiz.options.length);
      expect(body.quiz.actions[0]).toMatch(new RegExp(`^qa:[0-9a-f]{8}:${i}:0$`));
      // Nothing in the whole response gives the answer away before the learner answers.
      expect(raw).not.toMatch(/correctIndex|explanation/);
      expect(raw).not.toContain(lesson.quiz[i]!.explanation);
      ({ body, raw } = await post({ action: body.quiz.actions[0] }));
      expect(body.text).toContain(lesson.quiz[i]!.explanation); // feedback comes after the answer
    }
    expect(body.quiz).toBeUndefined();
    expect(body.text).toMatch(/ĐẠT|Cần đúng từ 80%/);
  });

  it("sends lesson parts as escaped HTML with no Markdown left", async () => {
    const base = LESSONS[0]!;
    const lesson = { ...base, sections: [{ ...base.sections[0]!, body: "- Ý <một> & **hai**\n\n**Lưu ý an toàn:** Xem [bài hai](kb:l-two)." }, base.sections[1]!] };
    app = await buildServer({ assistant: learningHarness({ lessons: [lesson, LESSONS[1]!] }).assistant });
    await post({ action: "ob:yes" });
    await post({ action: `ls:o:${lesson.id}` });
    const { body } = await post({ action: "ls:n" });
    expect(body.html).toContain("<ul><li>Ý &lt;một&gt; &amp; <strong>hai</strong></li></ul><p><strong>Lưu ý an toàn:</strong> Xem bài hai.</p>");
    expect(body.text).not.toMatch(/\*\*|\]\(kb:/);
    expect(body).not.toHaveProperty("rich");
    expect(body.buttons).toContainEqual({ label: "Xem bài: bài hai", action: "ls:o:l-two" });
  });
});
