import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/** A recorded POST to the fake /embeddings endpoint. */
export interface EmbeddingsCall {
  path: string;
  authorization?: string;
  body: { model?: string; input?: string[] };
}

/**
 * OpenAI-compatible `/v1/embeddings` on 127.0.0.1 for tests: answers with deterministic 8-dimension vectors
 * (letter counts), in reverse item order to prove the client sorts by `index`. `failWith` makes it answer an error.
 */
export async function startFakeEmbeddingsServer(options: { failWith?: number } = {}) {
  const calls: EmbeddingsCall[] = [];
  const server: Server = createServer((req, res) => {
    let raw = "";
    req.on("data", (c: Buffer) => (raw += c.toString("utf8")));
    req.on("end", () => {
      const body = JSON.parse(raw || "{}") as EmbeddingsCall["body"];
      calls.push({ path: req.url ?? "", authorization: req.headers.authorization, body });
      if (options.failWith) {
        res.writeHead(options.failWith, { "content-type": "application/json" }).end('{"error":"boom"}');
        return;
      }
      const data = (body.input ?? []).map((text, index) => ({ object: "embedding", index, embedding: vectorOf(text) }));
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ object: "list", data: data.reverse() }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    calls,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Counts of a few folded letters: similar texts get similar vectors, enough for ranking tests. */
export function vectorOf(text: string): number[] {
  const folded = text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
  return ["a", "e", "i", "o", "u", "n", "t", "h"].map((ch) => [...folded].filter((c) => c === ch).length + 0.01);
}
