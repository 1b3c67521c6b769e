import { describe, expect, it } from "vitest";
import { createWhatFollows, readNextUp, writeNextUp } from "../../../../src/assistant/dialogue/what-follows.js";
import type { Chunk, ConversationState } from "../../../../src/assistant/index.js";
import { dvcSubmit, installVneid, otpMeaning, registerLevel1, vneidAfterInstall, vneidOffline } from "../../../fixtures/chunks.js";

const section = (base: Chunk, id: string, heading: string): Chunk => ({ ...base, id: `${base.lessonId}#${id}`, section: heading });

describe("createWhatFollows", () => {
  it("prefers a later section of the same lesson whose heading is about afterwards", () => {
    const follows = createWhatFollows([installVneid, vneidOffline, vneidAfterInstall, registerLevel1], (id) =>
      id === "vneid-cai-dat" ? "vneid-dang-ky" : undefined,
    );
    expect(follows(installVneid.id)).toBe(vneidAfterInstall);
    expect(follows(vneidOffline.id)).toBe(vneidAfterInstall);
  });

  it.each(["Xong thì nộp ở đâu?", "Bước tiếp theo", "Làm gì tiếp khi đã có mã?", "Sau khi nộp hồ sơ"])(
    "reads %j as a heading about afterwards",
    (heading) => {
      const later = section(installVneid, "sau", heading);
      expect(createWhatFollows([installVneid, vneidOffline, later], () => undefined)(installVneid.id)).toBe(later);
    },
  );

  it("then the first section of the lesson's front-matter `next:` lesson", () => {
    const follows = createWhatFollows([installVneid, vneidOffline, registerLevel1], (id) => (id === "vneid-cai-dat" ? "vneid-dang-ky" : undefined));
    expect(follows(installVneid.id)).toBe(registerLevel1);
    // The last section of the lesson too.
    expect(follows(vneidOffline.id)).toBe(registerLevel1);
  });

  it("else the lesson's next section, and nothing after the last one", () => {
    const follows = createWhatFollows([installVneid, vneidOffline, otpMeaning], () => undefined);
    expect(follows(installVneid.id)).toBe(vneidOffline);
    expect(follows(vneidOffline.id)).toBeUndefined();
    expect(follows(otpMeaning.id)).toBeUndefined();
  });

  it("never looks backwards or into other lessons without a `next:` link", () => {
    const earlierAfterwards = section(installVneid, "xong", "Cài xong thì sao?");
    const follows = createWhatFollows([earlierAfterwards, installVneid, dvcSubmit], () => undefined);
    expect(follows(installVneid.id)).toBeUndefined();
  });

  it("knows nothing for an unknown section, and ignores a `next:` lesson that has no sections", () => {
    const follows = createWhatFollows([installVneid, vneidOffline], () => "bai-khong-co");
    expect(follows("khong-co#muc")).toBeUndefined();
    expect(follows(installVneid.id)).toBe(vneidOffline);
  });
});

describe("next-up state", () => {
  it("keeps the offered section's id and forgets it", () => {
    const state: ConversationState = {};
    expect(readNextUp(state)).toBeUndefined();
    writeNextUp(state, registerLevel1);
    expect(readNextUp(state)).toBe(registerLevel1.id);
    expect(JSON.parse(JSON.stringify(state))).toEqual({ nextUp: registerLevel1.id });
    writeNextUp(state, undefined);
    expect(state).toEqual({});
  });
});
