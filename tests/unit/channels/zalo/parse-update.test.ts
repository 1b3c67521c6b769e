import { describe, expect, it } from "vitest";
import { parseZaloUpdate, stripLeadingMention } from "../../../../src/channels/zalo/parse-update.js";
import { wrap, zaloEvent, zaloText } from "../../../fixtures/zalo-events.js";

describe("parseZaloUpdate", () => {
  it("reads the flat and the wrapped body the same way", () => {
    const flat = zaloText("Xin chào", { messageId: "abc" });
    const expected = { eventName: "message.text.received", messageId: "abc", chatId: flat.message.from.id, userId: flat.message.from.id, isGroup: false, text: "Xin chào" };
    expect(parseZaloUpdate(flat)).toEqual(expected);
    expect(parseZaloUpdate(wrap(flat))).toEqual(expected);
  });

  it("marks group chats and tolerates events without a message body", () => {
    expect(parseZaloUpdate(zaloText("@Bot Trợ Lý Số hỏi", { group: true }))?.isGroup).toBe(true);
    expect(parseZaloUpdate({ event_name: "message.unsupported.received" })).toMatchObject({ eventName: "message.unsupported.received", chatId: undefined });
    expect(parseZaloUpdate(zaloEvent("message.image.received", { photo: "https://x/y.jpg" }))?.eventName).toBe("message.image.received");
  });

  it("rejects bodies that are not updates", () => {
    expect(parseZaloUpdate(undefined)).toBeUndefined();
    expect(parseZaloUpdate("text")).toBeUndefined();
    expect(parseZaloUpdate({ ok: true, result: { foo: 1 } })).toBeUndefined();
  });
});

describe("stripLeadingMention", () => {
  it("strips a known multi-word bot name, else the first @word", () => {
    expect(stripLeadingMention("@Bot Trợ Lý Số cách cài VNeID", ["Bot Trợ Lý Số"])).toBe("cách cài VNeID");
    expect(stripLeadingMention("@bot trợ lý số: cách cài VNeID", ["Bot Trợ Lý Số"])).toBe("cách cài VNeID");
    expect(stripLeadingMention("@TroLy cách cài VNeID", [])).toBe("cách cài VNeID");
    expect(stripLeadingMention("  cách cài VNeID ", ["Bot Trợ Lý Số"])).toBe("cách cài VNeID");
  });
});
