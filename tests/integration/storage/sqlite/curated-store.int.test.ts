import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openSqlite } from "../../../../src/storage/sqlite/database.js";
import { createSqliteCuratedStore } from "../../../../src/storage/sqlite/curated-store.js";
import { createSqliteFeedbackLog } from "../../../../src/storage/sqlite/feedback-log.js";
import { createSqliteInboxDecisions } from "../../../../src/storage/sqlite/inbox-decisions.js";
import { curatedStoreContract } from "../../../contracts/curated-store.contract.js";

curatedStoreContract("sqlite", async () => {
  const dir = mkdtempSync(join(tmpdir(), "tls-curated-"));
  const db = openSqlite(join(dir, "troly.db"));
  return {
    curated: createSqliteCuratedStore(db),
    feedback: createSqliteFeedbackLog(db),
    decisions: createSqliteInboxDecisions(db),
    close: async () => {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});
