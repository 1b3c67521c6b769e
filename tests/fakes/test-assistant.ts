import {
  createAssistant,
  createCommandsFeature,
  createConfidenceScorer,
  createConversationFeature,
  createQaFeature,
  createStepFeature,
  createWhatFollows,
  opaqueLearnerId,
  type Assistant,
  type ChatModel,
  type Chunk,
  type ConversationStore,
  type IncomingMessage,
  type QuestionObserver,
  type Retriever,
} from "../../src/assistant/index.js";
import { allChunks } from "../fixtures/chunks.js";
import { testTemplates } from "../fixtures/templates.js";
import { FakeRetriever } from "./fake-retriever.js";
import { InMemoryConversationStore, InMemoryUnansweredLog } from "./in-memory-stores.js";

export interface TestAssistantOptions {
  chunks?: Chunk[];
  conversations?: ConversationStore;
  observer?: QuestionObserver;
  chatModel?: ChatModel;
  /** The QA feature's answer time budget (ANSWER_BUDGET_MS). */
  answerBudgetMs?: number;
  /** Wraps the retriever (e.g. to make it slow). */
  retriever?: (inner: FakeRetriever) => Retriever & Pick<FakeRetriever, "get">;
  threshold?: number;
  clarifyFloor?: number;
  now?: () => Date;
  /** A lesson's front-matter `next:` lesson (lesson id → next lesson id), for "what follows". */
  nextLesson?: Record<string, string>;
}

/**
 * The production feature order (commands → steps → conversation → QA) over fakes, as compose.ts wires it: the QA
 * feature gets every section (word weights, act-now sections) and "what follows" is built from the same sections.
 */
export function buildTestAssistant(options: TestAssistantOptions = {}) {
  const chunks = options.chunks ?? allChunks;
  const fake = new FakeRetriever(chunks);
  const retriever = options.retriever ? options.retriever(fake) : fake;
  const conversations = options.conversations ?? new InMemoryConversationStore();
  const unanswered = new InMemoryUnansweredLog();
  const qa = createQaFeature({
    retriever,
    scorer: createConfidenceScorer(chunks),
    templates: testTemplates,
    unanswered,
    observer: options.observer,
    chatModel: options.chatModel,
    answerBudgetMs: options.answerBudgetMs,
    threshold: options.threshold,
    clarifyFloor: options.clarifyFloor,
    sections: chunks,
  });
  const whatFollows = createWhatFollows(chunks, (id) => options.nextLesson?.[id]);
  const assistant: Assistant = createAssistant({
    features: [
      createCommandsFeature({ templates: testTemplates, ask: qa.ask }),
      createStepFeature({ whatFollows }),
      createConversationFeature({ answerSection: qa.answerSection, section: (id) => retriever.get(id), whatFollows, thanks: testTemplates.thanks }),
      qa,
    ],
    conversations,
    learnerIdFor: (m) => opaqueLearnerId("test-secret", m),
    templates: testTemplates,
    clock: options.now,
  });
  const say = (text: string, userId = "u1") => assistant.handle({ channel: "web", userId, text });
  const tap = (action: string, userId = "u1") => assistant.handle({ channel: "web", userId, action });
  const send = (m: IncomingMessage) => assistant.handle(m);
  return { assistant, retriever: fake, conversations, unanswered, qa, say, tap, send };
}
