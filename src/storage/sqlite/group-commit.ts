import { batchWrites } from "../write-batch.js";
import { guardOf, type SqliteDatabase } from "./database.js";

/**
 * `one` as a group-committed write: the calls made in the same event-loop turn run in one transaction through the
 * connection's write guard (../write-batch.ts), and each caller gets its own result. Under load dozens of writes share
 * one commit instead of paying one each.
 */
export function groupCommit<I, O>(db: SqliteDatabase, one: (item: I) => O): (item: I) => Promise<O> {
  const guard = guardOf(db);
  const many = db.transaction((items: I[]) => items.map(one));
  return batchWrites((items: I[]) => guard.write(() => many(items)));
}
