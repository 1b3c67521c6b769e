export { parseLesson } from "./parse.js";
export { loadKnowledge, knowledgeHash, listLessonFiles, duplicateIdProblem } from "./load.js";
export { slugify } from "./slug.js";
export { QUIZ_LIMITS, TOPICS, AUDIENCES } from "./front-matter.js";
export type { Lesson, Section, QuizItem, Problem, LessonSource, SkillTag } from "./types.js";
export { nearCopyProblems, staleLessons, NEAR_COPY_JACCARD } from "./eval-overlap.js";
export { checkLessonText, MIN_QUESTIONS_PER_SECTION, type LessonCheck, type LessonCheckContext } from "./check-lesson.js";
