import { describe, expect, it } from "vitest";
import { answeredStatement, isoDuration, lessonCompletedStatement, quizResultStatement } from "../../../../src/assistant/learning/xapi.js";
import { UUID_RE, uuidV5 } from "../../../../src/assistant/learning/uuid.js";
import type { XapiStatement } from "../../../../src/assistant/learning/xapi-types.js";
import { LESSONS } from "../../../fixtures/learning/lessons.js";

const lesson = LESSONS[0]!;
const env = {
  homePage: "https://troly.so",
  learnerId: "a".repeat(32),
  platform: "telegram",
  at: "2026-11-23T03:10:30.000Z",
  profile: { learnerId: "a".repeat(32), consentAt: "2026-11-01T00:00:00.000Z", updatedAt: "2026-11-01T00:00:00.000Z", provinceCode: "01", communeCode: "01-BADINH", targetGroup: "citizen" as const },
};
const attemptId = "4b3f0d0e-8a1c-4f8e-9a7b-1c2d3e4f5a6b";

/** Required/recommended fields of xAPI 1.0.3 (xAPI-Data.md §2.4) as this project commits to them. */
function expectSpecShape(s: XapiStatement) {
  expect(s.id).toMatch(UUID_RE);
  expect(Object.keys(s.actor.account).sort()).toEqual(["homePage", "name"]);
  expect(s.actor.objectType).toBe("Agent");
  expect(s.verb.id).toMatch(/^http:\/\/adlnet\.gov\/expapi\/verbs\/(answered|completed|passed|failed)$/);
  expect(s.verb.display["vi-VN"]).toBeTruthy();
  expect(s.verb.display["en-US"]).toBeTruthy();
  expect(s.object.objectType).toBe("Activity");
  expect(s.object.id.startsWith("https://troly.so/")).toBe(true);
  expect(s.object.definition?.type).toMatch(/^http:\/\/adlnet\.gov\/expapi\/activities\//);
  expect(new Date(s.timestamp).toISOString()).toBe(s.timestamp);
  expect(s.stored).toBe(s.timestamp);
  expect(s.version).toBe("1.0.3");
  expect(s.context.registration).toMatch(UUID_RE);
  expect(s.context.language).toBe("vi-VN");
  expect(s.context.platform).toBe("telegram");
  expect(s.context.extensions["https://troly.so/xapi/ext/skill"]).toBe("3139:0.2");
  expect(s.context.extensions["https://troly.so/xapi/ext/locality"]).toEqual({ province: "01", commune: "01-BADINH" });
  expect(s.context.extensions["https://troly.so/xapi/ext/target-group"]).toBe("citizen");
  // Identifies the learner only by the opaque account — no mbox, no name.
  expect(JSON.stringify(s)).not.toMatch(/mbox|mailto/);
  if (s.result?.score) {
    const { scaled, raw, min, max } = s.result.score;
    expect(scaled).toBeGreaterThanOrEqual(-1);
    expect(scaled).toBeLessThanOrEqual(1);
    expect(raw).toBeGreaterThanOrEqual(min);
    expect(raw).toBeLessThanOrEqual(max);
  }
  if (s.result?.duration) expect(s.result.duration).toMatch(/^PT(\d+H)?(\d+M)?(\d+S)?$/);
}

describe("xAPI statement builders", () => {
  it("answered: choice interaction with response, score, duration and parent lesson", () => {
    const s = answeredStatement(env, lesson, { attemptId, index: 1, chosen: 1, shownAt: "2026-11-23T03:10:00.000Z" });
    expectSpecShape(s);
    expect(s.object.id).toBe("https://troly.so/quiz/l-one/question/2");
    expect(s.object.definition?.interactionType).toBe("choice");
    expect(s.object.definition?.correctResponsesPattern).toEqual(["o1"]);
    expect(s.result).toMatchObject({ success: true, response: "o1", duration: "PT30S", score: { raw: 1, max: 1, scaled: 1 } });
    expect(s.context.contextActivities.parent).toEqual([{ objectType: "Activity", id: "https://troly.so/lesson/l-one" }]);
    expect(s.context.registration).toBe(attemptId);
  });

  it("passed/failed: assessment with scaled score", () => {
    const pass = quizResultStatement(env, lesson, { attemptId, correct: 3, total: 3, passed: true, startedAt: "2026-11-23T03:06:00.000Z" });
    const fail = quizResultStatement(env, lesson, { attemptId, correct: 1, total: 3, passed: false, startedAt: "2026-11-23T03:06:00.000Z" });
    expectSpecShape(pass);
    expectSpecShape(fail);
    expect(pass.verb.id).toBe("http://adlnet.gov/expapi/verbs/passed");
    expect(fail.verb.id).toBe("http://adlnet.gov/expapi/verbs/failed");
    expect(fail.result).toMatchObject({ success: false, completion: true, score: { raw: 1, min: 0, max: 3, scaled: 0.333 }, duration: "PT4M30S" });
  });

  it("completed: lesson activity without itself as parent", () => {
    const s = lessonCompletedStatement(env, lesson, { reading: attemptId, startedAt: "2026-11-23T02:10:30.000Z" });
    expectSpecShape(s);
    expect(s.context.contextActivities.parent).toBeUndefined();
    expect(s.result).toEqual({ completion: true, duration: "PT1H" });
  });

  it("ids are deterministic per event and differ between events", () => {
    const a = answeredStatement(env, lesson, { attemptId, index: 0, chosen: 2, shownAt: env.at });
    const again = answeredStatement({ ...env, at: "2026-11-23T05:00:00.000Z" }, lesson, { attemptId, index: 0, chosen: 2, shownAt: env.at });
    const next = answeredStatement(env, lesson, { attemptId, index: 1, chosen: 2, shownAt: env.at });
    expect(again.id).toBe(a.id);
    expect(next.id).not.toBe(a.id);
    expect(uuidV5("x")).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab]/);
  });

  it("formats ISO 8601 durations", () => {
    expect(isoDuration("2026-01-01T00:00:00Z", "2026-01-01T00:00:00Z")).toBe("PT0S");
    expect(isoDuration("2026-01-01T00:00:00Z", "2026-01-01T01:02:03Z")).toBe("PT1H2M3S");
    expect(isoDuration("2026-01-01T00:00:05Z", "2026-01-01T00:00:00Z")).toBe("PT0S");
  });
});
