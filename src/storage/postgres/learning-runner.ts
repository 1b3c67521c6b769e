import type pg from "pg";
import type { SqlRunner, SqlValue } from "../learning/sql-runner.js";
import type { PgPool } from "./database.js";
import { inTransaction } from "./transaction.js";

/** `?` → `$1, $2, …` (the shared store SQL never contains a literal question mark). */
function toPg(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}

const clean = (params: SqlValue[] = []) => params.map((p) => (p === undefined ? null : p));

function on(client: PgPool | pg.PoolClient): Omit<SqlRunner, "tx" | "close"> {
  return {
    async all<T>(sql: string, params?: SqlValue[]) {
      return (await client.query(toPg(sql), clean(params))).rows as T[];
    },
    async run(sql, params) {
      return (await client.query(toPg(sql), clean(params))).rowCount ?? 0;
    },
  };
}

/** SqlRunner over a pg pool; a transaction holds one client from BEGIN to COMMIT. */
export function postgresRunner(pool: PgPool, options: { ownsPool?: boolean } = {}): SqlRunner {
  const runner: SqlRunner = {
    ...on(pool),
    tx: (fn) =>
      inTransaction(pool, (client) => {
        const inner: SqlRunner = { ...on(client), tx: (f) => f(inner), close: async () => undefined };
        return fn(inner);
      }),
    async close() {
      if (options.ownsPool) await pool.end();
    },
  };
  return runner;
}
