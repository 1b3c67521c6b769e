import { createMemoryGreetedStore } from "../../../../src/channels/zalo/index.js";
import { greetedStoreContract } from "../../../contracts/greeted-store.contract.js";

greetedStoreContract("in-memory", {
  persistent: false,
  open: async () => ({ store: createMemoryGreetedStore(), close: async () => undefined }),
});
