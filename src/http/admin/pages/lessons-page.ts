import type { FastifyInstance } from "fastify";
import { adminPage, sendAdminPage } from "./layout.js";

const LIST = `<p>Các bài học trợ lý dùng để trả lời người dân. Biên tập viên sửa và lưu bản nháp; người duyệt bấm "Đăng" để bài mới
có hiệu lực ngay (không cần khởi động lại). Mỗi lần đăng là một phiên bản: có thể xem lịch sử, so sánh và quay lại.</p>
<div class="row"><label>Tìm bài<input id="q" type="search" placeholder="Tên bài hoặc mã bài"></label>
<label>Trạng thái<select id="status"><option value="">Tất cả</option><option value="published">Đang dùng</option>
<option value="draft-pending">Có bản nháp chờ đăng</option><option value="scheduled">Chờ đến ngày hiệu lực</option>
<option value="expired">Hết hiệu lực</option><option value="retired">Đã ngừng dùng</option></select></label>
<a href="/admin/lessons/new"><button type="button" class="primary">Soạn bài mới</button></a></div>
<p id="next-change" class="note"></p>
<table><thead><tr><th>Bài học</th><th>Chủ đề</th><th>Trạng thái</th><th>Phiên bản</th><th>Cập nhật</th></tr></thead>
<tbody id="items"><tr><td colspan="5">Đang tải…</td></tr></tbody></table>`;

const EDITOR = `<p class="note" id="lesson-state"></p>
<label id="id-row" hidden>Mã bài (chữ thường không dấu, nối bằng dấu gạch ngang)<input id="lesson-id" pattern="[a-z0-9]+(-[a-z0-9]+)*" placeholder="vi-du-ma-bai"></label>
<div class="cols">
<section><h2>Nội dung (Markdown)</h2>
<textarea id="markdown" spellcheck="false" aria-describedby="problems"></textarea>
<div class="row"><button type="button" id="save">Lưu nháp</button><button type="button" id="publish" class="primary">Đăng</button>
<button type="button" id="discard">Bỏ bản nháp</button><button type="button" id="retire">Ngừng dùng bài</button></div>
<h3>Kiểm tra</h3><ul id="problems" class="problems"><li class="ok">Chưa kiểm tra.</li></ul></section>
<section><h2>Xem trước như người dân thấy</h2>
<div class="row"><label>Kênh<select id="channel"><option value="web">Trang web</option><option value="telegram">Telegram</option>
<option value="zalo">Zalo</option></select></label></div>
<div id="preview"></div></section>
</div>
<h2>Lịch sử phiên bản</h2>
<table><thead><tr><th>Phiên bản</th><th>Lúc</th><th>Người đăng</th><th>Ghi chú</th><th></th></tr></thead><tbody id="versions"></tbody></table>
<pre id="diff" class="diff" hidden></pre>`;

/** GET /admin/lessons, /admin/lessons/new and /admin/lessons/:id — static shells; lessons.js and lesson-editor.js fill them. */
export function lessonsPages(app: FastifyInstance): void {
  const list = adminPage({ title: "Bài học", path: "/admin/lessons", body: LIST, scripts: ["lessons.js"] });
  const editor = adminPage({ title: "Sửa bài học", path: "/admin/lessons", body: EDITOR, scripts: ["lesson-editor.js"] });
  app.get("/admin/lessons", async (_request, reply) => sendAdminPage(reply, list));
  app.get("/admin/lessons/new", async (_request, reply) => sendAdminPage(reply, editor));
  app.get("/admin/lessons/:id", async (_request, reply) => sendAdminPage(reply, editor));
}
