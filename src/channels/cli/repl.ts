import { createInterface } from "node:readline/promises";
import type { Readable, Writable } from "node:stream";
import type { Assistant } from "../../assistant/index.js";
import { renderReplyText } from "./render-text.js";

export interface ChatReplOptions {
  assistant: Assistant;
  input: Readable;
  output: Writable;
  /** Terminal user id; the same id across runs keeps step mode and follow-ups. */
  userId: string;
}

/**
 * `npm run chat`: a terminal conversation over the same assistant as the web and bots. Typing the number of an
 * option taps that button; "/thoat" or Ctrl+D ends. Resolves with the number of turns.
 */
export async function runChatRepl(options: ChatReplOptions): Promise<number> {
  const rl = createInterface({ input: options.input, output: options.output, terminal: false });
  // Take the line iterator now: lines typed (or piped) while the greeting is being built must not be lost.
  const lines = rl[Symbol.asyncIterator]();
  const write = (s: string) => options.output.write(`${s}\n`);
  write("Trợ lý số – trò chuyện trong cửa sổ lệnh. Gõ câu hỏi rồi Enter; gõ số để chọn nút; /thoat để thoát.\n");
  let current: Array<{ action: string }> = [];
  let turns = 0;
  const ask = async (text?: string, action?: string) => {
    const reply = await options.assistant.handle({ channel: "cli", userId: options.userId, text, action });
    const rendered = renderReplyText(reply);
    current = rendered.options;
    turns += 1;
    write(`\n${rendered.text}\n`);
  };
  await ask("/start");
  options.output.write("> ");
  for (let next = await lines.next(); !next.done; next = await lines.next()) {
    const text = String(next.value).trim();
    if (text === "/thoat" || text === "/exit") break;
    if (text) {
      const pick = /^\d{1,2}$/.test(text) ? current[Number(text) - 1] : undefined;
      await (pick ? ask(undefined, pick.action) : ask(text));
    }
    options.output.write("> ");
  }
  rl.close();
  write("\nTạm biệt!");
  return turns;
}
