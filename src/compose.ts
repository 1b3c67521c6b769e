import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { FastifyInstance, FastifyPluginAsync } from "fastify";
import type { Logger as PinoLogger } from "pino";
import {
  createAssistant,
  createCommandsFeature,
  createConfidenceScorer,
  createQaFeature,
  createStepFeature,
  createConversationFeature,
  createWhatFollows,
  opaqueLearnerId,
  TEMPLATE_NAMES,
  type Assistant,
  type ConversationStore,
  type ExpiringLog,
  type Feature,
  type IncomingMessage,
  type QuestionObserver,
  type UnansweredLog,
} from "./assistant/index.js";
import type { Config } from "./config.js";
import { createLearning } from "./assistant/learning/index.js";
import { createAdminPlugin } from "./http/admin/index.js";
import { createLrsForwarder } from "./lrs/forwarder.js";
import { loadCorePaths } from "./storage/learning/load-core-paths.js";
import { openLearningStore } from "./storage/learning/open-learning-store.js";
import { seedSampleUnits } from "./storage/learning/seed-sample-units.js";
import { createQuestionRetention } from "./storage/question-retention.js";
import { buildServer, type PartStatus, type ReadinessReport } from "./http/index.js";
import { startTelegram, type PollActionStore } from "./channels/telegram/index.js";
import { startZalo, type GreetedStore } from "./channels/zalo/index.js";
import { loadTemplates } from "./llm/load-prompts.js";
import { guardChatModel } from "./llm/guarded-chat.js";
import { createOpenAiCompatibleChat } from "./llm/openai-compatible-chat.js";
import { normalizeText } from "./nlp/index.js";
import { CONFIDENCE_THRESHOLD as OUT_OF_SCOPE_THRESHOLD, openKnowledgeIndex } from "./retrieval/index.js";
import {
  createPostgresConversationStore,
  createPostgresGreetedStore,
  createPostgresPollActionStore,
  createPostgresUnansweredLog,
  openPostgres,
} from "./storage/postgres/index.js";
import {
  createSqliteConversationStore,
  createSqliteGreetedStore,
  createSqlitePollActionStore,
  createSqliteUnansweredLog,
  openSqlite,
} from "./storage/sqlite/index.js";
import { createPostgresReadinessProbe } from "./storage/postgres/readiness.js";
import type { ProbeResult } from "./storage/readiness.js";
import { createSqliteReadinessProbe } from "./storage/sqlite/readiness.js";

/** Everything main.ts and the scripts (chat, ask, bench) need, built once from the config. */
export interface App {
  assistant: Assistant;
  conversations: ConversationStore;
  unanswered: UnansweredLog;
  knowledge: { version: string; lessons: number; chunks: number; rebuilt: boolean };
  /** The HTTP app (not listening). */
  buildHttp(): Promise<FastifyInstance>;
  /** Starts background channel loops (Telegram/Zalo polling); main.ts calls it after listen, scripts never do. */
  start(): Promise<void>;
  /** Stops loops and closes storage. Idempotent. */
  close(): Promise<void>;
  /** The optional endpoints as GET /health shows them, GET /ready's checks, and how often each fell back. */
  health: {
    parts(): { embeddings: PartStatus; llm: PartStatus };
    ready(): Promise<ReadinessReport>;
    fallbacks(): { embeddings: number; llm: number };
  };
}

interface CoreStores {
  conversations: ConversationStore;
  unanswered: UnansweredLog & ExpiringLog;
  /** Telegram quiz poll → answer action and Zalo "already greeted", so both survive a restart. */
  polls: PollActionStore;
  greeted: GreetedStore;
  /** GET /ready's database check: a write/read round trip that never waits long on a lock. */
  ready(): Promise<ProbeResult>;
  close(): Promise<void>;
}

/** One factory per storage driver (adapters picked from a table, see style notes §3.3). */
const storageFactories = {
  sqlite: async (storage: Extract<Config["storage"], { driver: "sqlite" }>, secret: string): Promise<CoreStores> => {
    const db = openSqlite(storage.file);
    return {
      conversations: createSqliteConversationStore(db),
      unanswered: createSqliteUnansweredLog(db),
      polls: createSqlitePollActionStore(db),
      greeted: createSqliteGreetedStore(db, secret),
      ready: createSqliteReadinessProbe(db, storage.file),
      close: async () => void db.close(),
    };
  },
  postgres: async (storage: Extract<Config["storage"], { driver: "postgres" }>, secret: string): Promise<CoreStores> => {
    const pool = await openPostgres(storage.url);
    return {
      conversations: createPostgresConversationStore(pool),
      unanswered: createPostgresUnansweredLog(pool),
      polls: createPostgresPollActionStore(pool),
      greeted: createPostgresGreetedStore(pool, secret),
      ready: createPostgresReadinessProbe(pool),
      close: () => pool.end(),
    };
  },
} satisfies { [K in Config["storage"]["driver"]]: (s: Extract<Config["storage"], { driver: K }>, secret: string) => Promise<CoreStores> };

/**
 * The learner-id key: LEARNER_ID_SECRET, or a random key generated on first start and kept in DATA_DIR (mode 0600).
 * Losing it re-keys every learner, so it is created with O_EXCL and never overwritten.
 */
export function learnerIdSecret(config: Config, logger: PinoLogger): string {
  if (config.learnerIdSecret) return config.learnerIdSecret;
  const file = join(config.dataDir, "learner-id.key");
  try {
    writeFileSync(file, randomBytes(32).toString("hex"), { flag: "wx", mode: 0o600 });
    logger.info({ file }, "generated a new learner-id key; back it up with the database");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  }
  const secret = readFileSync(file, "utf8").trim();
  if (secret.length < 32) throw new Error(`${file} is damaged (shorter than 32 characters); restore it from a backup`);
  return secret;
}

/** The composition root shared by main.ts and scripts/. Reads no environment: everything comes from `config`. */
export async function composeApp(config: Config, logger: PinoLogger): Promise<App> {
  mkdirSync(config.dataDir, { recursive: true });
  const secret = learnerIdSecret(config, logger);
  const templates = await loadTemplates(config.promptsDir, TEMPLATE_NAMES);
  const stores = await storageFactories[config.storage.driver](config.storage as never, secret);
  const closers: Array<() => Promise<void>> = [];
  const starters: Array<() => Promise<void>> = [];
  let index: Awaited<ReturnType<typeof openKnowledgeIndex>>;
  try {
    index = await openKnowledgeIndex({
      knowledgeDir: config.knowledgeDir,
      dataDir: config.dataDir,
      embeddings: config.embeddings,
      logger: logger.child({ part: "retrieval" }),
    });
  } catch (error) {
    await stores.close();
    throw error;
  }

  let learnerIdFor: (m: IncomingMessage) => string | Promise<string> = (m) => opaqueLearnerId(secret, m);
  let observer: QuestionObserver | undefined;
  /** Features that run before the core's commands, step mode and QA (onboarding, lessons, quizzes, /hoso...). */
  const earlyFeatures: Feature[] = [];
  /** Channel webhooks, learning and admin routes for the HTTP app. */
  const extraPlugins: FastifyPluginAsync[] = [];

  // ── LEARNING OWNER: wire lessons, quizzes and evidence here ──────────────────────────────────────────────────
  const learningStore = await openLearningStore(config.storage);
  closers.push(() => learningStore.close());
  const seeded = await seedSampleUnits(learningStore, config.knowledgeDir);
  if (seeded > 0) {
    logger.warn({ units: seeded }, "administrative units: loaded the bundled SAMPLE list; import the official one with npm run units:import");
  }
  const corePaths = loadCorePaths(config.knowledgeDir, new Set(index.lessons.map((l) => l.id)));
  for (const problem of corePaths.problems) logger.warn({ problem }, "knowledge/paths/core-paths.yaml");
  const learning = createLearning({
    store: learningStore,
    lessons: index.lessons,
    corePaths: corePaths.paths,
    homePage: config.xapi.homePage,
    quiz: config.quiz,
    learnerIdSecret: secret,
    logger: logger.child({ part: "learning" }),
  });
  earlyFeatures.push(...learning.features);
  learnerIdFor = learning.learnerIdFor;
  observer = learning.questionObserver;
  extraPlugins.push(
    createAdminPlugin({ store: learningStore, paths: corePaths.paths, apiToken: config.admin.apiToken, homePage: config.xapi.homePage }),
  );
  if (config.xapi.lrs) {
    const forwarder = createLrsForwarder({ outbox: learningStore, lrs: config.xapi.lrs, logger: logger.child({ part: "lrs" }) });
    starters.push(async () => forwarder.start());
    closers.push(() => forwarder.stop());
  }
  // Question logs are kept QUESTION_RETENTION_DAYS, then deleted (issue 11); the job runs only in a started app.
  const retention = createQuestionRetention({
    days: config.privacy.questionRetentionDays,
    logs: [
      {
        name: "learning_questions",
        log: {
          deleteBefore: (before) => learningStore.deleteQuestionsBefore(before.toISOString()),
          redactStored: () => learningStore.redactStoredQuestions(),
        },
      },
      { name: "unanswered_question", log: stores.unanswered },
    ],
    logger: logger.child({ part: "retention" }),
  });
  starters.push(async () => retention.start());
  closers.push(() => retention.stop());
  // ── END LEARNING OWNER ─────────────────────────────────────────────────────────────────────────────────────

  // The optional LLM behind a deadline and a circuit breaker: a slow or dead endpoint costs at most LLM_TIMEOUT_MS
  // for a few questions, then none while the circuit is open; the extractive answer is used meanwhile.
  const llm = config.llm
    ? guardChatModel(createOpenAiCompatibleChat(config.llm), {
        timeoutMs: config.llm.timeoutMs,
        ...config.llm.breaker,
        logger: logger.child({ part: "llm" }),
      })
    : undefined;
  const nextLessonOf = new Map(index.lessons.map((l) => [l.id, l.next]));
  const whatFollows = createWhatFollows(index.chunks, (id) => nextLessonOf.get(id));
  const qa = createQaFeature({
    retriever: index.retriever,
    scorer: createConfidenceScorer(index.chunks),
    // threshold: the core's CONFIDENCE_THRESHOLD (answering/calibration.ts), calibrated end to end on the eval set.
    // Below it but above retrieval's in-scope/out-of-scope threshold, the learner is offered up to three sections.
    clarifyFloor: OUT_OF_SCOPE_THRESHOLD,
    templates,
    unanswered: stores.unanswered,
    normalize: (text) => normalizeText(text),
    sections: index.chunks,
    observer,
    chatModel: llm?.model,
    logger: logger.child({ part: "qa" }),
  });
  const assistant = createAssistant({
    features: [
      ...earlyFeatures,
      createCommandsFeature({ templates, ask: qa.ask }),
      createStepFeature({ whatFollows }),
      createConversationFeature({ answerSection: qa.answerSection, section: (id) => index.retriever.get(id), whatFollows, thanks: templates.thanks }),
      qa,
    ],
    conversations: stores.conversations,
    learnerIdFor: (m) => learnerIdFor(m),
    templates,
    logger: logger.child({ part: "assistant" }),
    limits: config.limits,
  });

  // ── CHANNELS OWNER: wire Telegram and Zalo here ──────────────────────────────────────────────────────────────
  // Each configured chat app: its webhook route (webhook mode) goes on the HTTP app; start() runs after listen
  // (getMe, command menu, polling loop). A channel that cannot start is logged and skipped so the web chat stays up.
  const channels = [
    config.telegram && { name: "telegram", channel: startTelegram(config.telegram, { assistant, polls: stores.polls, logger: logger.child({ part: "telegram" }) }) },
    config.zalo && { name: "zalo", channel: startZalo(config.zalo, { assistant, greeted: stores.greeted, logger: logger.child({ part: "zalo" }) }) },
  ].filter((c) => !!c);
  for (const { name, channel } of channels) {
    if (channel.plugin) extraPlugins.push(channel.plugin);
    starters.push(() =>
      channel.start().catch((err: unknown) => logger.error({ err, channel: name }, `${name} channel not started; see the message above`)),
    );
    closers.push(() => channel.stop());
  }
  // ── END CHANNELS OWNER ─────────────────────────────────────────────────────────────────────────────────────

  const knowledge = { version: index.version, lessons: index.lessons.length, chunks: index.chunks.length, rebuilt: index.rebuilt };
  const health: App["health"] = {
    parts: () => ({ embeddings: index.embeddingsStatus(), llm: llm ? llm.status() : "off" }),
    async ready() {
      const database = await stores.ready();
      const checks = {
        database: database.ok ? "ok" : database.reason,
        index: index.chunks.length > 0 ? "ok" : "the knowledge base has no sections",
      };
      return { ready: Object.values(checks).every((c) => c === "ok"), checks };
    },
    fallbacks: () => ({ embeddings: index.queryGuard?.fallbacks ?? 0, llm: llm?.fallbacks() ?? 0 }),
  };
  let closed: Promise<void> | undefined;
  return {
    health,
    assistant,
    conversations: stores.conversations,
    unanswered: stores.unanswered,
    knowledge,
    buildHttp: () =>
      buildServer({
        assistant,
        logger,
        health: () => ({ knowledgeVersion: knowledge.version, lessons: knowledge.lessons, chunks: knowledge.chunks, storage: config.storage.driver }),
        parts: health.parts,
        ready: health.ready,
        unanswered: stores.unanswered,
        adminToken: config.admin.apiToken,
        extraPlugins,
        chat: { maxTextLength: config.limits.maxTextLength, perIp: config.limits.perIp },
      }),
    async start() {
      for (const start of starters) await start();
    },
    close() {
      closed ??= (async () => {
        for (const close of closers.reverse()) await close().catch((err: unknown) => logger.error({ err }, "shutdown step failed"));
        await stores.close();
      })();
      return closed;
    },
  };
}
