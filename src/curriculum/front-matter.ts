import { z } from "zod";

/** Front matter schema (knowledge/README.md). Dates may arrive from YAML as Date objects or strings. */
const isoDate = z.preprocess(
  (v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v),
  z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date YYYY-MM-DD"),
);

export const AUDIENCES = ["citizen", "elderly", "civil_servant", "student", "worker"] as const;
export const TOPICS = ["vneid", "dvc", "safety", "payment", "basics", "health", "commerce", "about"] as const;

export const QUIZ_LIMITS = { question: 300, option: 100, explanation: 200, explanationLineBreaks: 2 } as const;

const quizItem = z
  .object({
    question: z.string().min(1).max(QUIZ_LIMITS.question, `question longer than ${QUIZ_LIMITS.question} characters`),
    options: z
      .array(z.string().min(1).max(QUIZ_LIMITS.option, `option longer than ${QUIZ_LIMITS.option} characters`))
      .min(3, "needs 3 or 4 options")
      .max(4, "needs 3 or 4 options"),
    answer: z.number().int().min(0),
    explanation: z
      .string()
      .min(1)
      .max(QUIZ_LIMITS.explanation, `explanation longer than ${QUIZ_LIMITS.explanation} characters`)
      .refine((s) => (s.match(/\n/g) ?? []).length <= QUIZ_LIMITS.explanationLineBreaks, "explanation has more than 2 line breaks"),
  })
  .refine((q) => q.answer < q.options.length, { message: "answer index is outside the options", path: ["answer"] })
  .refine((q) => new Set(q.options).size === q.options.length, { message: "options repeat", path: ["options"] });

export const frontMatterSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "must be an ASCII kebab-case slug"),
    title: z.string().min(3),
    topic: z.enum(TOPICS),
    audience: z.array(z.enum(AUDIENCES)).min(1),
    skill: z.object({
      framework: z.preprocess((v) => (typeof v === "number" ? String(v) : v), z.enum(["757", "3139", "TT02"])),
      code: z.preprocess((v) => (typeof v === "number" ? String(v) : v), z.string().optional()),
      area: z.string().min(2),
      code_confirmed: z.boolean(),
    }),
    sources: z
      .array(z.object({ url: z.string().min(4), title: z.string().min(2), checked: isoDate }))
      .min(1, "at least one source is required"),
    updated: isoDate,
    time_sensitive: z.boolean().optional(),
    time_sensitive_reason: z.string().optional(),
    /** When a time-sensitive fact should next be re-checked against its source (kb:check warns once it has passed). */
    review_by: isoDate.optional(),
    effective_from: isoDate.optional(),
    effective_until: isoDate.optional(),
    /** The lesson a learner does next once this one's procedure is done (install → register → activate…). */
    next: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "must be a lesson id").optional(),
    quiz: z.array(quizItem).min(5, "at least 5 quiz questions (with 3 and an 80 % pass mark one mistake fails the quiz)"),
  })
  .refine((f) => !f.time_sensitive || (f.time_sensitive_reason ?? "").trim().length > 0, {
    message: "time_sensitive: true needs a time_sensitive_reason",
    path: ["time_sensitive_reason"],
  })
  .refine(
    (f) =>
      f.sources.every((s) => /^https?:\/\/\S+$/.test(s.url) || /^repo:\S+$/.test(s.url)),
    { message: "every source url must be http(s):// or repo:<path>", path: ["sources"] },
  );

export type FrontMatter = z.infer<typeof frontMatterSchema>;
