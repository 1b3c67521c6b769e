/** The subset of xAPI 1.0.3 (adlnet/xAPI-Spec, xAPI-Data.md §2.4) that this assistant writes. */

export type LanguageMap = Record<string, string>;

export interface XapiAgent {
  objectType: "Agent";
  account: { homePage: string; name: string };
}

export interface XapiVerb {
  id: string;
  display: LanguageMap;
}

export interface XapiActivity {
  objectType: "Activity";
  id: string;
  definition?: {
    name?: LanguageMap;
    description?: LanguageMap;
    type?: string;
    interactionType?: "choice";
    correctResponsesPattern?: string[];
    choices?: Array<{ id: string; description: LanguageMap }>;
  };
}

export interface XapiResult {
  score?: { scaled: number; raw: number; min: number; max: number };
  success?: boolean;
  completion?: boolean;
  response?: string;
  duration?: string;
}

export interface XapiContext {
  registration: string;
  platform: string;
  language: string;
  contextActivities: { parent?: Array<{ objectType: "Activity"; id: string }>; grouping?: Array<{ objectType: "Activity"; id: string }> };
  extensions: Record<string, unknown>;
}

export interface XapiStatement {
  id: string;
  actor: XapiAgent;
  verb: XapiVerb;
  object: XapiActivity;
  result?: XapiResult;
  context: XapiContext;
  timestamp: string;
  stored: string;
  version: "1.0.3";
}

export const VERBS = {
  answered: { id: "http://adlnet.gov/expapi/verbs/answered", display: { "vi-VN": "đã trả lời", "en-US": "answered" } },
  completed: { id: "http://adlnet.gov/expapi/verbs/completed", display: { "vi-VN": "đã hoàn thành", "en-US": "completed" } },
  passed: { id: "http://adlnet.gov/expapi/verbs/passed", display: { "vi-VN": "đạt", "en-US": "passed" } },
  failed: { id: "http://adlnet.gov/expapi/verbs/failed", display: { "vi-VN": "chưa đạt", "en-US": "failed" } },
} as const satisfies Record<string, XapiVerb>;

export type VerbName = keyof typeof VERBS;

export const ACTIVITY_TYPES = {
  lesson: "http://adlnet.gov/expapi/activities/lesson",
  assessment: "http://adlnet.gov/expapi/activities/assessment",
  question: "http://adlnet.gov/expapi/activities/cmi.interaction",
} as const;

/** Short verb name for a verb IRI (reports and filters store it too). */
export function verbName(iri: string): VerbName | undefined {
  return (Object.keys(VERBS) as VerbName[]).find((k) => VERBS[k].id === iri);
}
