import { describe, expect, it } from "vitest";
import { splitOnQuestionWords } from "../../../src/retrieval/question-words.js";

const split = (text: string) => splitOnQuestionWords(text.split(" "));

describe("splitOnQuestionWords", () => {
  it("drops question-framing phrases with or without diacritics and splits the query at them", () => {
    expect(split("làm sao biết link giả")).toEqual([["biết", "link", "giả"]]);
    expect(split("lam sao biet link gia")).toEqual([["biet", "link", "gia"]]);
    expect(split("mã otp là gì vậy")).toEqual([["mã", "otp"]]);
    expect(split("tải vneid ở đâu rồi cài thế nào")).toEqual([["tải", "vneid"], ["rồi", "cài"]]);
  });

  it("keeps single syllables that fold to content words (thẻ, đau) and returns nothing for a bare question", () => {
    expect(split("the ngan hang bi khoa")).toEqual([["the", "ngan", "hang", "bi", "khoa"]]);
    expect(split("dau bung")).toEqual([["dau", "bung"]]);
    expect(split("làm sao")).toEqual([]);
  });
});
