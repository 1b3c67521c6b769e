import type { FastifyInstance } from "fastify";
import { CURATED_CSV_COLUMNS } from "../../../assistant/curated/csv.js";
import { adminPage, sendAdminPage } from "./layout.js";

/** The list, the editor, the history and the CSV tools; curated.js fills them from /admin/api/curated. */
const BODY = `<p>Cặp câu hỏi – câu trả lời do cán bộ viết và duyệt. Khi người dân hỏi một câu gần giống câu hỏi đã đăng (hoặc
một cách hỏi khác của nó), trợ lý trả lời bằng câu trả lời này trước khi tìm trong bài học, kèm nguồn chính thức.
Biên tập viên lưu bản nháp; người duyệt đăng, quay lại phiên bản cũ hoặc ngừng dùng.</p>
<div class="row"><button type="button" id="new" class="primary">Thêm câu trả lời mới</button>
<label><span><input type="checkbox" id="show-retired"> Hiện cả câu đã ngừng dùng</span></label></div>
<table><thead><tr><th>Câu hỏi</th><th>Trạng thái</th><th>Phiên bản</th><th>Số lần dùng</th><th>Cập nhật</th></tr></thead>
<tbody id="items"><tr><td colspan="5">Đang tải…</td></tr></tbody></table>
<form id="editor" hidden novalidate>
<h2 id="editor-title">Câu trả lời</h2>
<p id="editor-state" class="note"></p>
<label>Câu hỏi<input id="question" maxlength="300" required><small class="problem" id="question-problem"></small></label>
<label>Các cách hỏi khác (mỗi dòng một câu)<textarea id="alternatives" rows="4" class="short"></textarea><small class="problem" id="alternatives-problem"></small></label>
<label>Câu trả lời (chữ thường, tối đa 2000 ký tự)<textarea id="answer" rows="8" class="short" maxlength="2000"></textarea><small class="problem" id="answer-problem"></small></label>
<div class="row">
<label>Tên nguồn chính thức<input id="sourceTitle" maxlength="200" placeholder="Cổng Dịch vụ công quốc gia"><small class="problem" id="sourceTitle-problem"></small></label>
<label>Địa chỉ trang nguồn<input id="sourceUrl" type="url" maxlength="500" placeholder="https://"><small class="problem" id="sourceUrl-problem"></small></label>
</div>
<div class="row"><button type="submit" id="save">Lưu nháp</button><button type="button" id="publish" class="primary">Đăng</button>
<button type="button" id="retire">Ngừng dùng</button><button type="button" id="close">Đóng</button></div>
<h3>Các phiên bản đã đăng</h3>
<table><thead><tr><th>Phiên bản</th><th>Đăng lúc</th><th>Người đăng</th><th>Câu trả lời</th><th></th></tr></thead><tbody id="versions"></tbody></table>
</form>
<h2>Nhập và xuất tệp CSV</h2>
<p class="note">Cột: ${CURATED_CSV_COLUMNS.join(", ")}. Các cách hỏi khác cách nhau bằng " | ". Để trống cột id để thêm mới; có id thì sửa
câu trả lời đó. Các cột status, version, hits chỉ để xem, khi nhập sẽ bỏ qua.</p>
<div class="row"><button type="button" id="export">Tải tệp CSV</button></div>
<label>Chọn tệp CSV<input type="file" id="csv-file" accept=".csv,text/csv"></label>
<label>Hoặc dán nội dung CSV<textarea id="csv-text" rows="6" class="short"></textarea></label>
<div class="row"><label><span><input type="checkbox" id="csv-publish"> Đăng luôn các dòng hợp lệ (cần quyền duyệt)</span></label>
<button type="button" id="import">Nhập</button></div>
<div id="import-report"></div>`;

/** GET /admin/curated: the curated answers page (a static shell; its data needs the session or the pasted token). */
export function curatedPage(app: FastifyInstance): void {
  const html = adminPage({ title: "Câu trả lời duyệt sẵn", path: "/admin/curated", body: BODY, scripts: ["curated.js"] });
  app.get("/admin/curated", async (_request, reply) => sendAdminPage(reply, html));
}
