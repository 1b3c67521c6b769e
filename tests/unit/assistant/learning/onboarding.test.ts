import { describe, expect, it } from "vitest";
import { T } from "../../../../src/assistant/learning/texts.js";
import { learningHarness } from "../../../fixtures/learning/harness.js";

/** Onboarding answered by typing at every step (Zalo has nothing to tap), read by meaning. */
async function setup(channel: "web" | "zalo" = "zalo") {
  const harness = learningHarness({ channel });
  await harness.store.importUnits([
    { level: "province", code: "01", name: "Thành phố Hà Nội" },
    { level: "province", code: "79", name: "Thành phố Hồ Chí Minh" },
    { level: "commune", code: "00004", name: "Phường Ba Đình", parentCode: "01" },
    { level: "commune", code: "00008", name: "Phường Hoàn Kiếm", parentCode: "01" },
  ]);
  return harness;
}

describe("onboarding by typed answers", () => {
  it("takes consent, province, commune, group and age typed in plain words", async () => {
    const { say, store, learnerId } = await setup();
    expect((await say({ text: "/hoso" })).text).toContain(T.consent);
    expect((await say({ text: "dong y" })).text).toContain(T.askProvince);
    expect((await say({ text: "ha noi" })).text).toContain(T.askCommune("Thành phố Hà Nội"));
    await say({ text: "Hoàn Kiếm" });
    // No neighbourhoods for this ward: straight to the group.
    expect((await store.getProfile(await learnerId()))?.communeCode).toBe("00008");
    await say({ text: "tôi là nông dân" });
    const done = await say({ text: "năm nay 70 tuổi rồi" });
    expect(done.text).toContain(T.profileDone);
    expect(await store.getProfile(await learnerId())).toMatchObject({ provinceCode: "01", communeCode: "00008", targetGroup: "citizen", ageBand: "60+" });
  });

  it("skips a question on 'bỏ qua' and stores nothing when consent is refused in words", async () => {
    const refused = await setup();
    await refused.say({ text: "/hoso" });
    await refused.say({ text: "không đồng ý" });
    expect(await refused.store.getProfile(await refused.learnerId())).toBeUndefined();

    const { say, store, learnerId } = await setup();
    await say({ text: "/hoso" });
    await say({ text: "có" });
    expect((await say({ text: "bo qua" })).text).toContain(T.askGroup);
    await say({ text: "sinh viên" });
    await say({ text: "bỏ qua" });
    expect(await store.getProfile(await learnerId())).toMatchObject({ targetGroup: "student" });
    expect((await store.getProfile(await learnerId()))?.provinceCode).toBeUndefined();
    expect((await store.getProfile(await learnerId()))?.ageBand).toBeUndefined();
  });

  it("leaves a real question to the other features while a question is open", async () => {
    const { say } = await setup();
    await say({ text: "/hoso" });
    // "có cách nào…" is a question, not "có" (yes): it falls through (the harness has no QA feature: help).
    expect((await say({ text: "có cách nào cài VNeID không" })).text).toBe("HELP");
  });

  it("says a typed place was not found and asks again", async () => {
    const { say } = await setup();
    await say({ text: "/hoso" });
    await say({ text: "đồng ý" });
    expect((await say({ text: "Atlantis" })).text).toContain(T.notFound("Atlantis"));
  });
});

describe("onboarding actions forged by a client (issue 11 item 8)", () => {
  it("never sets a commune outside the learner's province, nor a neighbourhood outside their commune", async () => {
    const harness = learningHarness({ channel: "web" });
    await harness.store.importUnits([
      { level: "province", code: "01", name: "Thành phố Hà Nội" },
      { level: "province", code: "79", name: "Thành phố Hồ Chí Minh" },
      { level: "commune", code: "00004", name: "Phường Ba Đình", parentCode: "01" },
      { level: "commune", code: "26734", name: "Phường Sài Gòn", parentCode: "79" },
      { level: "neighbourhood", code: "00004-TDP01", name: "Tổ dân phố số 1", parentCode: "00004" },
      { level: "neighbourhood", code: "26734-KP01", name: "Khu phố 1", parentCode: "26734" },
    ]);
    const { say, store, learnerId } = harness;
    await say({ text: "/hoso" });
    await say({ action: "ob:yes" });
    // Before choosing any province, a commune cannot be set.
    expect((await say({ action: "ob:u:00004" })).text).toContain(T.askProvince);
    expect((await store.getProfile(await learnerId()))?.communeCode).toBeUndefined();
    await say({ action: "ob:u:01" });
    // A commune of another province: refused, the commune question is asked again.
    expect((await say({ action: "ob:u:26734" })).text).toContain(T.askCommune("Thành phố Hà Nội"));
    expect((await store.getProfile(await learnerId()))?.communeCode).toBeUndefined();
    await say({ action: "ob:u:00004" });
    expect((await store.getProfile(await learnerId()))?.communeCode).toBe("00004");
    // A neighbourhood of another commune: refused too.
    await say({ action: "ob:u:26734-KP01" });
    expect((await store.getProfile(await learnerId()))?.neighbourhoodCode).toBeUndefined();
    await say({ action: "ob:u:00004-TDP01" });
    expect(await store.getProfile(await learnerId())).toMatchObject({ provinceCode: "01", communeCode: "00004", neighbourhoodCode: "00004-TDP01" });
  });
});
