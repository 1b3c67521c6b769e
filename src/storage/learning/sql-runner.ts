/**
 * The tiny SQL surface the learning store needs, so one store implementation serves SQLite and PostgreSQL.
 * SQL is written with `?` placeholders and the portable subset both engines share (TEXT ISO timestamps, INTEGER
 * flags, ON CONFLICT, RETURNING); each adapter translates placeholders and wraps transactions.
 */
export type SqlValue = string | number | null | undefined;

export interface SqlRunner {
  all<T = Record<string, unknown>>(sql: string, params?: SqlValue[]): Promise<T[]>;
  /** Runs a write; returns the number of rows changed. */
  run(sql: string, params?: SqlValue[]): Promise<number>;
  /** Runs `fn` in one transaction (committed when it resolves, rolled back when it throws). */
  tx<T>(fn: (r: SqlRunner) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** PostgreSQL returns BIGINT/COUNT as strings; SQLite as numbers. */
export function num(v: unknown): number {
  return typeof v === "number" ? v : Number(v ?? 0);
}

export function optional(v: unknown): string | undefined {
  return v === null || v === undefined ? undefined : String(v);
}
