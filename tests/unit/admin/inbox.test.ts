import { describe, expect, it } from "vitest";
import { groupInbox, type InboxItem } from "../../../src/admin/inbox.js";

const item = (text: string, count: number, reason: InboxItem["reason"] = "low_confidence", answerRef?: string): InboxItem => ({
  text,
  reason,
  count,
  lastAt: "2026-11-20T00:00:00.000Z",
  ...(answerRef ? { answerRef } : {}),
});

describe("unanswered inbox grouping", () => {
  it("groups similar questions, most frequent group first, with examples, reasons and the answers given", () => {
    const groups = groupInbox([
      item("cách đăng ký xe máy online", 2),
      item("dang ky xe may online the nao", 1, "not_helpful", "dvc#dang-ky-xe"),
      item("thời tiết hôm nay", 1, "out_of_scope"),
      item("đăng ký xe máy online như thế nào", 4, "not_helpful", "dvc#dang-ky-xe"),
      item("giá vàng hôm nay", 5, "out_of_scope"),
    ]);
    expect(groups.map((g) => [g.key, g.total])).toEqual([
      ["đăng ký xe máy online như thế nào", 7],
      ["giá vàng hôm nay", 5],
      ["thời tiết hôm nay", 1],
    ]);
    expect(groups[0]?.reasons).toEqual({ not_helpful: 5, low_confidence: 2 });
    expect(groups[0]?.answers).toEqual([{ ref: "dvc#dang-ky-xe", count: 5 }]);
    expect(groups[0]?.texts).toHaveLength(3);
  });

  it("is deterministic: the same items in any order give the same groups", () => {
    const items = [item("a b c", 1), item("x y z", 1), item("a b c d", 1), item("x y", 1)];
    expect(groupInbox([...items].reverse())).toEqual(groupInbox(items));
  });
});
