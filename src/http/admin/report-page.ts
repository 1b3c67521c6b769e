import { adminPage } from "./pages/layout.js";

/**
 * The report page in the shared admin layout (CSP without inline script; the logic is assets/report.js). It holds no
 * data: report.js calls GET /admin/reports with the session cookie, or with an ADMIN_API_TOKEN / API token typed here.
 * The hierarchy is a tree (province → commune → neighbourhood) with totals, readable on a 360 px phone; the full
 * table and the chart stay below it for office screens.
 */
const BODY = `<p class="note">Số liệu bổ trợ từ Trợ lý số; không thay thế xác nhận hoàn thành phổ cập kỹ năng số trên VNeID.</p>
<p class="note">Để bảo vệ người học, nhóm dưới 5 người không hiện số liệu hay câu hỏi ("dưới 5 người học"). Bạn chỉ thấy địa bàn trong phạm vi tài khoản của mình.</p>
<form id="f" class="row">
<label>Quý <input id="quarter" placeholder="2026-Q4" pattern="\\d{4}-Q[1-4]" size="8"></label>
<label>Nhóm <select id="group"><option value="all">Tất cả</option><option value="citizen">Người dân</option>
<option value="civil_servant">Cán bộ, công chức</option><option value="student">Học sinh, sinh viên</option>
<option value="worker">Người lao động</option><option value="unknown">Chưa khai báo</option></select></label>
<button id="load" class="primary" type="submit">Xem báo cáo</button>
<button id="csv" type="button">Tải CSV</button>
</form>
<details id="token-box"><summary>Dùng mã quản trị thay cho đăng nhập</summary>
<label>Mã quản trị hoặc mã API <input id="token" type="password" autocomplete="off"></label>
<p class="note">Để trống nếu bạn đã đăng nhập bằng tài khoản.</p></details>
<h2>Theo địa bàn</h2>
<div id="tree" class="tree"></div>
<h2>Theo tỉnh/thành phố</h2>
<div class="scroll" tabindex="0" role="region" aria-label="Biểu đồ theo tỉnh/thành phố (cuộn ngang)"><svg id="chart" class="chart" width="720" height="40" role="img" aria-label="Biểu đồ theo tỉnh"></svg></div>
<h2>Bảng chi tiết</h2>
<div class="scroll" tabindex="0" role="region" aria-label="Bảng chi tiết (cuộn ngang)"><table id="table"><thead><tr><th>Địa bàn</th><th>Cấp</th><th>Người học</th><th>Đang học</th><th>Bài đã học</th>
<th>Bài kiểm tra đạt</th><th>Đạt lộ trình</th><th>Câu hỏi nhiều nhất</th></tr></thead><tbody></tbody></table></div>`;

export const REPORT_PAGE_HTML = adminPage({ title: "Báo cáo học tập theo địa bàn", path: "/admin/report", body: BODY, scripts: ["report.js"] });
