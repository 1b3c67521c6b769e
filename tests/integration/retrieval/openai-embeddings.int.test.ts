import { afterEach, describe, expect, it } from "vitest";
import { embeddingsEndpoint, OpenAiCompatibleEmbeddings } from "../../../src/retrieval/openai-embeddings.js";
import { startFakeEmbeddingsServer, vectorOf } from "../../fakes/fake-embeddings-server.js";
import { startFakeOpenAiEndpoint } from "../../fakes/fake-openai-endpoint.js";

describe("OpenAiCompatibleEmbeddings against a fake server on 127.0.0.1", () => {
  let close: (() => Promise<void>) | undefined;
  afterEach(async () => close?.());

  it("batches inputs, sends model and key, and keeps the input order", async () => {
    const fake = await startFakeEmbeddingsServer();
    close = fake.close;
    const embeddings = new OpenAiCompatibleEmbeddings({ url: fake.url, model: "bge-m3", apiKey: "k-123", batchSize: 2 });
    const texts = ["tải vneid", "mã otp", "ngân hàng"];
    expect(await embeddings.embedDocuments(texts)).toEqual(texts.map(vectorOf));
    expect(await embeddings.embedQuery("mật khẩu")).toEqual(vectorOf("mật khẩu"));
    expect(fake.calls.map((c) => c.body.input?.length)).toEqual([2, 1, 1]);
    expect(fake.calls[0]).toMatchObject({ path: "/v1/embeddings", authorization: "Bearer k-123", body: { model: "bge-m3" } });
  });

  it("reports a failing endpoint with its URL and HTTP status", async () => {
    const fake = await startFakeEmbeddingsServer({ failWith: 500 });
    close = fake.close;
    const embeddings = new OpenAiCompatibleEmbeddings({ url: fake.url, model: "m" }, { maxRetries: 0 });
    await expect(embeddings.embedQuery("x")).rejects.toThrow(/embeddings.*HTTP 500/);
  });

  it("cuts a hanging query at queryTimeoutMs with a single request (no retries while a citizen waits)", async () => {
    const fake = await startFakeOpenAiEndpoint();
    close = fake.close;
    fake.setMode("hang");
    const embeddings = new OpenAiCompatibleEmbeddings({ url: fake.url, model: "m", queryTimeoutMs: 200 });
    await expect(embeddings.embedQuery("x")).rejects.toThrow(/embeddings endpoint .* failed/);
    expect(fake.calls.embeddings).toBe(1);
  });

  it("accepts a base URL or the full endpoint", () => {
    expect(embeddingsEndpoint("http://h:1/v1/")).toBe("http://h:1/v1/embeddings");
    expect(embeddingsEndpoint("http://h:1/v1/embeddings")).toBe("http://h:1/v1/embeddings");
  });
});
