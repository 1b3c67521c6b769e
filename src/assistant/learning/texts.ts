/** Everything a citizen reads from the learning features: plain Vietnamese, full diacritics (NFC). */
import type { AgeBand, TargetGroup } from "./ports.js";

export const TOPIC_LABELS: Record<string, string> = {
  vneid: "VNeID – định danh điện tử",
  dvc: "Dịch vụ công trực tuyến",
  safety: "An toàn, chống lừa đảo",
  payment: "Thanh toán, ngân hàng số",
  basics: "Dùng điện thoại cơ bản",
  health: "Y tế số",
  commerce: "Mua bán trên mạng",
  about: "Về Trợ lý số",
};

export const GROUP_LABELS: Record<TargetGroup, string> = {
  citizen: "Người dân",
  civil_servant: "Cán bộ, công chức, viên chức",
  student: "Học sinh, sinh viên",
  worker: "Người lao động trong doanh nghiệp",
};

export const AGE_LABELS: Record<AgeBand, string> = {
  u18: "Dưới 18 tuổi",
  "18-35": "Từ 18 đến 35 tuổi",
  "36-59": "Từ 36 đến 59 tuổi",
  "60+": "Từ 60 tuổi trở lên",
};

export const T = {
  // Must say exactly what is stored and for how long (issue 11); knowledge/about/about-quyen-rieng-tu.md says the same.
  consent:
    "Trước khi học, xin bạn đọc kỹ:\n" +
    "• Tôi lưu kết quả học và bài kiểm tra của bạn để bạn xem lại tiến độ.\n" +
    "• Tôi lưu các câu bạn hỏi (kèm mã số của bạn) để gợi ý bài phù hợp và để địa phương biết người dân hay hỏi gì. " +
    "Trước khi lưu, tôi xoá khỏi câu hỏi số điện thoại, số căn cước, số tài khoản, số thẻ, mã OTP, mật khẩu, email, địa chỉ nhà và họ tên. " +
    "Câu hỏi chỉ được giữ 180 ngày, sau đó tự động bị xoá.\n" +
    "• Tôi KHÔNG lưu số điện thoại hay họ tên. Bạn chỉ được nhận ra bằng một mã số ngẫu nhiên.\n" +
    "• Bạn có thể cho biết nơi ở (tỉnh, xã/phường, tổ dân phố/thôn), nhóm và độ tuổi, để địa phương biết có bao nhiêu người đã học. Phần này không bắt buộc. " +
    "Nhóm nào dưới 5 người học thì báo cáo không hiện số liệu hay câu hỏi của nhóm đó.\n" +
    "• Bạn có thể xoá hồ sơ bất cứ lúc nào bằng cách gõ /hoso rồi chọn \"Xoá hồ sơ\". Việc này xoá nơi ở, nhóm, độ tuổi, " +
    "các câu bạn đã hỏi và chỗ bạn đang học dở. Kết quả học đã ghi vẫn được giữ làm minh chứng, chỉ kèm mã số, không kèm tên hay số điện thoại.\n\n" +
    "Bạn có đồng ý không?",
  consentYes: "Đồng ý",
  consentNo: "Không đồng ý",
  declined: "Không sao. Tôi sẽ không lưu gì về bạn. Bạn vẫn có thể đọc bài học và hỏi tôi bất cứ lúc nào.",
  needConsentQuiz: "Để lưu kết quả bài kiểm tra, tôi cần bạn đồng ý trước.",
  groupOnly: "Phần này cần nhắn riêng với tôi. Bạn hãy bấm vào tên tôi và nhắn riêng nhé.",
  skip: "Bỏ qua",
  more: "Xem thêm",
  askProvince: "Bạn sống ở tỉnh/thành phố nào? Chọn một số, hoặc gõ tên.",
  askCommune: (p: string) => `Bạn ở xã/phường nào của ${p}? Chọn một số, hoặc gõ tên.`,
  askNeighbourhood: (c: string) => `Bạn ở tổ dân phố/thôn nào của ${c}?`,
  askGroup: "Bạn thuộc nhóm nào?",
  askAge: "Bạn bao nhiêu tuổi?",
  notFound: (q: string) => `Tôi không tìm thấy "${q}" trong danh sách. Bạn hãy chọn một số bên dưới, hoặc gõ lại tên.`,
  profileDone: "Cảm ơn bạn! Hồ sơ đã được lưu. Gõ /baihoc để bắt đầu học, hoặc /hoso để sửa.",
  profileDeleted:
    "Đã xoá hồ sơ của bạn: nơi ở, nhóm, độ tuổi, các câu bạn đã hỏi và chỗ bạn đang học dở. Tôi sẽ không lưu thêm gì cho đến khi bạn đồng ý lại.",
  profileHeader: "Hồ sơ của bạn:",
  notSet: "chưa cho biết",
  editPlace: "Sửa nơi ở",
  editGroup: "Sửa nhóm",
  editAge: "Sửa độ tuổi",
  deleteProfile: "Xoá hồ sơ",
  topics: "Bạn muốn học về chủ đề nào?",
  lessonsIn: (t: string, page?: { page: number; pages: number }) =>
    page ? `Các bài học về ${t} (trang ${page.page}/${page.pages}):` : `Các bài học về ${t}:`,
  noLessons: "Hiện chưa có bài học nào. Bạn vui lòng quay lại sau.",
  unknownLesson: "Tôi không tìm thấy bài học này. Gõ /baihoc để xem danh sách.",
  next: "Tiếp ▶",
  takeQuiz: "Làm bài kiểm tra",
  otherLessons: "Bài học khác",
  seeLesson: (title: string) => `Xem bài: ${title}`,
  moreLessons: "Xem thêm bài ▶",
  partHeader: (n: number, total: number) => `Phần ${n}/${total}`,
  lessonIntro: (parts: number, hasButtons = true) =>
    hasButtons ? `Bài có ${parts} phần. Bấm "Tiếp" hoặc gõ "tiếp" để đọc phần sau.` : `Bài có ${parts} phần. Gõ "tiếp" để đọc phần sau.`,
  lessonEnd: "Bạn đã đọc hết bài. Hãy làm bài kiểm tra ngắn để xem mình nhớ được bao nhiêu nhé!",
  noLessonOpen: "Bạn chưa mở bài học nào. Gõ /baihoc để chọn bài.",
  quizIntro: (title: string, n: number, pass: number) =>
    `Bài kiểm tra: ${title}\nCó ${n} câu, làm đúng từ ${pass}% trở lên là đạt. Mỗi lần trả lời một câu.`,
  quizResume: "Bạn đang làm dở bài kiểm tra. Ta làm tiếp nhé.",
  questionLine: (i: number, n: number, q: string) => `Câu ${i}/${n}: ${q}`,
  right: "✅ Đúng rồi!",
  wrong: (answer: string) => `❌ Chưa đúng. Đáp án đúng là: ${answer}.`,
  alreadyAnswered: "Câu này bạn đã trả lời rồi.",
  noQuizPending: "Hiện không có câu hỏi nào đang chờ trả lời. Gõ /kiemtra để làm bài kiểm tra.",
  chooseLessonForQuiz: "Bạn muốn kiểm tra bài nào? Gõ /baihoc để chọn bài, đọc xong sẽ có bài kiểm tra.",
  noQuiz: "Bài này chưa có bài kiểm tra.",
  passed: (c: number, n: number) => `🎉 Chúc mừng! Bạn trả lời đúng ${c}/${n} câu và đã ĐẠT bài kiểm tra.`,
  failed: (c: number, n: number, pass: number) =>
    `Bạn trả lời đúng ${c}/${n} câu. Cần đúng từ ${pass}% để đạt. Bạn xem lại bài rồi làm lại nhé, không sao cả!`,
  noAttemptsLeft: (max: number) => `Bạn đã làm bài này ${max} lần, là số lần tối đa. Bạn hãy học bài khác nhé.`,
  retry: "Làm lại",
  reread: "Đọc lại bài",
  suggestButton: "Gợi ý bài tiếp theo",
  progressButton: "Xem tiến độ",
  progressNone: "Bạn chưa học xong bài nào. Gõ /baihoc để bắt đầu nhé!",
  progressDone: (n: number) => `✅ Đã học xong ${n} bài.`,
  progressPassed: (n: number) => `🏅 Đã đạt ${n} bài kiểm tra.`,
  progressFailed: (n: number) => `📝 Chưa đạt ${n} bài kiểm tra (có thể làm lại).`,
  progressLeft: (group: string, n: number) => `📌 Lộ trình "${group}": còn ${n} bài chưa đạt.`,
  progressPathDone: (group: string) => `🌟 Bạn đã đạt hết các bài trong lộ trình "${group}". Rất giỏi!`,
  progressNoConsent: "Tôi chưa lưu tiến độ của bạn vì bạn chưa đồng ý. Gõ /hoso để đồng ý và bắt đầu lưu.",
  suggestHeader: "Gợi ý cho bạn:",
  suggestNothing: "Bạn đã học hết các bài gợi ý. Gõ /baihoc để xem thêm chủ đề khác.",
  reasonFailed: "làm lại bài kiểm tra chưa đạt",
  reasonAsked: "bạn đã hỏi về chủ đề này",
  reasonPath: "bài trong lộ trình của bạn",
  linkCode: (code: string, minutes: number) =>
    `Mã liên kết của bạn: ${code}\nMở Trợ lý số trên ứng dụng kia (Zalo hoặc Telegram) và gõ: /lienket ${code}\nMã dùng được một lần, trong ${minutes} phút. Không đưa mã này cho người khác.`,
  linkDone: "Đã liên kết! Từ nay tiến độ học trên hai ứng dụng là một, kể cả những bài bạn đã học trước đây.",
  linkBad: "Mã liên kết không đúng hoặc đã hết hạn. Bạn hãy tạo mã mới bằng cách gõ /lienket trên ứng dụng kia.",
  linkTooMany:
    "Bạn đã nhập sai mã liên kết nhiều lần. Để giữ an toàn cho tài khoản, bạn hãy chờ khoảng 1 tiếng rồi thử lại. " +
    "Khi thử lại, hãy gõ /lienket trên ứng dụng kia để lấy mã mới.",
  linkSame: "Đây vẫn là tài khoản đã tạo mã. Bạn hãy gõ mã trên ứng dụng kia nhé.",
  mentorClaimed: (code: string) =>
    `Bạn đã trở thành Đại sứ số! Mã mời của bạn: ${code}\nNgười bạn hướng dẫn chỉ cần gõ: /moi ${code}\nGõ /daisu để xem tiến độ của họ.`,
  mentorBad: "Mã Đại sứ số không đúng hoặc đã có người dùng. Bạn hãy hỏi lại cán bộ phụ trách.",
  notMentor: "Bạn chưa là Đại sứ số. Nếu được cấp mã, hãy gõ: /daisu <mã>",
  menteeJoined:
    "Bạn đã được kết nối với Đại sứ số. Họ sẽ thấy: số bài bạn đã học và đã đạt, bài học gần nhất và ngày học, bài kiểm tra chưa đạt – không thấy câu trả lời hay câu hỏi của bạn. Họ có thể gửi lời động viên qua Trợ lý số; không muốn nhận thì gõ: /moi tat",
  menteeAlready: "Bạn đã có Đại sứ số hướng dẫn rồi.",
  menteeBad: "Mã mời không đúng. Bạn hãy hỏi lại người đã mời bạn.",
  menteeSelf: "Đây là mã của chính bạn. Hãy gửi mã này cho người bạn hướng dẫn.",
  mentorHeader: (label: string, code: string) => `Đại sứ số: ${label} (mã mời ${code})`,
  mentorNone: "Chưa có ai tham gia. Hãy gửi mã mời cho người bạn muốn hướng dẫn.",
  mentorMentee: (n: number, done: number, passed: number, name?: string) =>
    `${n}. ${name ?? `Người học ${n}`}: học xong ${done} bài, đạt ${passed} bài kiểm tra`,
  mentorLast: (lesson: string | undefined, date: string | undefined) =>
    date ? `   Lần cuối học: ${date}${lesson ? ` – bài "${lesson}"` : ""}` : "   Chưa học bài nào.",
  mentorStuck: (lesson: string) => `   ⚠ Đang vướng: chưa đạt bài kiểm tra "${lesson}" – bạn có thể giúp họ ôn lại.`,
  mentorMessagesOff: "   (đã tắt lời nhắn)",
  mentorEncourageHint: "Chọn \"Động viên …\" để gửi lời động viên qua Trợ lý số (mỗi người một lần trong 24 giờ).",
  encourageButton: (name: string) => `Động viên ${name}`,
  encourageSent: (name: string) => `Đã gửi lời động viên cho ${name}. Họ sẽ nhận được khi nhắn tin với Trợ lý số lần tới.`,
  encourageLimited: (name: string) => `Chưa gửi được: ${name} đã tắt lời nhắn, hoặc đã nhận lời nhắn trong 24 giờ qua.`,
  encourageUnknown: "Không tìm thấy người học này. Gõ /daisu để xem lại danh sách.",
  mentorMessage: (label: string, stuckLesson?: string) =>
    `💌 Lời nhắn từ Đại sứ số ${label}: Bạn đang học rất tốt, cố lên nhé!` +
    (stuckLesson ? ` Hãy đọc lại bài "${stuckLesson}" rồi làm lại bài kiểm tra, không sao cả.` : " Gõ /baihoc để học tiếp."),
  messagesOffButton: "Không nhận lời nhắn",
  messagesOff: "Đã tắt lời nhắn từ Đại sứ số. Muốn bật lại, gõ: /moi nhan",
  messagesOn: "Đã bật lại lời nhắn từ Đại sứ số.",
  askName:
    "Bạn muốn Đại sứ số gọi bạn là gì? Gõ tên ngắn (ví dụ: Bà Lan, Chú Tư). Tên này chỉ Đại sứ số của bạn thấy. Không muốn thì chọn \"Bỏ qua\".",
  skipName: "Bỏ qua",
  nameSaved: (name: string) => `Cảm ơn ${name}! Đại sứ số sẽ thấy tên này.`,
  nameSkipped: "Vâng, Đại sứ số sẽ thấy bạn là \"Người học\" kèm số thứ tự.",
  nameBad: "Tên chỉ gồm chữ, tối đa 30 ký tự, không có số điện thoại. Bạn gõ lại, hoặc chọn \"Bỏ qua\".",
  personHeader: (unit: string) => (unit ? `Gặp người thật ở ${unit}:` : "Gặp người thật ở địa phương bạn:"),
  personDesk: "Bộ phận một cửa (tiếp nhận và trả kết quả):",
  personPhone: "Điện thoại",
  personHours: "Giờ làm việc",
  personAddress: "Địa chỉ",
  personTeam: "Tổ công nghệ số cộng đồng",
  personSafety: "Cán bộ thật không bao giờ hỏi mã OTP, mật khẩu hay bảo bạn chuyển tiền.",
  personGeneric:
    "Bạn có thể gặp cán bộ ở Bộ phận một cửa của Ủy ban nhân dân xã, phường nơi bạn ở (trong giờ hành chính), hoặc nhờ Tổ công nghệ số cộng đồng ở thôn, tổ dân phố.\n\n" +
    "Cho tôi biết xã, phường của bạn (chọn \"Chọn nơi ở\"), tôi sẽ đưa số điện thoại và giờ làm việc nếu địa phương đã cập nhật.",
  personGenericKnown:
    "Xã, phường của bạn chưa cập nhật số điện thoại cho Trợ lý số. Bạn có thể đến Bộ phận một cửa của Ủy ban nhân dân xã, phường (trong giờ hành chính), hoặc nhờ Tổ công nghệ số cộng đồng ở thôn, tổ dân phố.",
  setPlace: "Chọn nơi ở",
  personButton: "Gặp người thật",
  mentorReached: (reached: number, total: number) => `Đã đạt cả lộ trình: ${reached}/${total} người.`,
  mentorGoal: (missing: number) => `Mục tiêu: hướng dẫn ít nhất 5 người (còn thiếu ${missing} người).`,
} as const;
