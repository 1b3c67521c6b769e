import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import type { FastifyInstance, FastifyPluginAsync } from "fastify";
import type { Logger as PinoLogger } from "pino";
import {
  createAssistant,
  createCommandsFeature,
  createConfidenceScorer,
  createQaFeature,
  createCuratedCatalog,
  createCuratedFeature,
  createFeedbackFeature,
  createStepFeature,
  createConversationFeature,
  createWhatFollows,
  opaqueLearnerId,
  TEMPLATE_NAMES,
  type Assistant,
  type CuratedStore,
  type FeedbackLog,
  type ConversationStore,
  type ExpiringLog,
  type Feature,
  type IncomingMessage,
  type QuestionObserver,
  type UnansweredLog,
} from "./assistant/index.js";
import type { Config } from "./config.js";
import { createLearning } from "./assistant/learning/index.js";
import { createNoticesFeature, type NoticeStore } from "./assistant/notices/index.js";
import { createAdminPlugin } from "./http/admin/index.js";
import { loadCorePaths } from "./storage/learning/load-core-paths.js";
import { openAdminStores } from "./storage/admin/open-admin-stores.js";
import { openLearningStore } from "./storage/learning/open-learning-store.js";
import { seedSampleUnits } from "./storage/learning/seed-sample-units.js";
import { createQuestionRetention } from "./storage/question-retention.js";
import { buildServer, type PartStatus, type ReadinessReport } from "./http/index.js";
import type { PollActionStore } from "./channels/telegram/index.js";
import type { GreetedStore } from "./channels/zalo/index.js";
import { loadTemplates } from "./llm/load-prompts.js";
import { guardChatModel } from "./llm/guarded-chat.js";
import { createOpenAiCompatibleChat } from "./llm/openai-compatible-chat.js";
import { normalizeText } from "./nlp/index.js";
import {
  buildKnowledgeIndex,
  builderSignature,
  CONFIDENCE_THRESHOLD as OUT_OF_SCOPE_THRESHOLD,
  IndexBuilder,
  loadBuilderCache,
  RankingThread,
  readLexicon,
  saveBuilderCache,
} from "./retrieval/index.js";
import { LiveKnowledge } from "./publishing/live-knowledge.js";
import { seedFromFiles } from "./publishing/seed-from-files.js";
import { createPublishing } from "./publishing/publishing.js";
import { checkLessonText } from "./curriculum/index.js";
import { createLessonPreview } from "./publishing/lesson-preview.js";
import { renderReply as renderTelegramReply } from "./channels/telegram/render.js";
import { webReplyHtml } from "./channels/web/render-html.js";
import { renderZaloReply } from "./channels/zalo/render.js";
import type { LessonVersionStore } from "./publishing/ports.js";
import {
  createPostgresChannelDelivery,
  createPostgresConversationStore,
  createPostgresLessonVersionStore,
  createPostgresGreetedStore,
  createPostgresPollActionStore,
  createPostgresUnansweredLog,
  openPostgres,
} from "./storage/postgres/index.js";
import { createPostgresNoticeStore } from "./storage/postgres/notice-store.js";
import {
  createSqliteChannelDelivery,
  createSqliteConversationStore,
  createSqliteLessonVersionStore,
  createSqliteGreetedStore,
  createSqlitePollActionStore,
  createSqliteUnansweredLog,
  openSqlite,
} from "./storage/sqlite/index.js";
import { createSqliteNoticeStore } from "./storage/sqlite/notice-store.js";
import type { FeedbackReader, InboxDecisions } from "./admin/inbox.js";
import { createPostgresCuratedStore } from "./storage/postgres/curated-store.js";
import { createPostgresFeedbackLog } from "./storage/postgres/feedback-log.js";
import { createPostgresInboxDecisions } from "./storage/postgres/inbox-decisions.js";
import { createSqliteCuratedStore } from "./storage/sqlite/curated-store.js";
import { createSqliteFeedbackLog } from "./storage/sqlite/feedback-log.js";
import { createSqliteInboxDecisions } from "./storage/sqlite/inbox-decisions.js";
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
  /** Durable Telegram/Zalo delivery (issue 11): outgoing outbox, incoming inbox, and the admin's dead-letter list. */
  delivery: ReturnType<typeof createSqliteChannelDelivery>;
  /** Local notices admins publish for a commune/ward or province (issue 13). */
  notices: NoticeStore;
  /** Curated answers, 👍/👎 on answers and what the inbox decided (issue 13). */
  curated: CuratedStore;
  feedback: FeedbackLog & FeedbackReader & ExpiringLog;
  inboxDecisions: InboxDecisions;
  /** Lessons, their drafts and published versions: the knowledge base's source of truth (issue 13). */
  lessons: LessonVersionStore;
  /** GET /ready's database check: a write/read round trip that never waits long on a lock. */
  ready(): Promise<ProbeResult>;
  close(): Promise<void>;
}

/** One factory per storage driver (adapters picked from a table, see style notes §3.3). */
const storageFactories = {
  sqlite: async (storage: Extract<Config["storage"], { driver: "sqlite" }>, secret: string, delivery: Config["delivery"]): Promise<CoreStores> => {
    const db = openSqlite(storage.file);
    return {
      conversations: createSqliteConversationStore(db),
      unanswered: createSqliteUnansweredLog(db),
      polls: createSqlitePollActionStore(db),
      greeted: createSqliteGreetedStore(db, secret),
      delivery: createSqliteChannelDelivery(db, delivery),
      notices: createSqliteNoticeStore(db),
      curated: createSqliteCuratedStore(db),
      feedback: createSqliteFeedbackLog(db),
      inboxDecisions: createSqliteInboxDecisions(db),
      lessons: createSqliteLessonVersionStore(db),
      ready: createSqliteReadinessProbe(db),
      close: async () => void db.close(),
    };
  },
  postgres: async (storage: Extract<Config["storage"], { driver: "postgres" }>, secret: string, delivery: Config["delivery"]): Promise<CoreStores> => {
    const pool = await openPostgres(storage.url);
    return {
      conversations: createPostgresConversationStore(pool),
      unanswered: createPostgresUnansweredLog(pool),
      polls: createPostgresPollActionStore(pool),
      greeted: createPostgresGreetedStore(pool, secret),
      delivery: createPostgresChannelDelivery(pool, delivery),
      notices: createPostgresNoticeStore(pool),
      curated: createPostgresCuratedStore(pool),
      feedback: createPostgresFeedbackLog(pool),
      inboxDecisions: createPostgresInboxDecisions(pool),
      lessons: createPostgresLessonVersionStore(pool),
      ready: createPostgresReadinessProbe(pool),
      close: () => pool.end(),
    };
  },
} satisfies {
  [K in Config["storage"]["driver"]]: (s: Extract<Config["storage"], { driver: K }>, secret: string, d: Config["delivery"]) => Promise<CoreStores>;
};

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
  const stores = await storageFactories[config.storage.driver](config.storage as never, secret, config.delivery);
  // Curated answers are matched before retrieval; an admin publish refreshes this catalog at once (issue 13).
  const curatedCatalog = createCuratedCatalog(stores.curated);
  const closers: Array<() => Promise<void>> = [];
  const starters: Array<() => Promise<void>> = [];
  // The database is the source of truth for lessons (issue 13): knowledge/ seeds it, admins publish into it, and the
  // live knowledge swaps in a new index after every change (here or on another instance) and at effective dates.
  const { lexicon, problems: lexiconProblems } = readLexicon(config.knowledgeDir);
  for (const p of lexiconProblems) logger.warn({ file: p.file, line: p.line }, `knowledge problem: ${p.message}`);
  const indexBuilder = new IndexBuilder(lexicon);
  // The builder's per-text work survives restarts (DATA_DIR/index/builder-cache.bin): a cold start re-analyses only
  // what changed since the last run. Saved in the background after any build that did new work.
  const builderCache = { file: join(config.dataDir, "index", "builder-cache.bin"), signature: builderSignature(lexicon) };
  const cachedWork = config.embeddings.kind === "hashed" ? loadBuilderCache(builderCache.file, builderCache.signature) : undefined;
  if (cachedWork) indexBuilder.restore(cachedWork);
  const saveBuilderWork = () => {
    if (config.embeddings.kind !== "hashed" || indexBuilder.lastBuildNewWork === 0) return;
    saveBuilderCache(builderCache.file, builderCache.signature, indexBuilder.snapshot()).catch((err: unknown) =>
      logger.warn({ err, file: builderCache.file }, "could not save the index builder cache; the next start analyses everything again"),
    );
  };
  // Retrieval in a worker thread (issue 14): the main thread keeps HTTP, storage and the dialogue, and still ranks
  // itself whenever the thread cannot (loading a new version, stopped, behind).
  const useThread =
    config.embeddings.kind === "hashed" && (config.rankingThread === "on" || (config.rankingThread === "auto" && availableParallelism() > 1));
  const rankingThread = useThread ? new RankingThread({ logger: logger.child({ part: "ranking-thread" }) }) : undefined;
  if (rankingThread) {
    // Started once the app listens (see RankingThread.start); the main thread ranks until the thread holds the index.
    starters.push(async () => rankingThread.start());
    closers.push(() => rankingThread.close());
  }
  const live = new LiveKnowledge({
    store: stores.lessons,
    build: (lessons, signature, problems) =>
      buildKnowledgeIndex({
        lessons,
        lexicon,
        version: signature,
        problems,
        dataDir: config.dataDir,
        embeddings: config.embeddings,
        logger: logger.child({ part: "retrieval" }),
        builder: indexBuilder,
        rankingThread,
      }),
    logger: logger.child({ part: "knowledge" }),
    pollMs: config.knowledge.pollMs,
    // The lessons' parse survives restarts too (not under index/, which a remote embedder's index save replaces).
    cacheFile: join(config.dataDir, "lessons-cache.json"),
  });
  let index: Awaited<ReturnType<typeof buildKnowledgeIndex>>;
  try {
    await seedFromFiles(stores.lessons, config.knowledgeDir, { logger: logger.child({ part: "knowledge" }) });
    index = await live.load();
    saveBuilderWork();
  } catch (error) {
    await stores.close();
    throw error;
  }
  starters.push(async () => live.start());
  closers.push(async () => live.stop());

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
  // Admin accounts, sessions, API tokens and the audit log (issue 13), on their own connection like the learning store.
  const adminStores = await openAdminStores(config.storage);
  closers.push(() => adminStores.close());
  extraPlugins.push(
    createAdminPlugin({
      store: learningStore,
      paths: corePaths.paths,
      apiToken: config.admin.apiToken,
      homePage: config.xapi.homePage,
      adminStores,
      audit: adminStores.audit,
      notices: stores.notices,
      curated: {
        store: stores.curated,
        catalog: curatedCatalog,
        inbox: { unanswered: stores.unanswered, feedback: stores.feedback, decisions: stores.inboxDecisions },
      },
      deadLetters: stores.delivery.deadLetters,
      lessons: {
        publishing: createPublishing({
          store: stores.lessons,
          validate: (markdown, file, knownIds) => checkLessonText(markdown, file, { knownIds, today: new Date() }),
          audit: adminStores.audit,
          changed: () => live.refresh(),
        }),
        preview: createLessonPreview({
          web: webReplyHtml,
          telegram: (reply) => renderTelegramReply(reply, { isPrivate: true }).flatMap((o) => (o.type === "text" ? [o.html] : [])),
          zalo: (reply) => renderZaloReply(reply).parts,
        }),
        nextChange: () => live.nextChange(),
        live: () => live.refresh(),
      },
    }),
  );
  if (config.xapi.lrs) {
    // Loaded only with an LRS configured (it brings axios).
    const { createLrsForwarder } = await import("./lrs/forwarder.js");
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
      { name: "answer_feedback", log: stores.feedback },
      { name: "inbox_decision", log: stores.inboxDecisions },
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
  let topicOf = new Map(index.lessons.map((l) => [l.id, l.topic]));
  // Local notices (issue 13): /thongbao, and one relevant notice under answers, lessons and (scam alerts) the greeting.
  const notices = createNoticesFeature({
    notices: stores.notices,
    placeOf: async (learnerId, turn) => {
      const profile = await learning.profileOf(learnerId, turn);
      return profile && { provinceCode: profile.provinceCode, communeCode: profile.communeCode };
    },
    placeName: async (code) => (await learningStore.getUnit(code))?.name,
    lessonTopic: (id) => topicOf.get(id),
    // The lesson being read lives in the learning feature's state (learning/context.ts LearningState.lesson).
    openLesson: (turn) => (turn.state.learning as { lesson?: { id?: string } } | undefined)?.lesson?.id,
    placeAction: "ob:e:place",
  });
  // Published curated answers first (also for /hoi <question>); retrieval answers everything else (issue 13).
  const curated = createCuratedFeature({
    catalog: curatedCatalog,
    store: stores.curated,
    normalize: (text) => normalizeText(text),
    observer,
    logger: logger.child({ part: "curated" }),
  });
  /**
   * The features that hang on one knowledge version (retriever, sections, what follows what). Rebuilt when a
   * publish swaps new knowledge in; a turn keeps the set it started with (assistant.ts reads it once per turn).
   */
  function knowledgeFeatures(index: Awaited<ReturnType<typeof buildKnowledgeIndex>>): Feature[] {
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
      answerBudgetMs: config.answerBudgetMs,
      logger: logger.child({ part: "qa" }),
    });
    return [
      // Notices first: "/thongbao" is answered even in the middle of onboarding, whose pending question stays open.
      notices,
      ...earlyFeatures,
      // 👍/👎 under every answer, and the reply to a vote (issue 13).
      createFeedbackFeature({ log: stores.feedback, retriever: index.retriever, logger: logger.child({ part: "feedback" }) }),
      createCommandsFeature({ templates, ask: async (turn, q) => (await curated.ask(turn, q)) ?? qa.ask(turn, q) }),
      createStepFeature({ whatFollows }),
      createConversationFeature({ answerSection: qa.answerSection, section: (id) => index.retriever.get(id), whatFollows, thanks: templates.thanks }),
      curated,
      qa,
    ];
  }
  let features = knowledgeFeatures(index);
  live.onSwap((next) => {
    saveBuilderWork();
    features = knowledgeFeatures(next);
    learning.setLessons(next.lessons);
    topicOf = new Map(next.lessons.map((l) => [l.id, l.topic]));
    index = next;
    knowledge.version = next.version;
    knowledge.lessons = next.lessons.length;
    knowledge.chunks = next.chunks.length;
  });
  const assistant = createAssistant({
    features: () => features,
    conversations: stores.conversations,
    learnerIdFor: (m) => learnerIdFor(m),
    templates,
    logger: logger.child({ part: "assistant" }),
    limits: config.limits,
  });

  // ── CHANNELS OWNER: wire Telegram and Zalo here ──────────────────────────────────────────────────────────────
  // Each configured chat app: its webhook route (webhook mode) goes on the HTTP app; start() runs after listen
  // (getMe, command menu, polling loop). A channel that cannot start is logged and skipped so the web chat stays up.
  // Replies go through the durable outbox and webhook updates through the inbox (issue 11): see README, "Telegram và Zalo".
  const delivery = { outbox: stores.delivery.outbox, inbox: stores.delivery.inbox, delivery: { policy: config.delivery.policy } };
  const channels = [
    config.telegram && {
      name: "telegram",
      // Loaded only when configured, like Zalo: telegraf costs ~0.1 s of every cold start otherwise (issue 14).
      channel: (await import("./channels/telegram/index.js")).startTelegram(config.telegram, { assistant, polls: stores.polls, ...delivery, logger: logger.child({ part: "telegram" }) }),
    },
    config.zalo && {
      name: "zalo",
      // Loaded only when configured: the Zalo client brings axios (~18 MB and a sixth of a second at start).
      channel: (await import("./channels/zalo/index.js")).startZalo(config.zalo, { assistant, greeted: stores.greeted, ...delivery, logger: logger.child({ part: "zalo" }) }),
    },
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
    parts: () => ({ embeddings: index.embeddingsStatus(), llm: llm ? llm.status() : "off", rankingThread: rankingThread?.status() ?? "off" }),
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
