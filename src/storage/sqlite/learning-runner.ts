import type { Statement } from "better-sqlite3";
import type { SqlRunner, SqlValue } from "../learning/sql-runner.js";
import { guardOf, type SqliteDatabase } from "./database.js";
import { busyUnavailable, isBusyError } from "./write-guard.js";

/**
 * SqlRunner over better-sqlite3. Its calls are synchronous, but a transaction body is async (shared store code), so
 * every top-level call goes through one promise queue: no other call can slip into an open transaction. Each call
 * goes through the connection's write guard: while another process holds the lock, an attempt fails fast and is
 * retried after a pause *outside* the queue, so other learners' reads keep flowing meanwhile.
 */
export function sqliteRunner(db: SqliteDatabase): SqlRunner {
  const guard = guardOf(db);
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(fn: () => Promise<T> | T): Promise<T> => {
    const result = queue.then(fn);
    queue = result.catch(() => undefined);
    return result;
  };
  const clean = (params: SqlValue[] = []) => params.map((p) => (p === undefined ? null : p));
  // Prepared statements are reused: preparing the same SQL on every call was a visible share of each answer's CPU.
  // Bounded, because `IN (?, ?, …)` lists make a few texts vary with their length.
  const statements = new Map<string, Statement<unknown[]>>();
  const prepare = (sql: string): Statement<unknown[]> => {
    let statement = statements.get(sql);
    if (!statement) {
      if (statements.size >= 500) statements.clear();
      statement = db.prepare<unknown[]>(sql);
      statements.set(sql, statement);
    }
    return statement;
  };
  const direct: SqlRunner = {
    async all<T>(sql: string, params?: SqlValue[]) {
      return prepare(sql).all(...clean(params)) as T[];
    },
    async run(sql, params) {
      return prepare(sql).run(...clean(params)).changes;
    },
    tx: (fn) => fn(direct),
    close: async () => undefined,
  };
  return {
    all: (sql, params) => guard.read(() => serial(() => direct.all(sql, params))),
    run: (sql, params) => guard.write(() => serial(() => direct.run(sql, params))),
    tx: (fn) =>
      guard.write(() =>
        serial(async () => {
          // IMMEDIATE takes the write lock up front: a busy database fails here, before the body ran, so the guard
          // may simply try again later.
          db.exec("BEGIN IMMEDIATE");
          try {
            const out = await fn(direct);
            // The file is checked before COMMIT too: a transaction into a deleted file is rolled back, not kept.
            guard.assertFile();
            db.exec("COMMIT");
            return out;
          } catch (error) {
            if (db.inTransaction) db.exec("ROLLBACK");
            // Busy after BEGIN (rare in WAL mode) must not re-run a half-run body: give up politely instead.
            throw isBusyError(error) ? busyUnavailable(0, error) : error;
          }
        }),
      ),
    close: async () => {
      await queue;
    },
  };
}
