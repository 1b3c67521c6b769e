import { describe, expect, it } from "vitest";
import type { LearningStore, QuizAttempt } from "../../src/assistant/learning/index.js";
import { answeredStatement, quizResultStatement } from "../../src/assistant/learning/xapi.js";
import { LESSONS } from "../fixtures/learning/lessons.js";

/** Shared behaviour every LearningStore adapter must have; `make` returns a fresh, empty store. */
export function learningStoreContract(name: string, make: () => Promise<LearningStore>, skip?: string): void {
  if (skip) console.warn(`LearningStore contract: ${name} skipped — ${skip}`);
  const suite = skip ? describe.skip : describe;
  suite(`LearningStore contract: ${name}`, () => {
    const lesson = LESSONS[0]!;
    const env = (learnerId: string, at: string) => ({ homePage: "https://troly.so", learnerId, platform: "web", at });
    const attempt = (id: string, learnerId: string): QuizAttempt => ({
      id, learnerId, lessonId: lesson.id, attemptNo: 1, total: 3, currentIndex: 0, correct: 0, answers: [], status: "in_progress",
      startedAt: "2026-11-23T01:00:00.000Z", questionShownAt: "2026-11-23T01:00:00.000Z", platform: "web",
    });

    it("stores, updates and deletes profiles", async () => {
      const s = await make();
      expect(await s.getProfile("x")).toBeUndefined();
      await s.saveProfile({ learnerId: "x", consentAt: "2026-11-01T00:00:00.000Z", updatedAt: "2026-11-01T00:00:00.000Z" });
      await s.saveProfile({ learnerId: "x", consentAt: "2026-11-01T00:00:00.000Z", updatedAt: "2026-11-02T00:00:00.000Z", provinceCode: "01", targetGroup: "student" });
      expect(await s.getProfile("x")).toMatchObject({ provinceCode: "01", targetGroup: "student", communeCode: undefined });
      await s.deleteProfile("x");
      expect(await s.getProfile("x")).toBeUndefined();
      await s.close();
    });

    it("imports units and lists children by parent", async () => {
      const s = await make();
      await s.importUnits([
        { code: "01", name: "Hà Nội", level: "province" },
        { code: "C2", name: "Phường B", level: "commune", parentCode: "01" },
        { code: "C1", name: "Phường A", level: "commune", parentCode: "01" },
      ]);
      expect((await s.listUnits("commune", "01")).map((u) => u.code)).toEqual(["C1", "C2"]);
      expect(await s.getUnit("01")).toEqual({ code: "01", name: "Hà Nội", level: "province", parentCode: undefined });
      await s.close();
    });

    it("redeems a link code once, refuses expired codes and keeps one live code per learner", async () => {
      const s = await make();
      await s.createLinkCode("11111111", "canon", "2026-11-23T01:15:00.000Z", "2026-11-23T01:05:00.000Z");
      await s.createLinkCode("12345678", "canon", "2026-11-23T01:15:00.000Z", "2026-11-23T01:05:00.000Z");
      await s.createLinkCode("87654321", "other", "2026-11-23T01:15:00.000Z", "2026-11-23T01:05:00.000Z");
      expect(await s.redeemLinkCode("11111111", "2026-11-23T01:10:00.000Z")).toBeUndefined(); // replaced by the newer code
      expect(await s.redeemLinkCode("12345678", "2026-11-23T01:10:00.000Z")).toBe("canon");
      expect(await s.redeemLinkCode("12345678", "2026-11-23T01:10:00.000Z")).toBeUndefined();
      expect(await s.redeemLinkCode("87654321", "2026-11-23T01:15:00.000Z")).toBeUndefined(); // expired at 01:15
      // Read just before linking (a turn's reads are remembered briefly): the link must show at once all the same.
      expect(await s.canonicalLearner("alias")).toBeUndefined();
      expect(await s.getProfile("canon")).toBeUndefined();
      await s.linkLearner("alias", "canon", "2026-11-23T01:10:00.000Z");
      expect(await s.canonicalLearner("alias")).toBe("canon");
      expect(await s.canonicalLearner("canon")).toBeUndefined();
      await s.close();
    });

    it("persists wrong link codes per account within a window", async () => {
      const s = await make();
      for (const m of ["00", "10", "20"]) await s.recordLinkFailure("acc", `2026-11-23T01:${m}:00.000Z`, "2026-11-23T00:00:00.000Z");
      await s.recordLinkFailure("someone", "2026-11-23T01:20:00.000Z", "2026-11-23T00:00:00.000Z");
      expect(await s.countLinkFailures("acc", "2026-11-23T00:30:00.000Z")).toBe(3);
      expect(await s.countLinkFailures("acc", "2026-11-23T01:05:00.000Z")).toBe(2);
      // Recording prunes this account's rows at or before the window start.
      await s.recordLinkFailure("acc", "2026-11-23T02:15:00.000Z", "2026-11-23T01:15:00.000Z");
      expect(await s.countLinkFailures("acc", "2026-11-23T00:00:00.000Z")).toBe(2);
      expect(await s.countLinkFailures("someone", "2026-11-23T00:00:00.000Z")).toBe(1);
      await s.close();
    });

    it("merges a linked account's history on read without rewriting evidence", async () => {
      const s = await make();
      const at = "2026-11-10T00:00:00.000Z";
      await s.saveProfile({ learnerId: "tg", consentAt: at, updatedAt: at, provinceCode: "01", targetGroup: "student" });
      const tgPassed = quizResultStatement(env("tg", "2026-11-11T00:00:00.000Z"), lesson, { attemptId: "0b0f6c1e-2a2b-4c4d-8e8f-000000000010", correct: 3, total: 3, passed: true, startedAt: at });
      await s.appendStatements([tgPassed]);
      await s.startAttempt({ ...attempt("0b0f6c1e-2a2b-4c4d-8e8f-000000000011", "tg"), lessonId: "l-two" });
      await s.recordQuestion({ learnerId: "tg", text: "vneid la gi", lessonId: "l-two", confidence: 0.9, answered: true, at: "2026-11-11T00:00:00.000Z" });
      await s.saveProfile({ learnerId: "zalo", consentAt: "2026-11-12T00:00:00.000Z", updatedAt: "2026-11-12T00:00:00.000Z" });
      const zaloDone = quizResultStatement(env("zalo", "2026-11-12T00:00:00.000Z"), { ...lesson, id: "l-three" }, { attemptId: "0b0f6c1e-2a2b-4c4d-8e8f-000000000012", correct: 0, total: 3, passed: false, startedAt: at });
      await s.appendStatements([zaloDone]);
      await s.createMentorCode("DSX", "Tổ A", at);
      expect(await s.claimMentorCode("DSX", "tg", at)).toBe(true);

      // The Telegram account ("tg") links to the Zalo learner who issued the code.
      await s.linkLearner("tg", "zalo", "2026-11-20T00:00:00.000Z");
      for (const id of ["zalo", "tg"]) {
        expect(await s.learnerProgress(id)).toEqual({ completed: [], passed: [lesson.id], failed: ["l-three"] });
        expect(await s.attemptCount(id, "l-two")).toBe(1);
        expect((await s.activeAttempt(id))?.id).toBe("0b0f6c1e-2a2b-4c4d-8e8f-000000000011");
        expect(await s.askedLessons(id, 5)).toEqual(["l-two"]);
        expect((await s.mentorOf(id))?.code).toBe("DSX");
      }
      // The most recently updated profile of the pair, under the canonical id.
      expect(await s.getProfile("tg")).toMatchObject({ learnerId: "zalo", consentAt: "2026-11-12T00:00:00.000Z", provinceCode: undefined });
      // Evidence is untouched: the original actor stays on every statement.
      expect((await s.queryStatements({ limit: 10, agentName: "tg" })).map((r) => r.statement.id)).toEqual([tgPassed.id]);
      expect((await s.queryStatements({ limit: 10, agentName: "tg" }))[0]!.statement.actor.account.name).toBe("tg");
      // Reports see one learner.
      const facts = await s.reportFacts("2026-09-30T17:00:00.000Z", "2026-12-31T17:00:00.000Z");
      expect(facts.profiles).toHaveLength(1);
      expect(facts.profiles[0]).toMatchObject({ learnerId: "zalo", consentAt: at });
      expect(new Set(facts.events.map((e) => e.learnerId))).toEqual(new Set(["zalo"]));
      expect(facts.questions.map((q) => q.learnerId)).toEqual(["zalo"]);
      // Linking the canonical learner onward keeps links one level deep.
      await s.linkLearner("zalo", "web", "2026-11-21T00:00:00.000Z");
      expect(await s.canonicalLearner("tg")).toBe("web");
      expect((await s.learnerProgress("web")).passed).toEqual([lesson.id]);
      await s.linkLearner("web", "tg", "2026-11-22T00:00:00.000Z"); // already one learner: no cycle
      expect(await s.canonicalLearner("web")).toBeUndefined();
      // Withdrawal removes the profile of every linked account.
      await s.deleteProfile("tg");
      expect(await s.getProfile("zalo")).toBeUndefined();
      expect((await s.reportFacts("2026-09-30T17:00:00.000Z", "2026-12-31T17:00:00.000Z")).profiles).toEqual([]);
      await s.close();
    });

    it("Xoá hồ sơ deletes the questions of every linked account and keeps the pseudonymous evidence", async () => {
      const s = await make();
      const at = "2026-11-10T00:00:00.000Z";
      const q = (learnerId: string, text: string) => s.recordQuestion({ learnerId, text, lessonId: lesson.id, confidence: 0.9, answered: true, at });
      await s.saveProfile({ learnerId: "web", consentAt: at, updatedAt: at });
      await s.saveProfile({ learnerId: "other", consentAt: at, updatedAt: at });
      await q("web", "vneid la gi");
      await q("zalo", "cach cai vneid");
      await q("other", "chuyen tien");
      await s.linkLearner("zalo", "web", at);
      const passed = quizResultStatement(env("zalo", at), lesson, { attemptId: "0b0f6c1e-2a2b-4c4d-8e8f-000000000020", correct: 3, total: 3, passed: true, startedAt: at });
      await s.appendStatements([passed]);

      await s.deleteProfile("zalo");
      expect(await s.askedLessons("web", 5)).toEqual([]);
      const facts = await s.reportFacts("2026-09-30T17:00:00.000Z", "2026-12-31T17:00:00.000Z");
      expect(facts.questions.map((x) => x.text)).toEqual(["chuyen tien"]);
      expect(await s.askedLessons("other", 5)).toEqual([lesson.id]);
      expect((await s.queryStatements({ limit: 10, agentName: "zalo" })).map((r) => r.statement.id)).toEqual([passed.id]);
      await s.close();
    });

    it("redacts personal data in questions and deletes questions older than the retention cutoff", async () => {
      const s = await make();
      const q = (text: string, at: string) => s.recordQuestion({ learnerId: "x", text, confidence: 0.1, answered: false, at });
      await q("sđt 0912345678, cccd 001099012345, mật khẩu là abc@123 thì sao", "2026-05-01T00:00:00.000Z");
      await q("vneid la gi", "2026-11-01T00:00:00.000Z");
      const all = await s.reportFacts("2026-01-01T00:00:00.000Z", "2027-01-01T00:00:00.000Z");
      expect(all.questions.map((x) => x.text).sort()).toEqual(["sđt [số điện thoại], cccd [số căn cước], mật khẩu là [mật khẩu] thì sao", "vneid la gi"]);
      expect(await s.deleteQuestionsBefore("2026-06-01T00:00:00.000Z")).toBe(1);
      const kept = await s.reportFacts("2026-01-01T00:00:00.000Z", "2027-01-01T00:00:00.000Z");
      expect(kept.questions.map((x) => x.text)).toEqual(["vneid la gi"]);
      await s.close();
    });

    it("queues every new statement in the outbox, with or without an LRS configured", async () => {
      const s = await make();
      const st = quizResultStatement(env("learner-5", "2026-11-23T01:05:00.000Z"), lesson, { attemptId: "0b0f6c1e-2a2b-4c4d-8e8f-000000000005", correct: 3, total: 3, passed: true, startedAt: "2026-11-23T01:00:00.000Z" });
      expect(await s.appendStatements([st, st])).toBe(1);
      expect(await s.outboxCounts()).toEqual({ pending: 1, sent: 0 });
      expect((await s.dueOutbox("2026-11-23T01:06:00.000Z", 10)).map((i) => i.statementId)).toEqual([st.id]);
      await s.close();
    });

    it("applies an answer once (compare-and-set) with its statements and outbox rows in one go", async () => {
      const s = await make();
      const a = attempt("0b0f6c1e-2a2b-4c4d-8e8f-000000000001", "learner-1");
      await s.startAttempt(a);
      expect((await s.activeAttempt("learner-1"))?.id).toBe(a.id);
      const st = answeredStatement(env("learner-1", "2026-11-23T01:01:00.000Z"), lesson, { attemptId: a.id, index: 0, chosen: 0, shownAt: a.questionShownAt });
      const next = { ...a, currentIndex: 1, correct: 1, answers: [0], questionShownAt: "2026-11-23T01:01:00.000Z" };
      expect(await s.applyAnswer(next, 0, [st])).toBe(true);
      expect(await s.applyAnswer(next, 0, [st])).toBe(false); // redelivery
      expect(await s.appendStatements([st])).toBe(0);
      expect((await s.queryStatements({ limit: 10 })).length).toBe(1);
      expect(await s.outboxCounts()).toEqual({ pending: 1, sent: 0 });
      expect(await s.getAttempt(a.id)).toMatchObject({ currentIndex: 1, correct: 1, answers: [0] });
      await s.close();
    });

    it("keeps evidence append-only", async () => {
      const s = await make();
      const st = quizResultStatement(env("learner-2", "2026-11-23T01:05:00.000Z"), lesson, { attemptId: "0b0f6c1e-2a2b-4c4d-8e8f-000000000002", correct: 3, total: 3, passed: true, startedAt: "2026-11-23T01:00:00.000Z" });
      expect(await s.appendStatements([st, st])).toBe(1);
      expect(await s.learnerProgress("learner-2")).toEqual({ completed: [], passed: [lesson.id], failed: [] });
      await s.close();
    });

    it("filters and pages statements by stored order", async () => {
      const s = await make();
      const sts = [0, 1, 2].map((i) =>
        answeredStatement(env(i === 2 ? "other" : "learner-3", `2026-11-23T02:0${i}:00.000Z`), lesson, { attemptId: "0b0f6c1e-2a2b-4c4d-8e8f-000000000003", index: i, chosen: 1, shownAt: "2026-11-23T02:00:00.000Z" }),
      );
      await s.appendStatements(sts);
      const first = await s.queryStatements({ limit: 2 });
      expect(first.map((r) => r.statement.id)).toEqual([sts[0]!.id, sts[1]!.id]);
      const rest = await s.queryStatements({ limit: 2, afterSeq: first[1]!.seq });
      expect(rest.map((r) => r.statement.id)).toEqual([sts[2]!.id]);
      expect((await s.queryStatements({ limit: 10, agentName: "learner-3" })).length).toBe(2);
      expect((await s.queryStatements({ limit: 10, since: "2026-11-23T02:00:30.000Z" })).length).toBe(2);
      expect((await s.queryStatements({ limit: 10, verb: "http://adlnet.gov/expapi/verbs/passed" })).length).toBe(0);
      expect((await s.queryStatements({ limit: 10, activity: "https://troly.so/quiz/l-one/question/2" })).length).toBe(1);
      await s.close();
    });

    it("moves outbox rows through retry and sent", async () => {
      const s = await make();
      const st = quizResultStatement(env("learner-4", "2026-11-23T01:05:00.000Z"), lesson, { attemptId: "0b0f6c1e-2a2b-4c4d-8e8f-000000000004", correct: 1, total: 3, passed: false, startedAt: "2026-11-23T01:00:00.000Z" });
      await s.appendStatements([st]);
      const [item] = await s.dueOutbox("2026-11-23T01:06:00.000Z", 10);
      expect(item?.statement.id).toBe(st.id);
      await s.markRetry([item!.id], "2026-11-23T01:10:00.000Z", "HTTP 503");
      expect(await s.dueOutbox("2026-11-23T01:07:00.000Z", 10)).toEqual([]);
      expect((await s.dueOutbox("2026-11-23T01:10:00.000Z", 10))[0]?.attempts).toBe(1);
      await s.markSent([item!.id], "2026-11-23T01:10:01.000Z");
      expect(await s.outboxCounts()).toEqual({ pending: 0, sent: 1 });
      await s.close();
    });

    it("lets one learner claim a mentor code and mentees join once", async () => {
      const s = await make();
      await s.createMentorCode("DSABC", "Chi đoàn A", "2026-11-23T01:00:00.000Z");
      expect(await s.claimMentorCode("DSABC", "mentor", "2026-11-23T01:01:00.000Z")).toBe(true);
      expect(await s.claimMentorCode("DSABC", "someone-else", "2026-11-23T01:02:00.000Z")).toBe(false);
      expect(await s.addMentee("DSABC", "m1", "2026-11-23T01:03:00.000Z")).toBe(true);
      expect(await s.addMentee("DSABC", "m1", "2026-11-23T01:04:00.000Z")).toBe(false);
      expect((await s.mentees("DSABC")).map((m) => m.learnerId)).toEqual(["m1"]);
      expect((await s.mentorOf("mentor"))?.code).toBe("DSABC");
      await s.close();
    });

    it("keeps mentee names and opt-outs, rate-limits mentor messages and delivers them once", async () => {
      const s = await make();
      await s.createMentorCode("DSM", "Chị Hoa", "2026-11-23T01:00:00.000Z");
      await s.claimMentorCode("DSM", "mentor", "2026-11-23T01:01:00.000Z");
      await s.addMentee("DSM", "m1", "2026-11-23T01:02:00.000Z");
      await s.setMenteeName("m1", "Bà Lan");
      expect(await s.mentees("DSM")).toEqual([{ learnerId: "m1", joinedAt: "2026-11-23T01:02:00.000Z", displayName: "Bà Lan", messagesOff: false }]);
      expect(await s.queueMentorMessage("DSM", "not-a-mentee", "encourage", "2026-11-23T02:00:00.000Z", "2026-11-22T02:00:00.000Z")).toBe(false);
      expect(await s.queueMentorMessage("DSM", "m1", "encourage", "2026-11-23T02:00:00.000Z", "2026-11-22T02:00:00.000Z")).toBe(true);
      expect(await s.queueMentorMessage("DSM", "m1", "encourage", "2026-11-23T03:00:00.000Z", "2026-11-22T03:00:00.000Z")).toBe(false);
      expect(await s.takeMentorMessages("m1", "2026-11-23T04:00:00.000Z")).toEqual([{ code: "DSM", kind: "encourage", createdAt: "2026-11-23T02:00:00.000Z" }]);
      expect(await s.takeMentorMessages("m1", "2026-11-23T04:00:01.000Z")).toEqual([]);
      await s.setMenteeMessagesOff("m1", true);
      expect((await s.mentees("DSM"))[0]?.messagesOff).toBe(true);
      expect(await s.queueMentorMessage("DSM", "m1", "encourage", "2026-11-25T02:00:00.000Z", "2026-11-24T02:00:00.000Z")).toBe(false);
      expect(await s.lastActivity("m1")).toBeUndefined();
      await s.close();
    });

    it("stores locality contacts per unit code (upsert, list, delete)", async () => {
      const s = await make();
      const c = { unitCode: "00001", deskPhone: "024 3825 1234", deskHours: "Thứ Hai–Thứ Sáu, 7:30–17:00", teamName: "Tổ công nghệ số cộng đồng", updatedAt: "2026-11-23T01:00:00.000Z" };
      await s.saveLocalityContact(c);
      expect(await s.getLocalityContact("00001")).toEqual({ ...c, deskAddress: undefined, teamContact: undefined });
      await s.saveLocalityContact({ ...c, teamContact: "Zalo 0912 000 111", updatedAt: "2026-11-24T01:00:00.000Z" });
      expect((await s.listLocalityContacts()).map((x) => x.teamContact)).toEqual(["Zalo 0912 000 111"]);
      expect(await s.deleteLocalityContact("00001")).toBe(true);
      expect(await s.getLocalityContact("00001")).toBeUndefined();
      await s.close();
    });
  });
}
