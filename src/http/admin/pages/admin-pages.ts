import type { FastifyInstance } from "fastify";
import { REPORT_PAGE_HTML } from "../report-page.js";
import { adminPage, sendAdminPage } from "./layout.js";

const HOME = adminPage({
  title: "Trang quản trị",
  path: "/admin",
  scripts: ["home.js"],
  body: `<p id="me" class="note"></p><h2>Bạn có thể</h2><ul id="links" class="links"></ul>`,
});

const ACCOUNTS = adminPage({
  title: "Tài khoản quản trị",
  path: "/admin/accounts",
  scripts: ["accounts.js"],
  body: `<div class="scroll" tabindex="0" role="region" aria-label="Danh sách tài khoản"><table id="accounts"><thead><tr><th>Tên đăng nhập</th><th>Vai trò</th><th>Phạm vi</th><th>Trạng thái</th><th>Thao tác</th></tr></thead><tbody></tbody></table></div>
<h2>Tạo tài khoản</h2>
<form id="create" class="row">
<label>Tên đăng nhập <input id="c-username" required maxlength="40" autocapitalize="none" spellcheck="false"></label>
<label>Vai trò <select id="c-role"><option value="viewer">Người xem báo cáo</option><option value="editor">Biên tập viên</option><option value="reviewer">Người duyệt</option><option value="admin">Quản trị viên</option></select></label>
<label>Mã tỉnh/thành phố <input id="c-province" size="6" placeholder="để trống = toàn hệ thống"></label>
<label>Mã xã/phường <input id="c-commune" size="6"></label>
<label>Mật khẩu (ít nhất 10 ký tự) <input id="c-password" type="password" autocomplete="new-password" required minlength="10"></label>
<button class="primary" type="submit">Tạo</button>
</form>
<section id="detail" hidden><h2 id="d-title"></h2>
<form id="edit" class="row">
<label>Vai trò <select id="e-role"><option value="viewer">Người xem báo cáo</option><option value="editor">Biên tập viên</option><option value="reviewer">Người duyệt</option><option value="admin">Quản trị viên</option></select></label>
<label>Mã tỉnh/thành phố <input id="e-province" size="6"></label>
<label>Mã xã/phường <input id="e-commune" size="6"></label>
<button type="submit">Lưu vai trò và phạm vi</button>
<button type="button" id="e-disable">Khoá tài khoản</button>
</form>
<form id="password" class="row"><label>Mật khẩu mới <input id="p-password" type="password" autocomplete="new-password" minlength="10" required></label><button type="submit">Đặt lại mật khẩu</button></form>
<h3>Mã API</h3>
<p class="note">Mã API dùng cho các chương trình tự động (gửi trong tiêu đề Authorization: Bearer …). Mã chỉ hiện một lần khi tạo; hãy lưu lại ngay.</p>
<form id="token-create" class="row"><label>Tên mã <input id="t-name" maxlength="80" required placeholder="ví dụ: máy chủ nhập dữ liệu"></label><button type="submit">Tạo mã API</button></form>
<p id="t-new" class="secret" hidden></p>
<ul id="tokens"></ul></section>`,
});

const AUDIT = adminPage({
  title: "Nhật ký thay đổi",
  path: "/admin/audit",
  scripts: ["audit.js"],
  body: `<form id="filter" class="row"><label>Đối tượng (ví dụ account:3, lesson:vneid-cai-dat) <input id="target" maxlength="200"></label>
<button class="primary" type="submit">Lọc</button><button type="button" id="csv">Tải CSV</button></form>
<div class="scroll" tabindex="0" role="region" aria-label="Nhật ký thay đổi"><table id="audit"><thead><tr><th>Thời điểm</th><th>Người làm</th><th>Việc</th><th>Đối tượng</th><th>Trước</th><th>Sau</th><th>Ghi chú</th></tr></thead><tbody></tbody></table></div>
<button type="button" id="more" hidden>Xem cũ hơn</button>`,
});

/**
 * The static admin pages (shells without data; each one's script calls /admin/api with the session cookie). Public
 * on purpose: the data behind them is gated, and an unauthenticated script call sends the browser to /admin/login.
 */
export function adminPagesRoute(app: FastifyInstance): void {
  app.get("/admin", async (_request, reply) => sendAdminPage(reply, HOME));
  app.get("/admin/accounts", async (_request, reply) => sendAdminPage(reply, ACCOUNTS));
  app.get("/admin/audit", async (_request, reply) => sendAdminPage(reply, AUDIT));
  app.get("/admin/report", async (_request, reply) => sendAdminPage(reply, REPORT_PAGE_HTML));
}
