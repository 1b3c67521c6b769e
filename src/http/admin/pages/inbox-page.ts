import type { FastifyInstance } from "fastify";
import { adminPage, sendAdminPage } from "./layout.js";

/** The grouped questions and their actions; inbox.js fills them from /admin/api/unanswered. */
const BODY = `<p>Các câu hỏi trợ lý đã từ chối, chưa chắc chắn, hoặc người dân bấm "👎 Chưa đúng ý tôi", gom theo nhóm câu gần
giống nhau, nhóm hỏi nhiều nhất ở trên. Thông tin cá nhân (số điện thoại, số căn cước, mật khẩu…) đã được che trước khi lưu.</p>
<p class="note">Mỗi nhóm: tạo câu trả lời duyệt sẵn (bản nháp điền sẵn câu hỏi), đánh dấu ngoài phạm vi, hoặc ghi chú cần viết bài mới
cho nhóm biên soạn (<a href="/admin/lessons/new">Soạn bài mới</a>).</p>
<div id="groups"><p>Đang tải…</p></div>
<h2>Đã xử lý gần đây</h2>
<table><thead><tr><th>Câu hỏi</th><th>Đã làm</th><th>Ghi chú</th><th>Người xử lý</th><th>Lúc</th></tr></thead>
<tbody id="decided"></tbody></table>`;

/** GET /admin/inbox: the unanswered inbox page (a static shell; its data needs the session or the pasted token). */
export function inboxPage(app: FastifyInstance): void {
  const html = adminPage({ title: "Câu hỏi chưa trả lời được", path: "/admin/inbox", body: BODY, scripts: ["inbox.js"] });
  app.get("/admin/inbox", async (_request, reply) => sendAdminPage(reply, html));
}
