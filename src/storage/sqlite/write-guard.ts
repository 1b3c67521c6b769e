import { statSync } from "node:fs";
import { AppError } from "../../shared/errors.js";

/**
 * How long one call waits in all for a lock held by another connection or process. Kept under the 3 s in which an
 * outage must be answered politely (issue 11), with room for the rest of the turn.
 */
export const DEFAULT_BUSY_DEADLINE_MS = 2000;

/** Pauses between attempts while the database is busy: short at first (most locks are brief), then capped. */
const BACKOFF_MS = [5, 10, 20, 40, 80, 160];
const MAX_BACKOFF_MS = 200;

export interface BusyRetryOptions {
  /** Total time one call may keep retrying (DEFAULT_BUSY_DEADLINE_MS). */
  deadlineMs?: number;
  /** Monotonic milliseconds; injected by tests so the deadline never depends on machine speed. */
  now?: () => number;
  /** Waits between attempts; the event loop is free meanwhile (the point of the whole exercise). */
  sleep?: (ms: number) => Promise<void>;
}

/**
 * Every statement of a SQLite connection goes through its guard:
 * - a lock held by another connection is waited out asynchronously (each attempt fails at once, busy_timeout 0,
 *   and setTimeout spaces them), so /health and other learners keep being served; after the deadline the call fails
 *   with AppError "unavailable:storage", which the assistant turns into a polite reply;
 * - a write is refused, and never acknowledged, once the database file has been deleted or replaced under the
 *   running server: SQLite keeps writing through the open handle into a file nobody will ever read again.
 */
export interface SqliteWriteGuard {
  /** Runs `attempt` (a read), again after a pause while it fails because the database is busy. */
  read<T>(attempt: () => T | Promise<T>, options?: CallOptions): Promise<T>;
  /**
   * Runs `attempt` (one statement or one whole transaction) like `read`, with the file checked before and after:
   * when the file is gone the attempt's result is never returned, so nothing lost is acknowledged.
   */
  write<T>(attempt: () => T | Promise<T>, options?: CallOptions): Promise<T>;
  /** Throws AppError "unavailable:storage" when the file is gone or replaced (sticky: it stays refused). */
  assertFile(): void;
  /** Why writes are refused now (the file is gone), or undefined while they are accepted. */
  problem(): string | undefined;
}

/** Per call: a shorter deadline than the connection's (GET /ready must answer quickly). */
export interface CallOptions {
  deadlineMs?: number;
}

/** SQLITE_BUSY (another connection holds the lock) and SQLITE_LOCKED (same process, shared cache), any variant. */
export function isBusyError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" && (code.startsWith("SQLITE_BUSY") || code.startsWith("SQLITE_LOCKED"));
}

export function busyUnavailable(waitedMs: number, cause: unknown): AppError {
  return new AppError(
    "unavailable:storage",
    `SQLite database is locked by another connection or process (waited ${waitedMs} ms); ` +
      "find the process holding it (a backup, sqlite3 shell or second server) and let it finish",
    { cause },
  );
}

type FileIdentity = { dev: number; ino: number };

function identityOf(file: string): FileIdentity | undefined {
  const stat = statSync(file, { throwIfNoEntry: false });
  return stat ? { dev: stat.dev, ino: stat.ino } : undefined;
}

/** A guard for the connection opened on `file` (":memory:" has no file to lose). */
export function createWriteGuard(file: string, options: BusyRetryOptions = {}): SqliteWriteGuard {
  const deadlineMs = options.deadlineMs ?? DEFAULT_BUSY_DEADLINE_MS;
  const now = options.now ?? (() => performance.now());
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const opened = file === ":memory:" || file === "" ? undefined : identityOf(file);
  let lost: string | undefined;

  const check = (): string | undefined => {
    if (lost || !opened) return lost;
    const current = identityOf(file);
    if (current && current.dev === opened.dev && current.ino === opened.ino) return undefined;
    lost =
      `SQLite database file ${file} ${current ? "was replaced by another file" : "is missing: it was deleted"} while the server was running; ` +
      "writes are refused so nothing is acknowledged that would be lost. Stop the server, restore the file " +
      "(move it back or take the latest backup) and start the server again";
    return lost;
  };
  const assertFile = () => {
    const problem = check();
    if (problem) throw new AppError("unavailable:storage", problem);
  };

  const retrying = async <T>(attempt: () => T | Promise<T>, call: CallOptions = {}): Promise<T> => {
    const limit = call.deadlineMs ?? deadlineMs;
    const started = now();
    for (let n = 0; ; n++) {
      try {
        return await attempt();
      } catch (error) {
        if (!isBusyError(error)) throw error;
        const waited = now() - started;
        if (waited >= limit) throw busyUnavailable(Math.round(waited), error);
        await sleep(Math.min(BACKOFF_MS[n] ?? MAX_BACKOFF_MS, Math.max(1, limit - waited)));
      }
    }
  };

  return {
    read: retrying,
    write: (attempt, call) =>
      retrying(async () => {
        // Checked once the attempt ran, not also before: a file already gone is still gone afterwards, so the result
        // is refused all the same, and one stat per write instead of two is a visible share of a turn. Once lost,
        // the answer is remembered and no stat is made at all.
        const out = await attempt();
        assertFile();
        return out;
      }, call),
    assertFile,
    problem: check,
  };
}
