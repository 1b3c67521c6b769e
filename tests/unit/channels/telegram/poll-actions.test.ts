import { createMemoryPollActionStore } from "../../../../src/channels/telegram/index.js";
import { pollActionStoreContract } from "../../../contracts/poll-action-store.contract.js";

pollActionStoreContract("in-memory", {
  persistent: false,
  open: async (clock) => ({ store: createMemoryPollActionStore(10_000, clock), close: async () => undefined }),
});
