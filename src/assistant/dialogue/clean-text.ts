/** Input hygiene shared by every channel: Unicode NFC (Vietnamese keyboards emit both forms), trimmed. */
export function cleanInput(text: string | undefined): string {
  return (text ?? "").normalize("NFC").replace(/\s+/g, " ").trim();
}
