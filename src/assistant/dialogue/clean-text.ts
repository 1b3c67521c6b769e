/**
 * Input hygiene shared by every channel (web, Telegram, Zalo, terminal all reach the core through
 * Assistant.handle, which cleans here before any feature, store or log sees the text): Unicode NFC (Vietnamese
 * keyboards emit both forms), control characters removed — a NUL byte is refused by PostgreSQL text columns and
 * broke /lienket and /moi — lone UTF-16 surrogates replaced, whitespace collapsed, trimmed.
 */
export function cleanInput(text: string | undefined): string {
  return stripControls(text ?? "").normalize("NFC").replace(/\s+/g, " ").trim();
}

/** A button payload as features see it: control characters removed, trimmed; undefined when nothing is left. */
export function cleanAction(action: string | undefined): string | undefined {
  return stripControls(action ?? "").trim() || undefined;
}

// C0 controls that are not whitespace (tab, line feed, vertical tab, form feed, carriage return are collapsed above),
// and DEL.
// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u0008\u000E-\u001F\u007F]/g;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

function stripControls(text: string): string {
  return text.replace(CONTROLS, "").replace(LONE_SURROGATE, "\uFFFD");
}
