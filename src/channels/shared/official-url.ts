/**
 * Links a citizen may be shown: official pages only. A news article can be a lesson's source (and is cited by title
 * and date), but its URL is not printed — on a phone a raw news link looks like the links scammers send.
 */
const OFFICIAL_SUFFIXES = [
  ".gov.vn", // ministries, provinces, communes, vneid.gov.vn, dichvucong.gov.vn
  // app stores and the phone makers' / platforms' own help pages
  "apps.apple.com",
  "play.google.com",
  "support.google.com",
  "support.apple.com",
  "apple.com",
  "samsung.com",
  "mi.com",
  "oppo.com",
  "help.zalo.me",
  "zalo.me",
  // banks and phone networks (their own sites)
  "vietcombank.com.vn",
  "bidv.com.vn",
  "agribank.com.vn",
  "vietinbank.vn",
  "techcombank.com",
  "mbbank.com.vn",
  "vpbank.com.vn",
  "acb.com.vn",
  "sacombank.com.vn",
  "tpb.vn",
  "vrbank.com.vn",
  "sbv.gov.vn",
  "viettel.vn",
  "vinaphone.com.vn",
  "mobifone.vn",
  // national hotline services run by ministries
  "tongdai111.vn",
];

/** True for an https/http URL whose host is an official site (or a subdomain of one). */
export function isOfficialUrl(url: string): boolean {
  let host: string;
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== "https:" && parsed.protocol !== "http:") return false;
    host = parsed.hostname.toLowerCase().replace(/\.$/, "");
  } catch {
    return false;
  }
  return OFFICIAL_SUFFIXES.some((suffix) =>
    suffix.startsWith(".") ? host.endsWith(suffix) : host === suffix || host.endsWith(`.${suffix}`),
  );
}
