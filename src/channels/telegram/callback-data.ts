import { BoundedMap } from "../shared/bounded-map.js";

const maxBytes = 64;
const longPrefix = "~";

/**
 * Telegram rejects callback_data over 64 bytes (BUTTON_DATA_INVALID), and Vietnamese letters take 2-3 bytes each.
 * Core actions are short by contract; anything longer is swapped for a short id kept in a bounded map, so a button
 * never breaks the whole message.
 */
export class CallbackData {
  private readonly long = new BoundedMap<string, string>(5_000);
  private counter = 0;

  encode(action: string): string {
    if (Buffer.byteLength(action, "utf8") <= maxBytes && !action.startsWith(longPrefix)) return action;
    const id = `${longPrefix}${(++this.counter).toString(36)}`;
    this.long.set(id, action);
    return id;
  }

  /** The core action for a callback_data, or undefined when a long payload has been forgotten. */
  decode(data: string): string | undefined {
    return data.startsWith(longPrefix) ? this.long.get(data) : data;
  }
}
