import { describe, expect, it } from "vitest";
import { calibrateThreshold, createConfidenceScorer, outcomeAccuracy } from "../../../../src/assistant/index.js";
import { allChunks, otpMeaning } from "../../../fixtures/chunks.js";

describe("confidence", () => {
  const scorer = createConfidenceScorer(allChunks);
  it("is 1 when every syllable of the question is in the section, the same with or without diacritics", () => {
    expect(scorer.score("mã OTP là gì", otpMeaning)).toBe(1);
    expect(scorer.score("ma otp la gi", otpMeaning)).toBe(1);
  });
  it("is low when the question's rare words are unknown to the knowledge base", () => {
    expect(scorer.score("kết quả xổ số miền bắc", otpMeaning)).toBeLessThan(0.2);
    expect(scorer.score("", otpMeaning)).toBe(0);
  });
});

describe("calibrateThreshold", () => {
  it("picks a threshold between refused out-of-scope and answered in-scope questions", () => {
    const samples = [
      { confidence: 0.9, inScope: true, correct: true },
      { confidence: 0.8, inScope: true, correct: true },
      { confidence: 0.7, inScope: true, correct: true },
      { confidence: 0.3, inScope: false, correct: false },
      { confidence: 0.2, inScope: false, correct: false },
      { confidence: 0.4, inScope: true, correct: false },
    ];
    const { threshold, accuracy } = calibrateThreshold(samples);
    expect(threshold).toBeGreaterThan(0.4);
    expect(threshold).toBeLessThanOrEqual(0.7);
    expect(accuracy).toBe(1);
    expect(outcomeAccuracy(samples, 0.1)).toBeCloseTo(3 / 6);
  });
});
