import type { Statement } from "better-sqlite3";
import type { SqlRunner, SqlValue } from "../learning/sql-runner.js";
import type { SqliteDatabase } from "./database.js";

/**
 * SqlRunner over better-sqlite3. Its calls are synchronous, but a transaction body is async (shared store code), so
 * every top-level call goes through one promise queue: no other call can slip into an open transaction.
 */
export function sqliteRunner(db: SqliteDatabase): SqlRunner {
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
    all: (sql, params) => serial(() => direct.all(sql, params)),
    run: (sql, params) => serial(() => direct.run(sql, params)),
    tx: (fn) =>
      serial(async () => {
        // IMMEDIATE takes the write lock up front, so a second process waits (busy_timeout) instead of failing later.
        db.exec("BEGIN IMMEDIATE");
        try {
          const out = await fn(direct);
          db.exec("COMMIT");
          return out;
        } catch (error) {
          db.exec("ROLLBACK");
          throw error;
        }
      }),
    close: async () => {
      await queue;
    },
  };
}
