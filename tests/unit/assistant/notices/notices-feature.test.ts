import { describe, expect, it } from "vitest";
import { createAssistant, type Feature, type Reply } from "../../../../src/assistant/index.js";
import { createNoticesFeature, type NoticeInput, type Place } from "../../../../src/assistant/notices/index.js";
import { InMemoryConversationStore } from "../../../fakes/in-memory-stores.js";
import { createMemoryNoticeStore } from "../../../fakes/memory-notice-store.js";
import { testTemplates } from "../../../fixtures/templates.js";

const PLACES: Record<string, Place | undefined> = {
  "L:web:lan": { provinceCode: "01", communeCode: "01-HOANKIEM" },
  "L:web:minh": { provinceCode: "01", communeCode: "01-CUANAM" },
  "L:web:tuan": undefined,
};
const NAMES: Record<string, string> = { "01": "Thành phố Hà Nội", "01-HOANKIEM": "Phường Hoàn Kiếm", "01-CUANAM": "Phường Cửa Nam" };
const TOPICS: Record<string, string> = { "dvc-nop-ho-so": "dvc", "an-toan-otp": "safety", "vneid-cai-dat": "vneid" };

const hours: NoticeInput = {
  provinceCode: "01",
  communeCode: "01-HOANKIEM",
  kind: "hours",
  title: "Bộ phận một cửa làm việc sáng thứ Bảy",
  text: "Từ 6/12, bộ phận một cửa phường mở thêm sáng thứ Bảy 7:30–11:30. Điện thoại: 024 3825 0000.",
  startsAt: "2026-12-01T00:00:00.000Z",
  endsAt: "2026-12-14T17:00:00.000Z",
  topics: ["dvc"],
};

/** The answering side, faked: "nộp hồ sơ" is answered from a dvc lesson, "otp" from a safety one, hello greets. */
const qa: Feature = {
  name: "qa",
  async handle(turn): Promise<Reply> {
    if (turn.text === "xin chào") return { kind: "greeting", text: "Chào bạn!", sources: [], confidence: 1 };
    const id = turn.text.includes("hồ sơ") ? "dvc-nop-ho-so" : turn.text.includes("otp") ? "an-toan-otp" : "vneid-cai-dat";
    return { kind: "answer", text: `Trả lời: ${turn.text}`, sources: [{ id, title: id, section: "s", url: "https://x.vn", updated: "2026-01-01" }], confidence: 0.9 };
  },
};

function setup() {
  const store = createMemoryNoticeStore();
  let now = new Date("2026-12-02T02:00:00.000Z");
  const notices = createNoticesFeature({
    notices: store,
    placeOf: async (id) => PLACES[id],
    placeName: async (code) => NAMES[code],
    lessonTopic: (id) => TOPICS[id],
    placeAction: "ob:e:place",
  });
  const assistant = createAssistant({
    features: [notices, qa],
    conversations: new InMemoryConversationStore(),
    learnerIdFor: (m) => `L:${m.channel}:${m.userId}`,
    templates: testTemplates,
    clock: () => now,
  });
  const ask = (userId: string, text: string) => assistant.handle({ channel: "web", userId, text });
  return { store, ask, setNow: (iso: string) => void (now = new Date(iso)) };
}
const by = { by: "editor", at: new Date("2026-11-29T00:00:00.000Z") };

describe("local notices for learners", () => {
  it("appends a commune's notice to a matching answer for a learner of that commune only", async () => {
    const { store, ask } = setup();
    await store.create(hours, by);
    const lan = await ask("lan", "nộp hồ sơ trực tuyến thế nào");
    expect(lan.text).toContain("Trả lời: nộp hồ sơ");
    expect(lan.text).toContain("📢 Thông báo của Phường Hoàn Kiếm: Bộ phận một cửa làm việc sáng thứ Bảy");
    expect(lan.text).toContain("Điện thoại: 024 3825 0000");
    expect((await ask("minh", "nộp hồ sơ trực tuyến thế nào")).text).not.toContain("📢");
    expect((await ask("tuan", "nộp hồ sơ trực tuyến thế nào")).text).not.toContain("📢");
  });

  it("not in an answer on another topic, unless the question uses one of the notice's keywords", async () => {
    const { store, ask } = setup();
    await store.create({ ...hours, topics: ["dvc", "căn cước"] }, by);
    expect((await ask("lan", "cài vneid")).text).not.toContain("📢");
    expect((await ask("lan", "làm căn cước ở đâu")).text).toContain("📢 Thông báo của Phường Hoàn Kiếm");
  });

  it("never before its start nor after its end (injected clock)", async () => {
    const { store, ask, setNow } = setup();
    await store.create(hours, by);
    setNow("2026-11-30T23:59:59.000Z");
    expect((await ask("lan", "nộp hồ sơ")).text).not.toContain("📢");
    setNow("2026-12-14T17:00:00.000Z");
    expect((await ask("lan", "nộp hồ sơ")).text).not.toContain("📢");
    setNow("2026-12-14T16:59:59.000Z");
    expect((await ask("lan", "nộp hồ sơ")).text).toContain("📢");
  });

  it("shows the same notice to the same learner at most once a Vietnam day", async () => {
    const { store, ask, setNow } = setup();
    await store.create(hours, by);
    expect((await ask("lan", "nộp hồ sơ")).text).toContain("📢");
    expect((await ask("lan", "nộp hồ sơ lần nữa")).text).not.toContain("📢");
    // 23:30 in Hà Nội is still the same day; 00:10 the next day is a new one.
    setNow("2026-12-02T16:30:00.000Z");
    expect((await ask("lan", "nộp hồ sơ")).text).not.toContain("📢");
    setNow("2026-12-02T17:10:00.000Z");
    expect((await ask("lan", "nộp hồ sơ")).text).toContain("📢");
  });

  it("puts scam alerts under the greeting; other kinds stay off the greeting", async () => {
    const { store, ask } = setup();
    await store.create(hours, by);
    expect((await ask("lan", "xin chào")).text).toBe("Chào bạn!");
    await store.create({ ...hours, communeCode: undefined, kind: "scam", title: "Giả danh công an gọi điện", text: "Công an không gọi điện yêu cầu chuyển tiền.", topics: [] }, by);
    const hello = await ask("minh", "xin chào");
    expect(hello.text).toContain("📢 Thông báo của Thành phố Hà Nội (cảnh báo lừa đảo): Giả danh công an gọi điện");
  });

  it("/thongbao and a typed 'thong bao' list the learner's current notices; without a locality, how to set one", async () => {
    const { store, ask } = setup();
    await store.create(hours, by);
    await store.create({ ...hours, communeCode: "01-CUANAM", title: "Của phường khác" }, by);
    await store.create({ ...hours, title: "Đã hết hạn", startsAt: "2026-11-01T00:00:00.000Z", endsAt: "2026-11-02T00:00:00.000Z" }, by);
    for (const text of ["/thongbao", "thong bao", "Thông báo"]) {
      const list = await ask("lan", text);
      expect(list.text).toContain("📢 Thông báo hiện có cho Phường Hoàn Kiếm:");
      expect(list.text).toContain("1. [Giờ làm việc] Bộ phận một cửa làm việc sáng thứ Bảy — Phường Hoàn Kiếm");
      expect(list.text).toContain("(đến hết ngày 14/12/2026)");
      expect(list.text).not.toContain("Của phường khác");
      expect(list.text).not.toContain("Đã hết hạn");
    }
    // Read in the list today: not appended to an answer again today.
    expect((await ask("lan", "nộp hồ sơ")).text).not.toContain("📢");
    expect((await ask("minh", "/thongbao")).text).toContain("Của phường khác");
    const none = await ask("tuan", "/thongbao");
    expect(none.text).toContain("Bạn chưa chọn xã/phường");
    expect(none.buttons).toEqual([{ label: "Chọn nơi ở", action: "ob:e:place" }]);
  });

  it("says so when the locality has no notice, and never decorates a group chat", async () => {
    const { store, ask } = setup();
    expect((await ask("lan", "/thongbao")).text).toBe("Hiện chưa có thông báo nào của Phường Hoàn Kiếm.");
    await store.create(hours, by);
    const assistant = createAssistant({
      features: [createNoticesFeature({ notices: store, placeOf: async (id) => PLACES[id], placeName: async (c) => NAMES[c], lessonTopic: (id) => TOPICS[id] }), qa],
      conversations: new InMemoryConversationStore(),
      learnerIdFor: (m) => `L:web:${m.userId}`,
      templates: testTemplates,
      clock: () => new Date("2026-12-02T02:00:00.000Z"),
    });
    expect((await assistant.handle({ channel: "web", userId: "lan", isGroup: true, text: "nộp hồ sơ" })).text).not.toContain("📢");
  });

  it("a lesson being read gets a notice on its topic; the lesson list gets scam alerts only", async () => {
    const store = createMemoryNoticeStore();
    await store.create(hours, by);
    const lessons: Feature = {
      name: "lessons",
      async handle(turn): Promise<Reply> {
        if (turn.text === "/baihoc") return { kind: "lesson", text: "Chọn chủ đề:", buttons: [{ label: "Dịch vụ công", action: "ls:t:dvc" }], sources: [], confidence: 1 };
        return { kind: "lesson", text: "Phần 1 của bài", buttons: [{ label: "Tiếp", action: "ls:n" }], sources: [], confidence: 1 };
      },
    };
    const assistant = createAssistant({
      features: [
        createNoticesFeature({
          notices: store,
          placeOf: async (id) => PLACES[id],
          placeName: async (c) => NAMES[c],
          lessonTopic: (id) => TOPICS[id],
          openLesson: () => "dvc-nop-ho-so",
        }),
        lessons,
      ],
      conversations: new InMemoryConversationStore(),
      learnerIdFor: (m) => `L:web:${m.userId}`,
      templates: testTemplates,
      clock: () => new Date("2026-12-02T02:00:00.000Z"),
    });
    const say = (text: string) => assistant.handle({ channel: "web", userId: "lan", text });
    expect((await say("/baihoc")).text).toBe("Chọn chủ đề:");
    const part = await say("tiếp");
    expect(part.text).toContain("Phần 1 của bài\n\n📢 Thông báo của Phường Hoàn Kiếm: Bộ phận một cửa");
    await store.create({ ...hours, kind: "scam", title: "Tin nhắn giả mạo ngân hàng", topics: [] }, by);
    expect((await say("/baihoc")).text).toContain("(cảnh báo lừa đảo): Tin nhắn giả mạo ngân hàng");
  });
});
