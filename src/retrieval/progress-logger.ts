import type { Logger } from "../shared/logger.js";

/**
 * A plain-text Logger for the CLI scripts (npm run index / eval / bench): one readable line per event on stderr,
 * so stdout stays clean for the figures.
 */
export function progressLogger(prefix = "index"): Logger {
  const line = (level: string) => (obj: object | string, msg?: string) => {
    const text = typeof obj === "string" ? obj : msg ?? "";
    const fields = typeof obj === "string" ? "" : Object.entries(obj).map(([k, v]) => `${k}=${String(v)}`).join(" ");
    process.stderr.write(`${prefix}${level === "info" ? "" : ` ${level}`}: ${text}${fields ? ` (${fields})` : ""}\n`);
  };
  const logger: Logger = { info: line("info"), warn: line("warn"), error: line("error"), debug: () => {}, child: () => logger };
  return logger;
}
