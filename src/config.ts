import { z } from "zod";

/**
 * Every environment variable the assistant reads, validated once at start-up by a pure function (main.ts is the only
 * caller that passes process.env). Empty strings count as "not set", so `.env` files with `FOO=` behave.
 */

const optionalString = z.preprocess((v) => (v === "" ? undefined : v), z.string().optional());
const optionalUrl = z.preprocess((v) => (v === "" ? undefined : v), z.string().url().optional());
const intWithDefault = (def: number, min: number, max: number) =>
  z.preprocess((v) => (v === "" || v === undefined ? def : Number(v)), z.number().int().min(min).max(max));

const envSchema = z
  .object({
    PORT: intWithDefault(3000, 0, 65535),
    HOST: z.preprocess((v) => (v === "" || v === undefined ? "127.0.0.1" : v), z.string()),
    DATA_DIR: z.preprocess((v) => (v === "" || v === undefined ? "./data" : v), z.string()),
    KNOWLEDGE_DIR: z.preprocess((v) => (v === "" || v === undefined ? "./knowledge" : v), z.string()),
    PROMPTS_DIR: z.preprocess((v) => (v === "" || v === undefined ? "./prompts" : v), z.string()),
    /** How often an instance looks for knowledge published elsewhere (and for effective dates that have passed). */
    KNOWLEDGE_POLL_MS: intWithDefault(2_000, 100, 600_000),
    LOG_LEVEL: z.preprocess(
      (v) => (v === "" || v === undefined ? "info" : v),
      z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]),
    ),
    /** PostgreSQL connection string; when set, PostgreSQL replaces the embedded SQLite file. */
    DATABASE_URL: optionalString,
    /** Key for the opaque learner ids; generated and kept in DATA_DIR when not set. */
    LEARNER_ID_SECRET: optionalString,

    EMBEDDINGS_URL: optionalUrl,
    EMBEDDINGS_MODEL: optionalString,
    EMBEDDINGS_API_KEY: optionalString,
    LLM_URL: optionalUrl,
    LLM_MODEL: optionalString,
    LLM_API_KEY: optionalString,
    /** A citizen is waiting: past these the built-in ranking / the extractive answer is used. */
    EMBEDDINGS_TIMEOUT_MS: intWithDefault(1500, 100, 60_000),
    LLM_TIMEOUT_MS: intWithDefault(4000, 100, 120_000),
    /** The longest a citizen waits for an answer, endpoints included: the LLM gets what retrieval left of it. */
    ANSWER_BUDGET_MS: intWithDefault(2500, 500, 120_000),
    /**
     * Retrieval in a worker thread beside the main one (issue 14): "auto" uses it when the machine has more than
     * one core; "off" ranks on the main thread only. Built-in embedder only.
     */
    RANKING_THREAD: z.preprocess((v) => (v === "" || v === undefined ? "auto" : v), z.enum(["auto", "on", "off"])),
    /** Circuit breaker of both optional endpoints: consecutive failures that open it, and its cool-down. */
    ENDPOINT_BREAKER_FAILURES: intWithDefault(3, 1, 1000),
    ENDPOINT_BREAKER_COOLDOWN_MS: intWithDefault(30_000, 100, 3_600_000),

    TELEGRAM_BOT_TOKEN: optionalString,
    TELEGRAM_API_ROOT: z.preprocess(
      (v) => (v === "" || v === undefined ? "https://api.telegram.org" : v),
      z.string().url(),
    ),
    TELEGRAM_WEBHOOK_URL: optionalUrl,
    TELEGRAM_WEBHOOK_SECRET: optionalString,
    /**
     * Bot API sends per second over all chats. Telegram's published limit is 30 (more gets 429s); raise it only for a
     * bot Telegram allows more, or to measure the pipeline's own capacity (npm run bench:webhook).
     */
    TELEGRAM_SENDS_PER_SECOND: intWithDefault(30, 1, 100_000),

    ZALO_BOT_TOKEN: optionalString,
    ZALO_API_BASE: z.preprocess(
      (v) => (v === "" || v === undefined ? "https://bot-api.zaloplatforms.com" : v),
      z.string().url(),
    ),
    ZALO_WEBHOOK_SECRET: optionalString,
    ZALO_MODE: z.preprocess((v) => (v === "" ? undefined : v), z.enum(["webhook", "polling"]).optional()),
    /** Durable chat delivery (issue 11): outbox retry budget, backoff, per-chat bound; inbox and dead-letter retention. */
    OUTBOX_MAX_ATTEMPTS: intWithDefault(20, 1, 1_000),
    OUTBOX_RETRY_MINUTES: intWithDefault(15, 1, 7 * 24 * 60),
    OUTBOX_BACKOFF_BASE_MS: intWithDefault(2_000, 10, 600_000),
    OUTBOX_BACKOFF_MAX_MS: intWithDefault(120_000, 10, 3_600_000),
    OUTBOX_MAX_PER_CHAT: intWithDefault(30, 1, 10_000),
    OUTBOX_DEAD_LETTER_DAYS: intWithDefault(14, 1, 3650),
    INBOX_TTL_HOURS: intWithDefault(48, 1, 24 * 365),

    ADMIN_API_TOKEN: optionalString,
    XAPI_HOMEPAGE: z.preprocess(
      (v) => (v === "" || v === undefined ? "https://troly.so" : v),
      z.string().url(),
    ),
    LRS_ENDPOINT: optionalUrl,
    LRS_USERNAME: optionalString,
    LRS_PASSWORD: optionalString,
    QUIZ_PASS_PERCENT: intWithDefault(80, 1, 100),
    /** 0 = unlimited attempts. */
    QUIZ_MAX_ATTEMPTS: intWithDefault(0, 0, 1000),
    /** Days questions are kept (learning question log, unanswered log) before the retention job deletes them. */
    QUESTION_RETENTION_DAYS: intWithDefault(180, 1, 3650),
    /** Fairness (issue 11): longest message on every channel, turns per learner and requests per IP per window. */
    MAX_TEXT_LENGTH: intWithDefault(1000, 50, 10_000),
    RATE_LIMIT_LEARNER_MAX: intWithDefault(60, 1, 100_000),
    RATE_LIMIT_IP_MAX: intWithDefault(300, 1, 1_000_000),
    RATE_LIMIT_WINDOW_MS: intWithDefault(60_000, 1_000, 3_600_000),
    MAX_QUEUED_TURNS: intWithDefault(5, 1, 1_000),
  })
  .superRefine((env, ctx) => {
    if (env.TELEGRAM_WEBHOOK_URL && !env.TELEGRAM_BOT_TOKEN) {
      ctx.addIssue({ code: "custom", path: ["TELEGRAM_WEBHOOK_URL"], message: "needs TELEGRAM_BOT_TOKEN" });
    }
    if (env.TELEGRAM_WEBHOOK_URL && (env.TELEGRAM_WEBHOOK_SECRET ?? "").length < 12) {
      ctx.addIssue({
        code: "custom",
        path: ["TELEGRAM_WEBHOOK_SECRET"],
        message: "required in webhook mode, at least 12 characters (A-Z a-z 0-9 _ -)",
      });
    }
    if (env.TELEGRAM_WEBHOOK_SECRET && !/^[A-Za-z0-9_-]{1,256}$/.test(env.TELEGRAM_WEBHOOK_SECRET)) {
      ctx.addIssue({ code: "custom", path: ["TELEGRAM_WEBHOOK_SECRET"], message: "only A-Z a-z 0-9 _ - allowed" });
    }
    if (env.ZALO_MODE === "webhook" && !env.ZALO_WEBHOOK_SECRET) {
      ctx.addIssue({ code: "custom", path: ["ZALO_WEBHOOK_SECRET"], message: "required when ZALO_MODE=webhook" });
    }
    if (env.ZALO_WEBHOOK_SECRET && (env.ZALO_WEBHOOK_SECRET.length < 8 || env.ZALO_WEBHOOK_SECRET.length > 256)) {
      ctx.addIssue({ code: "custom", path: ["ZALO_WEBHOOK_SECRET"], message: "must be 8-256 characters" });
    }
    if (env.ADMIN_API_TOKEN && env.ADMIN_API_TOKEN.length < 16) {
      ctx.addIssue({ code: "custom", path: ["ADMIN_API_TOKEN"], message: "must be at least 16 characters" });
    }
    if (env.LRS_ENDPOINT && !(env.LRS_USERNAME && env.LRS_PASSWORD)) {
      ctx.addIssue({ code: "custom", path: ["LRS_USERNAME"], message: "LRS_ENDPOINT needs LRS_USERNAME and LRS_PASSWORD" });
    }
  });

type Env = z.infer<typeof envSchema>;

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  knowledgeDir: string;
  /** Live knowledge (issue 13): poll interval for publishes made on other instances and passing effective dates. */
  knowledge: { pollMs: number };
  promptsDir: string;
  logLevel: Env["LOG_LEVEL"];
  storage: { driver: "sqlite"; file: string } | { driver: "postgres"; url: string };
  learnerIdSecret?: string;
  embeddings:
    | { kind: "hashed" }
    | {
        kind: "openai-compatible";
        url: string;
        model: string;
        apiKey?: string;
        queryTimeoutMs: number;
        breaker: { failureThreshold: number; cooldownMs: number };
      };
  llm?: { url: string; model: string; apiKey?: string; timeoutMs: number; breaker: { failureThreshold: number; cooldownMs: number } };
  /** ANSWER_BUDGET_MS: time budget of one answer; the optional LLM only gets what is left of it after retrieval. */
  answerBudgetMs: number;
  /** RANKING_THREAD: rank in a worker thread ("auto": when the machine has more than one core). */
  rankingThread: "auto" | "on" | "off";
  telegram?: {
    token: string;
    apiRoot: string;
    mode: "polling" | "webhook";
    webhookUrl?: string;
    webhookSecret?: string;
    /** TELEGRAM_SENDS_PER_SECOND: the global send pacing (Telegram's 30 messages/s by default). */
    sendsPerSecond: number;
  };
  zalo?: { token: string; apiBase: string; mode: "polling" | "webhook"; webhookSecret?: string };
  /**
   * Durable chat delivery for Telegram and Zalo: how long and how often the outbox retries a message before it becomes
   * a dead letter, how many messages one chat may have waiting, and how long dead letters and inbox ids are kept.
   */
  delivery: {
    policy: { maxAttempts: number; retryWindowMs: number; backoffBaseMs: number; backoffMaxMs: number; maxPendingPerChat: number };
    deadLetterRetentionMs: number;
    inboxTtlMs: number;
  };
  admin: { apiToken?: string };
  xapi: { homePage: string; lrs?: { endpoint: string; username: string; password: string } };
  quiz: { passPercent: number; maxAttempts: number };
  privacy: { questionRetentionDays: number };
  /**
   * Fairness: text cap on every channel; per-learner turns (core, all channels) and per-IP requests (POST /api/chat)
   * per window; turns one learner may have waiting.
   */
  limits: {
    maxTextLength: number;
    perLearner: { max: number; windowMs: number };
    perIp: { max: number; windowMs: number };
    maxQueuedTurns: number;
  };
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

/** Validates the environment and returns the typed config, or throws ConfigError listing every bad variable. */
export function loadConfig(env: Record<string, string | undefined>): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join(".") || "(env)"}: ${i.message}`));
  }
  const e = parsed.data;
  const dataDir = e.DATA_DIR;
  const breaker = { failureThreshold: e.ENDPOINT_BREAKER_FAILURES, cooldownMs: e.ENDPOINT_BREAKER_COOLDOWN_MS };
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir,
    knowledgeDir: e.KNOWLEDGE_DIR,
    knowledge: { pollMs: e.KNOWLEDGE_POLL_MS },
    promptsDir: e.PROMPTS_DIR,
    logLevel: e.LOG_LEVEL,
    storage: e.DATABASE_URL
      ? { driver: "postgres", url: e.DATABASE_URL }
      : { driver: "sqlite", file: `${dataDir.replace(/\/$/, "")}/tro-ly-so.sqlite` },
    learnerIdSecret: e.LEARNER_ID_SECRET,
    embeddings: e.EMBEDDINGS_URL
      ? {
          kind: "openai-compatible",
          url: e.EMBEDDINGS_URL,
          model: e.EMBEDDINGS_MODEL ?? "bge-m3",
          apiKey: e.EMBEDDINGS_API_KEY,
          queryTimeoutMs: e.EMBEDDINGS_TIMEOUT_MS,
          breaker,
        }
      : { kind: "hashed" },
    answerBudgetMs: e.ANSWER_BUDGET_MS,
    rankingThread: e.RANKING_THREAD,
    llm: e.LLM_URL
      ? { url: e.LLM_URL, model: e.LLM_MODEL ?? "qwen2.5", apiKey: e.LLM_API_KEY, timeoutMs: e.LLM_TIMEOUT_MS, breaker }
      : undefined,
    telegram: e.TELEGRAM_BOT_TOKEN
      ? {
          token: e.TELEGRAM_BOT_TOKEN,
          apiRoot: e.TELEGRAM_API_ROOT,
          mode: e.TELEGRAM_WEBHOOK_URL ? "webhook" : "polling",
          webhookUrl: e.TELEGRAM_WEBHOOK_URL,
          webhookSecret: e.TELEGRAM_WEBHOOK_SECRET,
          sendsPerSecond: e.TELEGRAM_SENDS_PER_SECOND,
        }
      : undefined,
    zalo: e.ZALO_BOT_TOKEN
      ? {
          token: e.ZALO_BOT_TOKEN,
          apiBase: e.ZALO_API_BASE,
          mode: e.ZALO_MODE ?? (e.ZALO_WEBHOOK_SECRET ? "webhook" : "polling"),
          webhookSecret: e.ZALO_WEBHOOK_SECRET,
        }
      : undefined,
    delivery: {
      policy: {
        maxAttempts: e.OUTBOX_MAX_ATTEMPTS,
        retryWindowMs: e.OUTBOX_RETRY_MINUTES * 60_000,
        backoffBaseMs: e.OUTBOX_BACKOFF_BASE_MS,
        backoffMaxMs: e.OUTBOX_BACKOFF_MAX_MS,
        maxPendingPerChat: e.OUTBOX_MAX_PER_CHAT,
      },
      deadLetterRetentionMs: e.OUTBOX_DEAD_LETTER_DAYS * 86_400_000,
      inboxTtlMs: e.INBOX_TTL_HOURS * 3_600_000,
    },
    admin: { apiToken: e.ADMIN_API_TOKEN },
    xapi: {
      homePage: e.XAPI_HOMEPAGE,
      lrs:
        e.LRS_ENDPOINT && e.LRS_USERNAME && e.LRS_PASSWORD
          ? { endpoint: e.LRS_ENDPOINT, username: e.LRS_USERNAME, password: e.LRS_PASSWORD }
          : undefined,
    },
    quiz: { passPercent: e.QUIZ_PASS_PERCENT, maxAttempts: e.QUIZ_MAX_ATTEMPTS },
    privacy: { questionRetentionDays: e.QUESTION_RETENTION_DAYS },
    limits: {
      maxTextLength: e.MAX_TEXT_LENGTH,
      perLearner: { max: e.RATE_LIMIT_LEARNER_MAX, windowMs: e.RATE_LIMIT_WINDOW_MS },
      perIp: { max: e.RATE_LIMIT_IP_MAX, windowMs: e.RATE_LIMIT_WINDOW_MS },
      maxQueuedTurns: e.MAX_QUEUED_TURNS,
    },
  };
}
