import type { Permission } from "../../../admin/roles.js";

/** What each admin page is for, and the permission it needs; GET /admin/api/me lists the ones an account may use. */
export const HOME_LINKS: Array<{ href: string; label: string; description: string; permission: Permission }> = [
  { href: "/admin/report", label: "Báo cáo", description: "Xem số người học theo tỉnh, xã/phường, tổ/thôn trong phạm vi của bạn.", permission: "reports:read" },
  { href: "/admin/lessons", label: "Bài học", description: "Soạn, sửa và xem trước bài học.", permission: "knowledge:draft" },
  { href: "/admin/lessons", label: "Duyệt và xuất bản", description: "Duyệt bản nháp, xuất bản hoặc quay lại phiên bản cũ.", permission: "knowledge:publish" },
  { href: "/admin/curated", label: "Câu trả lời duyệt sẵn", description: "Thêm, sửa các cặp câu hỏi – câu trả lời có nguồn.", permission: "curated:edit" },
  { href: "/admin/inbox", label: "Câu hỏi chưa trả lời được", description: "Xử lý các câu hỏi trợ lý chưa trả lời tốt.", permission: "inbox:work" },
  { href: "/admin/notices", label: "Thông báo địa phương", description: "Đăng thông báo ngắn cho người học ở địa bàn của bạn.", permission: "notices:edit" },
  { href: "/admin/accounts", label: "Tài khoản", description: "Tạo tài khoản, đổi vai trò, phạm vi, khoá tài khoản, cấp mã API.", permission: "accounts:manage" },
  { href: "/admin/audit", label: "Nhật ký thay đổi", description: "Ai đã thay đổi gì, khi nào; tải về CSV.", permission: "audit:read" },
];
