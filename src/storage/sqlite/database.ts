import Database from "better-sqlite3";
import { mkdirSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { createWriteGuard, type BusyRetryOptions, type SqliteWriteGuard } from "./write-guard.js";

export type SqliteDatabase = Database.Database;

/**
 * How long one statement may block the event loop on a lock: not at all. better-sqlite3 waits synchronously, so
 * with a dozen learners waiting even 20 ms per attempt kept the event loop busy (GET /health took over a second
 * while another process held the lock); the waiting is done between attempts by the write guard (setTimeout).
 * The app's own two connections never profit from a blocking wait either: the holder runs on the same event loop.
 */
export const ATTEMPT_BUSY_TIMEOUT_MS = 0;
/** Start-up only (nothing is served yet): migrations wait this long for a lock instead of failing the start. */
const STARTUP_BUSY_TIMEOUT_MS = 5000;

const guards = new WeakMap<SqliteDatabase, SqliteWriteGuard>();

/**
 * The write guard of a connection (see write-guard.ts): the one openSqlite made, or, for a connection opened some
 * other way, a guard that retries while busy but knows no file to watch.
 */
export function guardOf(db: SqliteDatabase): SqliteWriteGuard {
  let guard = guards.get(db);
  if (!guard) {
    guard = createWriteGuard(":memory:");
    guards.set(db, guard);
  }
  return guard;
}

const migrationsDir = join(dirname(fileURLToPath(import.meta.url)), "migrations");

/**
 * Opens (creating if needed) the SQLite file and applies pending migrations from ./migrations in file-name order.
 * Migration files are plain SQL named NNN_name.sql; each runs once, inside a transaction, recorded in
 * schema_migrations. Numbering: 0xx core, 1xx learning/evidence. Stores reach the connection's write guard with
 * guardOf(db); `busy` tunes its deadline and clock (tests).
 */
export function openSqlite(file: string, options: { busy?: BusyRetryOptions } = {}): SqliteDatabase {
  if (file !== ":memory:") mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  // WAL keeps readers (admin reports) from blocking the chat writers; synchronous=NORMAL is durable in WAL mode
  // across process crashes, which is what "acknowledged evidence is never lost" needs.
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = NORMAL");
  db.pragma("foreign_keys = ON");
  db.pragma(`busy_timeout = ${STARTUP_BUSY_TIMEOUT_MS}`);
  migrate(db);
  db.pragma(`busy_timeout = ${ATTEMPT_BUSY_TIMEOUT_MS}`);
  // The file's identity is taken after migrations created it, so a later deletion or replacement is noticed.
  guards.set(db, createWriteGuard(file, options.busy));
  return db;
}

function migrate(db: SqliteDatabase): void {
  db.exec("CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)");
  const applied = new Set(
    db.prepare("SELECT name FROM schema_migrations").all().map((r) => (r as { name: string }).name),
  );
  const files = readdirSync(migrationsDir).filter((f) => f.endsWith(".sql")).sort();
  for (const name of files) {
    if (applied.has(name)) continue;
    const sql = readFileSync(join(migrationsDir, name), "utf8");
    db.transaction(() => {
      db.exec(sql);
      db.prepare("INSERT INTO schema_migrations (name, applied_at) VALUES (?, ?)").run(name, new Date().toISOString());
    })();
  }
}
