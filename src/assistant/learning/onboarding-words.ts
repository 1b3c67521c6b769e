import { containsPhrase, foldText } from "../../shared/fold.js";
import type { AgeBand, TargetGroup } from "./ports.js";

/**
 * Typed answers to the onboarding questions, read by meaning (folded): people type "đồng ý", "dong y", "có", "ok",
 * "người dân", "trên 60", "70 tuổi" instead of tapping, and on Zalo there is nothing to tap.
 */
const CONSENT_NO = ["khong dong y", "khong", "ko", "k", "khong muon", "thoi", "tu choi"];
const CONSENT_YES = ["dong y", "co", "ok", "oke", "okay", "duoc", "vang", "da", "u", "yes", "chap nhan", "dong y a", "co dong y"];
const SKIP = ["bo qua", "qua", "skip", "khong muon noi", "khong tra loi", "de sau", "thoi bo qua"];

const GROUPS: Array<[TargetGroup, string[]]> = [
  ["civil_servant", ["can bo", "cong chuc", "vien chuc", "lam nha nuoc", "o xa", "o phuong"]],
  ["student", ["hoc sinh", "sinh vien", "di hoc", "hoc vien"]],
  ["worker", ["cong nhan", "nguoi lao dong", "lao dong", "doanh nghiep", "cong ty", "nhan vien", "di lam"]],
  ["citizen", ["nguoi dan", "dan", "cong dan", "nong dan", "huu tri", "nghi huu", "noi tro", "buon ban", "tieu thuong", "nguoi gia", "o nha"]],
];

function words(text: string): string {
  return foldText(text).replace(/\b(a|nhe|nha|oi|toi|minh|la)\b/g, " ").replace(/\s+/g, " ").trim();
}

export function typedConsent(text: string): "yes" | "no" | undefined {
  const w = words(text);
  if (!w) return undefined;
  // Whole answers only ("có", "ok"), or a sentence that says it ("có, tôi đồng ý"): "có cách nào…" is a question.
  if (CONSENT_NO.includes(w) || ["khong dong y", "tu choi", "khong muon"].some((p) => containsPhrase(w, p))) return "no";
  if (CONSENT_YES.includes(w) || containsPhrase(w, "dong y")) return "yes";
  return undefined;
}

export function typedSkip(text: string): boolean {
  const w = words(text);
  return SKIP.some((p) => w === p || containsPhrase(w, "bo qua"));
}

export function typedGroup(text: string): TargetGroup | undefined {
  const w = words(text);
  return GROUPS.find(([, cues]) => cues.some((c) => containsPhrase(w, c)))?.[0];
}

/** "trên 60", "70 tuổi", "60+", "dưới 18", "già rồi" → an age band. */
export function typedAge(text: string): AgeBand | undefined {
  const w = words(text);
  const n = Number(/\d{1,3}/.exec(w)?.[0] ?? Number.NaN);
  if (Number.isFinite(n)) {
    const age = containsPhrase(w, "tren") || w.includes("+") ? n + 1 : containsPhrase(w, "duoi") ? n - 1 : n;
    if (age < 18) return "u18";
    if (age <= 35) return "18-35";
    if (age <= 59) return "36-59";
    return "60+";
  }
  if (["gia", "cao tuoi", "nguoi gia", "ve huu"].some((c) => containsPhrase(w, c))) return "60+";
  return undefined;
}
