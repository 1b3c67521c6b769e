/**
 * Learning ports: what the lessons/quizzes/evidence features need from storage. Each write that changes quiz state
 * also carries the xAPI statements it produces, so an adapter can commit both in one transaction (a crash between
 * the answer and the reply then loses nothing that was acknowledged, and a redelivered answer records nothing twice).
 */
import type { XapiStatement } from "./xapi-types.js";

export const TARGET_GROUPS = ["citizen", "civil_servant", "student", "worker"] as const;
export type TargetGroup = (typeof TARGET_GROUPS)[number];
export const AGE_BANDS = ["u18", "18-35", "36-59", "60+"] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

/** Stored only after consent. Locality fields are unit codes from the admin-loaded list. */
export interface LearnerProfile {
  learnerId: string;
  consentAt: string;
  provinceCode?: string;
  communeCode?: string;
  neighbourhoodCode?: string;
  targetGroup?: TargetGroup;
  ageBand?: AgeBand;
  updatedAt: string;
}

/** Administrative unit after 1/7/2025: province → commune/ward → neighbourhood (tổ dân phố / thôn). */
export interface AdminUnit {
  code: string;
  name: string;
  level: "province" | "commune" | "neighbourhood";
  parentCode?: string;
}

export type AttemptStatus = "in_progress" | "passed" | "failed";

/** One quiz attempt; its id is the xAPI registration. */
export interface QuizAttempt {
  id: string;
  learnerId: string;
  lessonId: string;
  attemptNo: number;
  total: number;
  /** 0-based index of the question now shown (=== total when finished). */
  currentIndex: number;
  correct: number;
  /** Original option index chosen per answered question. */
  answers: number[];
  status: AttemptStatus;
  startedAt: string;
  /** When the current question was shown (for the answered statement's duration). */
  questionShownAt: string;
  finishedAt?: string;
  platform: string;
}

export interface StatementQuery {
  since?: string;
  until?: string;
  verb?: string;
  activity?: string;
  /** Account name (opaque learner id) from the agent filter. */
  agentName?: string;
  limit: number;
  /** Opaque position: statements stored after this sequence number. */
  afterSeq?: number;
}

export interface StoredStatement {
  seq: number;
  statement: XapiStatement;
}

/**
 * Facts reports are computed from (aggregation is pure code, identical for every database). Linked accounts are
 * already folded into one learner: every learnerId here is the canonical id, with one profile per learner.
 */
export interface ReportFacts {
  profiles: LearnerProfile[];
  /** Evidence up to the period end: learner, verb (short), lesson, timestamp. */
  events: Array<{ learnerId: string; verb: string; lessonId: string; at: string }>;
  /** Questions asked within the period. */
  questions: Array<{ learnerId: string; text: string; at: string }>;
}

export interface OutboxItem {
  id: number;
  statementId: string;
  statement: XapiStatement;
  attempts: number;
}

export interface MentorRecord {
  code: string;
  label: string;
  learnerId?: string;
  createdAt: string;
  claimedAt?: string;
}

/** Profile, units, linking and questions. */
export interface LearnerStore {
  /** The learner's profile; for linked accounts the most recently updated one, with `learnerId` = the canonical id. */
  getProfile(learnerId: string): Promise<LearnerProfile | undefined>;
  saveProfile(profile: LearnerProfile): Promise<void>;
  /**
   * Withdrawal of consent ("Xoá hồ sơ"): removes the profile, the questions asked and the conversation state of every
   * linked account. xAPI evidence stays, pseudonymous under the opaque id.
   */
  deleteProfile(learnerId: string): Promise<void>;
  listUnits(level: AdminUnit["level"], parentCode?: string): Promise<AdminUnit[]>;
  getUnit(code: string): Promise<AdminUnit | undefined>;
  /** Upserts units by code; returns how many rows were written. */
  importUnits(units: AdminUnit[]): Promise<number>;
  /** Stores a one-time link code; replaces the learner's previous code and drops every code expired at `now`. */
  createLinkCode(code: string, learnerId: string, expiresAt: string, now: string): Promise<void>;
  /** Returns the issuing learner and deletes the code, or undefined when unknown/expired. */
  redeemLinkCode(code: string, now: string): Promise<string | undefined>;
  /** Wrong link codes typed by this account after `since` (persisted: the guessing limit survives restarts). */
  countLinkFailures(learnerId: string, since: string): Promise<number>;
  /** Records one wrong link code; forgets this account's failures at or before `pruneBefore`. */
  recordLinkFailure(learnerId: string, at: string, pruneBefore: string): Promise<void>;
  /**
   * Links `aliasId` to `canonicalId` (one-time code redeemed). Nothing already written is moved or rewritten: every
   * per-learner read (profile, progress, attempts, asked lessons, mentors, reports) resolves the whole linked group,
   * so the alias's earlier progress and evidence count for the one learner.
   */
  linkLearner(aliasId: string, canonicalId: string, at: string): Promise<void>;
  canonicalLearner(aliasId: string): Promise<string | undefined>;
  recordQuestion(e: { learnerId: string; text: string; lessonId?: string; confidence: number; answered: boolean; at: string }): Promise<void>;
  /** Retention (QUESTION_RETENTION_DAYS): deletes questions asked before `before` (ISO); returns how many. */
  deleteQuestionsBefore(before: string): Promise<number>;
  /** Redacts questions stored before redaction existed (idempotent); returns rows changed. */
  redactStoredQuestions(): Promise<number>;
  /** Lesson ids this learner asked about, most recent first. */
  askedLessons(learnerId: string, limit: number): Promise<string[]>;
}

/** Quiz attempts and append-only evidence. */
export interface EvidenceStore {
  activeAttempt(learnerId: string): Promise<QuizAttempt | undefined>;
  getAttempt(id: string): Promise<QuizAttempt | undefined>;
  attemptCount(learnerId: string, lessonId: string): Promise<number>;
  /** Starts an attempt; abandons (status stays in_progress but superseded) any other open attempt of the learner. */
  startAttempt(attempt: QuizAttempt): Promise<void>;
  /**
   * Applies one answer iff the attempt is still at `expectedIndex` (compare-and-set), together with its statements,
   * in one transaction. Returns false when the answer was already applied (redelivery) — nothing is written then.
   */
  applyAnswer(next: QuizAttempt, expectedIndex: number, statements: XapiStatement[]): Promise<boolean>;
  /** Appends statements (ignoring ids already stored); returns how many were new. */
  appendStatements(statements: XapiStatement[]): Promise<number>;
  /** Per-learner summary: lessons completed, passed, failed (lesson ids). */
  learnerProgress(learnerId: string): Promise<{ completed: string[]; passed: string[]; failed: string[] }>;
  queryStatements(q: StatementQuery): Promise<StoredStatement[]>;
  reportFacts(from: string, to: string): Promise<ReportFacts>;
}

/** Outbox for forwarding statements to an external LRS. */
export interface OutboxStore {
  /** Items due at `now`, oldest first. */
  dueOutbox(now: string, limit: number): Promise<OutboxItem[]>;
  markSent(ids: number[], at: string): Promise<void>;
  markRetry(ids: number[], nextAt: string, error: string): Promise<void>;
  outboxCounts(): Promise<{ pending: number; sent: number }>;
}

/** Đại sứ số: mentor codes and mentees. */
export interface MentorStore {
  createMentorCode(code: string, label: string, at: string): Promise<void>;
  /** Claims a code for a learner; returns false when unknown or claimed by someone else. */
  claimMentorCode(code: string, learnerId: string, at: string): Promise<boolean>;
  mentorByCode(code: string): Promise<MentorRecord | undefined>;
  mentorOf(learnerId: string): Promise<MentorRecord | undefined>;
  /** Adds a mentee (once); returns false if already linked to a mentor. */
  addMentee(code: string, menteeId: string, at: string): Promise<boolean>;
  mentees(code: string): Promise<MenteeRecord[]>;
  listMentors(): Promise<MentorRecord[]>;
  /** The name a mentee chose for their mentor to see (undefined clears it); all linked accounts. */
  setMenteeName(menteeId: string, name: string | undefined): Promise<void>;
  /** A mentee's choice to receive (off = false) or not receive mentor messages. */
  setMenteeMessagesOff(menteeId: string, off: boolean): Promise<void>;
  /**
   * Queues a preset message from mentor `code` to one of its mentees. False (nothing queued) when the learner is not
   * this mentor's mentee, has turned messages off, or already got one queued after `since` (the rate limit).
   */
  queueMentorMessage(code: string, menteeId: string, kind: string, at: string, since: string): Promise<boolean>;
  /** Undelivered messages for a mentee (all linked accounts), marked delivered at `at`; oldest first. */
  takeMentorMessages(menteeId: string, at: string): Promise<Array<{ code: string; kind: string; createdAt: string }>>;
  /** The learner's latest evidence (any verb): when, and which lesson; undefined when none. */
  lastActivity(learnerId: string): Promise<{ at: string; lessonId: string } | undefined>;
}

export interface MenteeRecord {
  /** Canonical learner id. */
  learnerId: string;
  joinedAt: string;
  displayName?: string;
  messagesOff: boolean;
}

/** "Gặp người thật": who to reach at a commune/ward (or a whole province), kept by admins. */
export interface LocalityContact {
  /** Administrative unit code (commune/ward or province). */
  unitCode: string;
  /** Bộ phận một cửa: phone, opening hours, address. */
  deskPhone?: string;
  deskHours?: string;
  deskAddress?: string;
  /** Tổ công nghệ số cộng đồng: name and how to reach them (phone or Zalo). */
  teamName?: string;
  teamContact?: string;
  updatedAt: string;
}

export interface ContactStore {
  saveLocalityContact(contact: LocalityContact): Promise<void>;
  deleteLocalityContact(unitCode: string): Promise<boolean>;
  getLocalityContact(unitCode: string): Promise<LocalityContact | undefined>;
  listLocalityContacts(): Promise<LocalityContact[]>;
}

export type LearningStore = LearnerStore & EvidenceStore & OutboxStore & MentorStore & ContactStore & { close(): Promise<void> };
