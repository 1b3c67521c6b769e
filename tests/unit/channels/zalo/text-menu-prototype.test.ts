import { describe, expect, it } from "vitest";
import type { Reply } from "../../../../src/assistant/types.js";
import { buildTextMenu, matchTextMenu } from "../../../../src/channels/zalo/text-menu.js";

const stepReply: Reply = {
  kind: "step",
  text: "Bước 1: Mở CH Play.",
  buttons: [{ label: "Bước tiếp ▶", action: "s:next" }, { label: "Dừng", action: "s:stop" }],
  sources: [],
  confidence: 1,
};

describe("Zalo text menus and object keys (found by npm run fuzz)", () => {
  it("never returns Object.prototype members for typed words like constructor or toString", () => {
    const { menu } = buildTextMenu(stepReply);
    for (const typed of ["constructor", "toString", "__proto__", "hasOwnProperty", "valueOf", "Constructor"]) {
      expect(matchTextMenu(typed, menu)).toBeUndefined();
    }
    expect(matchTextMenu("tiếp", menu)).toBe("s:next");
  });
});
