import { Embeddings, type EmbeddingsParams } from "@langchain/core/embeddings";
import axios, { type AxiosInstance } from "axios";

export interface OpenAiCompatibleOptions {
  /** Base URL (".../v1") or the full ".../embeddings" endpoint. */
  url: string;
  model: string;
  apiKey?: string;
  /** Inputs per request; servers such as TEI cap the batch size. */
  batchSize?: number;
  /** Per request while building the index (retried by LangChain's caller); generous, nobody is waiting. */
  timeoutMs?: number;
  /**
   * Hard deadline for one query embedding, no retries: a citizen is waiting, and a failing endpoint is handled by
   * the circuit breaker and the BM25 fallback (guarded-query-embedder.ts), not by trying again.
   */
  queryTimeoutMs?: number;
}

/** Default deadline for a query embedding (EMBEDDINGS_TIMEOUT_MS). */
export const DEFAULT_QUERY_TIMEOUT_MS = 1500;

/** The endpoint URL: accepts a base URL or the full /embeddings path, as operators write either. */
export function embeddingsEndpoint(url: string): string {
  const trimmed = url.replace(/\/+$/, "");
  return trimmed.endsWith("/embeddings") ? trimmed : `${trimmed}/embeddings`;
}

/**
 * Calls an OpenAI-compatible `POST /embeddings` endpoint (Ollama, vLLM, TEI, LocalAI...), so a deployment with a
 * real multilingual model (e.g. bge-m3) gets semantic search without code changes.
 */
export class OpenAiCompatibleEmbeddings extends Embeddings {
  private readonly http: AxiosInstance;
  private readonly endpoint: string;

  constructor(
    private readonly options: OpenAiCompatibleOptions,
    params: EmbeddingsParams = { maxRetries: 2 },
  ) {
    super(params);
    this.endpoint = embeddingsEndpoint(options.url);
    this.http = axios.create({
      timeout: options.timeoutMs ?? 30_000,
      headers: options.apiKey ? { Authorization: `Bearer ${options.apiKey}` } : {},
    });
  }

  async embedDocuments(documents: string[]): Promise<number[][]> {
    const size = this.options.batchSize ?? 64;
    const out: number[][] = [];
    for (let i = 0; i < documents.length; i += size) {
      out.push(...(await this.caller.call(() => this.request(documents.slice(i, i + size)))));
    }
    return out;
  }

  async embedQuery(document: string): Promise<number[]> {
    const timeoutMs = this.options.queryTimeoutMs ?? DEFAULT_QUERY_TIMEOUT_MS;
    // AbortSignal.timeout covers the whole exchange (connect, headers, body), unlike axios' idle-socket `timeout`.
    const [vector] = await this.request([document], { timeout: timeoutMs, signal: AbortSignal.timeout(timeoutMs) });
    if (!vector) throw new Error(`embeddings endpoint ${this.endpoint} returned no vector`);
    return vector;
  }

  private async request(input: string[], limits: { timeout?: number; signal?: AbortSignal } = {}): Promise<number[][]> {
    let data: unknown;
    try {
      ({ data } = await this.http.post(this.endpoint, { model: this.options.model, input }, limits));
    } catch (error) {
      const status = (error as { response?: { status?: number } }).response?.status;
      throw new Error(
        `embeddings endpoint ${this.endpoint} failed${status ? ` with HTTP ${status}` : ""} (model ${this.options.model}): ${(error as Error).message}`,
        { cause: error },
      );
    }
    const items = (data as { data?: Array<{ embedding?: unknown; index?: number }> }).data;
    if (!Array.isArray(items) || items.length !== input.length) {
      throw new Error(`embeddings endpoint ${this.endpoint} returned ${Array.isArray(items) ? items.length : "no"} vectors for ${input.length} inputs`);
    }
    // The OpenAI format carries an index per item; sort by it in case a server answers out of order.
    const sorted = [...items].sort((a, b) => (a.index ?? 0) - (b.index ?? 0));
    return sorted.map((item) => {
      if (!Array.isArray(item.embedding) || !item.embedding.every((v) => typeof v === "number")) {
        throw new Error(`embeddings endpoint ${this.endpoint} returned a malformed embedding`);
      }
      return item.embedding as number[];
    });
  }
}
