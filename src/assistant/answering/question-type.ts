import { containsPhrase, foldText } from "../../shared/fold.js";

/**
 * What kind of fact a question asks for, read from its wording (folded, so "bao nhieu" = "bao nhiêu"). A question can
 * have several ("ở đâu, có mất phí không"). The answer composer prefers sentences that carry that kind of fact.
 */
export type QuestionType = "quantity" | "place" | "yesno" | "documents" | "reason" | "howto";

const CUES: Record<QuestionType, string[]> = {
  quantity: ["bao nhieu", "bao lau", "may ngay", "may thang", "may nam", "may tuoi", "may lan", "may so", "muc phi", "le phi", "phi", "gia", "het bao", "ton bao", "mat bao", "han muc", "toi da", "toi thieu", "khi nao", "bao gio", "den bao gio", "thoi han", "han chot", "ngay nao", "tu ngay"],
  place: ["o dau", "cho nao", "noi nao", "dau", "tai dau", "vao dau", "muc nao", "nut nao", "chon gi", "trang nao", "web nao", "ung dung nao", "app nao", "so nao", "goi so", "goi ai", "hoi ai", "bao ai", "lien he"],
  yesno: ["co phai", "phai khong", "co nen", "co duoc", "duoc khong", "co can", "can khong", "co mat", "co bi", "co sao", "co an toan", "that khong", "that hay gia", "co that", "dung khong", "co dung", "co bat buoc", "co tinh"],
  documents: ["mang gi", "mang theo", "can gi", "can nhung gi", "giay to gi", "giay to nao", "ho so gom", "ho so can", "chuan bi gi", "can co gi"],
  reason: ["tai sao", "vi sao", "sao lai", "ly do", "de lam gi", "lam gi vay"],
  howto: ["lam sao", "lam the nao", "the nao", "nhu the nao", "cach", "huong dan", "lam gi", "phai lam", "xu ly", "lam ntn", "ntn", "sao day"],
};

/** Words at the very end that turn a sentence into a yes/no question ("… được không", "… chưa"). */
const YES_NO_ENDINGS = ["khong", "ko", "k", "chua", "ha", "a"];

export function questionTypes(text: string): Set<QuestionType> {
  const folded = foldText(text);
  const types = new Set<QuestionType>();
  for (const [type, cues] of Object.entries(CUES) as Array<[QuestionType, string[]]>) {
    if (cues.some((cue) => containsPhrase(folded, cue))) types.add(type);
  }
  const last = folded.split(" ").at(-1) ?? "";
  if (YES_NO_ENDINGS.includes(last) && /\bco\b|\bduoc\b|\bphai\b|\bnen\b|\bcan\b/.test(folded)) types.add("yesno");
  return types;
}
