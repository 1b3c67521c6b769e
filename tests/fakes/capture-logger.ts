import type { Logger } from "../../src/shared/logger.js";

/** A Logger that records every line (level, message, fields), to assert what was logged and how often. */
export function captureLogger() {
  const lines: Array<{ level: string; msg: string; fields: Record<string, unknown> }> = [];
  const at =
    (level: string) =>
    (obj: object | string, msg?: string): void => {
      if (typeof obj === "string") lines.push({ level, msg: obj, fields: {} });
      else lines.push({ level, msg: msg ?? "", fields: obj as Record<string, unknown> });
    };
  const logger: Logger = { info: at("info"), warn: at("warn"), error: at("error"), debug: at("debug"), child: () => logger };
  return { logger, lines, count: (level: string, pattern: RegExp) => lines.filter((l) => l.level === level && pattern.test(l.msg)).length };
}
