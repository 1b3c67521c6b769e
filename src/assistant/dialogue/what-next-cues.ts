import { foldText } from "../../shared/fold.js";
import { PhraseSet } from "../../shared/phrase-set.js";

/** "Làm xong rồi thì sao?", "tiếp theo làm gì?": the learner finished something and asks what comes after it. */
const CUES = new PhraseSet([
  "xong rồi thì sao", "xong thì sao", "rồi sao nữa", "rồi sao tiếp", "thì sao nữa", "tiếp theo làm gì", "tiếp theo là gì",
  "sau đó làm gì", "sau đó thì sao", "làm gì tiếp", "làm gì nữa", "giờ làm gì", "bước tiếp theo", "kế tiếp là gì", "xong rồi làm gì",
  "làm gì tiếp theo", "rồi làm sao nữa", "xong bước này",
].map(foldText));

export function asksWhatNext(text: string): boolean {
  const folded = foldText(text);
  return folded.split(" ").length <= 12 && CUES.foundIn(folded);
}
