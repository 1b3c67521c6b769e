/**
 * Generic questions for the speed benches (npm run bench:load, npm run profile): written for load, deliberately NOT
 * taken from tests/eval (those measure quality and must not be tuned against). A mix of accented, unaccented and
 * abbreviated phrasings, a few greetings/commands and out-of-scope questions, as a real day's traffic has.
 */
export const BENCH_QUESTIONS: readonly string[] = [
  "làm sao để cài ứng dụng VNeID trên điện thoại",
  "quen mat khau vneid thi lam the nao",
  "tài khoản định danh điện tử mức 2 để làm gì",
  "dt ko nhận được mã kích hoạt vneid",
  "đổi số điện thoại đăng ký VNeID ở đâu",
  "cach tich hop bang lai xe vao vneid",
  "nộp hồ sơ trên cổng dịch vụ công quốc gia như thế nào",
  "đăng ký khai sinh cho con online được không",
  "lam the nao de tra cuu ho so dvc",
  "thanh toán lệ phí dịch vụ công bằng cách nào",
  "đăng ký thường trú trực tuyến cần giấy tờ gì",
  "có người gọi điện xưng là công an bảo chuyển tiền thì làm sao",
  "tin nhắn báo trúng thưởng có phải lừa đảo không",
  "nhan duoc link la qua zalo co nen bam vao khong",
  "bị lừa chuyển tiền rồi phải báo ở đâu",
  "làm sao nhận biết trang web giả mạo ngân hàng",
  "app vay tien nhanh co an toan khong",
  "cuộc gọi im lặng không ai nói là gì",
  "cach dat mat khau manh cho tai khoan",
  "làm sao chuyển khoản bằng mã QR",
  "phí rút tiền ATM khác ngân hàng là bao nhiêu",
  "mở tài khoản ngân hàng trên điện thoại như thế nào",
  "quên mã pin thẻ atm phải làm gì",
  "thanh toan tien dien qua app ngan hang",
  "ví điện tử là gì có an toàn không",
  "cách kết nối wifi trên điện thoại",
  "lam sao de tang co chu tren dien thoai",
  "cách gửi ảnh qua Zalo cho con cháu",
  "sao lưu tin nhắn zalo thế nào",
  "điện thoại bị mất thì phải làm gì đầu tiên",
  "cach goi video call qua zalo",
  "đặt lịch khám bệnh trực tuyến được không",
  "the bhyt tren vneid dung the nao",
  "tra cứu thời hạn bảo hiểm y tế ở đâu",
  "khám bệnh bằng căn cước thay thẻ bảo hiểm y tế được không",
  "mua hàng trên mạng sao cho khỏi bị lừa",
  "dat hang shopee nhu the nao",
  "nhận hàng rồi mới trả tiền có được không",
  "bình dân học vụ số là gì",
  "trợ lý số giúp được gì cho tôi",
  "xin chao",
  "cảm ơn nhé",
  "/trogiup",
  "số điện thoại khẩn cấp gọi cấp cứu là số mấy",
  "chứng thực bản sao online ở đâu",
  "đổi căn cước công dân gắn chip cũ sang căn cước mới",
  "dùng vneid trên hai điện thoại được không",
  "mai trời có mưa không",
  "kết quả xổ số hôm nay",
  "tôi bị đau bụng nên uống thuốc gì",
];

/** How people open and close the same question; combined with the questions above they give 3,200 distinct texts. */
const OPENINGS = ["", "cho tôi hỏi ", "xin hỏi ", "bác hỏi chút, ", "con ơi ", "mình muốn hỏi ", "cho hỏi ", "em hỏi "];
const ENDINGS = ["", " ạ", " vậy", " nhỉ", " nhé", " với ạ", " hả", " thế"];

/** Distinct texts in one cycle of benchQuestion(n, "varied"): more than the app remembers of recent questions. */
export const VARIED_CYCLE = BENCH_QUESTIONS.length * OPENINGS.length * ENDINGS.length;

/**
 * The n-th question of a load. "repeated": the questions above in turn, so the same 50 texts come back again and
 * again (the app's memo of recent rankings and answers then serves nearly all of them: the best case, like the
 * greeting's buttons). "varied": each text also gets an opening and an ending, so a text comes back only every
 * 3,200 requests, beyond what the app remembers: every answer is worked out afresh (the honest figure).
 */
export function benchQuestion(n: number, mode: "repeated" | "varied"): string {
  const question = BENCH_QUESTIONS[n % BENCH_QUESTIONS.length]!;
  if (mode === "repeated") return question;
  const opening = OPENINGS[Math.floor(n / BENCH_QUESTIONS.length) % OPENINGS.length]!;
  const ending = ENDINGS[Math.floor(n / (BENCH_QUESTIONS.length * OPENINGS.length)) % ENDINGS.length]!;
  return `${opening}${question}${ending}`;
}
