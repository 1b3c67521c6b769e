import {
  createAssistant,
  createCommandsFeature,
  createConfidenceScorer,
  createQaFeature,
  createStepFeature,
  opaqueLearnerId,
  type Assistant,
  type ChatModel,
  type Chunk,
  type ConversationStore,
  type IncomingMessage,
  type QuestionObserver,
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
  threshold?: number;
  clarifyFloor?: number;
  now?: () => Date;
}

/** The production feature order (commands → steps → QA) over fakes, as compose.ts wires it. */
export function buildTestAssistant(options: TestAssistantOptions = {}) {
  const chunks = options.chunks ?? allChunks;
  const retriever = new FakeRetriever(chunks);
  const conversations = options.conversations ?? new InMemoryConversationStore();
  const unanswered = new InMemoryUnansweredLog();
  const qa = createQaFeature({
    retriever,
    scorer: createConfidenceScorer(chunks),
    templates: testTemplates,
    unanswered,
    observer: options.observer,
    chatModel: options.chatModel,
    threshold: options.threshold,
    clarifyFloor: options.clarifyFloor,
  });
  const assistant: Assistant = createAssistant({
    features: [createCommandsFeature({ templates: testTemplates, ask: qa.ask }), createStepFeature(), qa],
    conversations,
    learnerIdFor: (m) => opaqueLearnerId("test-secret", m),
    templates: testTemplates,
    clock: options.now,
  });
  const say = (text: string, userId = "u1") => assistant.handle({ channel: "web", userId, text });
  const tap = (action: string, userId = "u1") => assistant.handle({ channel: "web", userId, action });
  const send = (m: IncomingMessage) => assistant.handle(m);
  return { assistant, retriever, conversations, unanswered, say, tap, send };
}
