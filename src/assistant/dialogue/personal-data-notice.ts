import { foldText } from "../../shared/fold.js";
import { redactPersonalData, type PersonalDataKind } from "../../shared/redact.js";
import type { Reply } from "../types.js";

/** Said first whenever someone sends a number or secret nobody should ever ask them for (issue 11). */
export const PERSONAL_DATA_NOTICE =
  "Bạn đừng gửi số căn cước, mật khẩu, mã OTP hay số tài khoản cho bất kỳ ai, kể cả Trợ lý số. Tôi không lưu những số này.";

/** Phone numbers, e-mail and addresses are redacted too, but sharing them is not the scam risk this warns about. */
const WARN_FOR: ReadonlySet<PersonalDataKind> = new Set(["id", "password", "otp", "account"]);

/** Our own codes are typed after these commands (/lienket 12345678, /moi ABC123): they are not personal data. */
const CODE_COMMANDS = new Set(["lienket", "moi", "daisu"]);

/** True when the message carries a CCCD number, a password, a one-time code or an account/card number. */
export function needsPersonalDataNotice(text: string): boolean {
  const first = text.trim().split(/\s+/)[0] ?? "";
  if (first.startsWith("/") && CODE_COMMANDS.has(foldText(first.split("@")[0] ?? ""))) return false;
  for (const kind of redactPersonalData(text).kinds) if (WARN_FOR.has(kind)) return true;
  return false;
}

/** The reply with the notice as its first paragraph (plain text and, when present, the rich lines). */
export function withPersonalDataNotice(reply: Reply): Reply {
  return {
    ...reply,
    text: `${PERSONAL_DATA_NOTICE}\n\n${reply.text}`,
    ...(reply.rich ? { rich: [{ spans: [{ text: PERSONAL_DATA_NOTICE, strong: true }] }, { spans: [] }, ...reply.rich] } : {}),
  };
}
