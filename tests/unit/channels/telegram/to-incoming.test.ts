import { describe, expect, it } from "vitest";
import type { Message } from "telegraf/types";
import { decideMessage } from "../../../../src/channels/telegram/to-incoming.js";
import { tgGroup, tgPhoto, tgSticker, tgText } from "../../../fixtures/telegram-updates.js";

const me = { id: 777, username: "TroLySoBot" };
const bot = { id: 777, is_bot: true, first_name: "Trợ lý số" };
const decide = (update: ReturnType<typeof tgText>) => decideMessage((update as { message: Message }).message, me);

describe("decideMessage (Telegram addressing)", () => {
  it("passes every private text through", () => {
    expect(decide(tgText("dt ko dc vneid"))).toEqual({ kind: "text", text: "dt ko dc vneid" });
  });

  it("ignores group chatter, other bots' commands and unknown bare commands", () => {
    expect(decide(tgText("hôm nay trời đẹp", { chat: tgGroup })).kind).toBe("ignore");
    expect(decide(tgText("/hoi@OtherBot cách cài", { chat: tgGroup })).kind).toBe("ignore");
    expect(decide(tgText("/weather", { chat: tgGroup })).kind).toBe("ignore");
  });

  it("answers /hoi and /hoi@Bot in groups, stripping only the bot suffix", () => {
    expect(decide(tgText("/hoi cách cài VNeID", { chat: tgGroup }))).toEqual({ kind: "text", text: "/hoi cách cài VNeID" });
    expect(decide(tgText("/hoi@TroLySoBot cách cài VNeID", { chat: tgGroup }))).toEqual({ kind: "text", text: "/hoi cách cài VNeID" });
    expect(decide(tgText("/kiemtra@trolysobot", { chat: tgGroup }))).toEqual({ kind: "text", text: "/kiemtra" });
  });

  it("answers a reply to the bot and an @mention (any case), with the mention removed", () => {
    expect(decide(tgText("còn bước sau?", { chat: tgGroup, replyToFrom: bot }))).toEqual({ kind: "text", text: "còn bước sau?" });
    expect(decide(tgText("@trolysobot cách nộp hồ sơ", { chat: tgGroup }))).toEqual({ kind: "text", text: "cách nộp hồ sơ" });
    expect(decide(tgText("hỏi @TroLySoBot: lệ phí bao nhiêu", { chat: tgGroup })).kind).toBe("text");
    expect(decide(tgText("@SomeoneElse ơi", { chat: tgGroup })).kind).toBe("ignore");
  });

  it("flags non-text messages in private chats and ignores them in groups", () => {
    expect(decide(tgSticker())).toEqual({ kind: "non-text" });
    expect(decide(tgPhoto())).toEqual({ kind: "non-text" });
    expect(decide(tgPhoto(tgGroup)).kind).toBe("ignore");
  });
});
