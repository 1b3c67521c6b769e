import type { FastifyInstance } from "fastify";
import { NOTICE_KIND_LABELS, NOTICE_KINDS, NOTICE_LINK_MAX, NOTICE_TEXT_MAX, NOTICE_TITLE_MAX } from "../../../assistant/notices/index.js";
import { adminPage, sendAdminPage } from "./layout.js";

const kindOptions = NOTICE_KINDS.map((k) => `<option value="${k}">${NOTICE_KIND_LABELS[k]}</option>`).join("");

/** The form and the list; notices.js fills both from /admin/api/notices (this HTML carries no data). */
const BODY = `<p>Thông báo ngắn cho người học ở xã/phường (hoặc cả tỉnh/thành phố): giờ làm việc của bộ phận một cửa, lớp
"Bình dân học vụ số" tuần này, cảnh báo lừa đảo ở địa phương. Người học thấy thông báo khi hỏi về chủ đề liên quan, khi
gõ /thongbao, và cảnh báo lừa đảo còn hiện dưới lời chào. Ngoài thời gian hiển thị, thông báo không bao giờ được gửi.</p>
<form id="notice-form" novalidate>
<h2 id="form-title">Đăng thông báo mới</h2>
<input type="hidden" id="editing">
<div class="row">
<label>Tỉnh/thành phố<select id="provinceCode" required></select><small class="problem" id="provinceCode-problem"></small></label>
<label>Xã/phường<select id="communeCode"></select><small class="problem" id="communeCode-problem"></small></label>
<label>Loại thông báo<select id="kind">${kindOptions}</select></label>
</div>
<label>Tiêu đề (tối đa ${NOTICE_TITLE_MAX} ký tự)<input id="title" maxlength="${NOTICE_TITLE_MAX}" required><small class="problem" id="title-problem"></small></label>
<label>Nội dung (chữ thường, tối đa ${NOTICE_TEXT_MAX} ký tự; số điện thoại ghi như bình thường)
<textarea id="text" class="short" rows="5" maxlength="${NOTICE_TEXT_MAX}" required></textarea><small id="text-count"></small><small class="problem" id="text-problem"></small></label>
<label>Đường dẫn xem thêm (không bắt buộc, phải bắt đầu bằng https://)<input id="link" type="url" maxlength="${NOTICE_LINK_MAX}" placeholder="https://"><small class="problem" id="link-problem"></small></label>
<div class="row">
<label>Hiển thị từ ngày<input id="startsAt" type="date" required><small class="problem" id="startsAt-problem"></small></label>
<label>Đến hết ngày<input id="endsAt" type="date" required><small class="problem" id="endsAt-problem"></small></label>
</div>
<label>Chủ đề liên quan, cách nhau bằng dấu phẩy (ví dụ: dvc, safety, vneid, căn cước)<input id="topics" maxlength="400"><small class="problem" id="topics-problem"></small></label>
<div class="row"><button type="submit" class="primary" id="save">Đăng thông báo</button><button type="button" id="cancel" hidden>Huỷ sửa</button></div>
</form>
<h2>Thông báo của địa bàn bạn phụ trách</h2>
<div class="scroll"><table><thead><tr><th>Địa bàn</th><th>Loại</th><th>Tiêu đề và nội dung</th><th>Thời gian</th><th>Trạng thái</th><th></th></tr></thead>
<tbody id="notices"><tr><td colspan="6">Đang tải…</td></tr></tbody></table></div>`;

/** GET /admin/notices: the local notices page (a static shell; its data needs the session or the pasted token). */
export function noticesPage(app: FastifyInstance): void {
  const html = adminPage({ title: "Thông báo địa phương", path: "/admin/notices", body: BODY, scripts: ["notices.js"] });
  app.get("/admin/notices", async (_request, reply) => sendAdminPage(reply, html));
}
