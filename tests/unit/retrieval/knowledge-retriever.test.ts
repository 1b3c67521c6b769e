import { describe, expect, it } from "vitest";
import type { Chunk } from "../../../src/assistant/ports.js";
import { defaultLexicon } from "../../../src/nlp/index.js";
import { IndexBuilder } from "../../../src/retrieval/index-builder.js";
import { KnowledgeRetriever } from "../../../src/retrieval/knowledge-retriever.js";
import { lessonsToChunks } from "../../../src/retrieval/chunk.js";
import { parseLesson } from "../../../src/curriculum/index.js";
import { lessonFile } from "../../integration/retrieval/mini-knowledge.js";

const lesson = (id: string, title: string, sections: Record<string, string>) => {
  const parsed = parseLesson(lessonFile(id, "vneid", title, sections), `${id}.md`);
  if (!parsed.lesson) throw new Error(JSON.stringify(parsed.problems));
  return parsed.lesson;
};

describe("KnowledgeRetriever", () => {
  const lessons = [
    lesson("a", "Cài VNeID", { "Tải ứng dụng VNeID ở đâu?": "Mở CH Play hoặc App Store, gõ VNeID." }),
    lesson("b", "Mã OTP", { "Mã OTP là gì?": "Mã OTP là mã dùng một lần ngân hàng gửi qua tin nhắn." }),
  ];
  const chunks: Chunk[] = lessonsToChunks(lessons);
  const built = new IndexBuilder(defaultLexicon).build(chunks, lessons);
  const retriever = new KnowledgeRetriever(chunks, built.lexical, built.vector);

  it("answers a repeated question with the same ranking, and a caller changing its list changes nothing", async () => {
    const first = await retriever.searchDetailed("tải vneid ở đâu", 2);
    expect(first.hits[0]?.chunk.lessonId).toBe("a");
    first.hits.length = 0;
    const again = await retriever.searchDetailed("tải vneid ở đâu", 2);
    expect(again.hits.map((h) => h.chunk.lessonId)).toEqual(["a", "b"]);
    expect(again.confidence).toBeGreaterThan(0);
  });

  it("keeps rankings apart by k and by mode", async () => {
    expect(await retriever.searchDetailed("mã otp", 1)).not.toEqual(await retriever.searchDetailed("mã otp", 2));
    expect((await retriever.searchDetailed("mã otp", 2, "lexical")).hits[0]?.chunk.lessonId).toBe("b");
    expect((await retriever.search("mã otp", 2))[0]?.chunk.lessonId).toBe("b");
  });
});
