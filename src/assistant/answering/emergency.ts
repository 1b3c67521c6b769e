import { containsPhrase, foldText } from "../../shared/fold.js";
import cues from "./emergency-cues.json" with { type: "json" };

const CUES = cues.cues.map(foldText);
const NOT_IF = cues.notIf.map(foldText);

/**
 * True when the person is in trouble now or has just been ("bị lừa rồi", "lỡ chuyển tiền", "lỡ đưa mã OTP", "đang bị
 * gọi đe dọa"): they need the act-now steps before any explanation. Prevention questions are not emergencies.
 */
export function isEmergency(text: string): boolean {
  const folded = foldText(text);
  if (NOT_IF.some((cue) => containsPhrase(folded, cue))) return false;
  return CUES.some((cue) => containsPhrase(folded, cue));
}
