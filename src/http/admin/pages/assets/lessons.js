// The lessons list: search, filter by status, link to the editor.
"use strict";
(() => {
  const { $, esc, api, status, fmtTime } = window.admin;
  const STATUS = { published: "Đang dùng", scheduled: "Chờ ngày hiệu lực", expired: "Hết hiệu lực", retired: "Đã ngừng dùng", draft: "Bản nháp (chưa đăng)" };
  let items = [];
  function show() {
    const q = $("q").value.trim().toLowerCase();
    const want = $("status").value;
    const rows = items.filter((l) => {
      if (q && !(l.title.toLowerCase().includes(q) || l.id.includes(q))) return false;
      if (want === "draft-pending") return l.hasDraft;
      return !want || l.status === want;
    });
    $("items").innerHTML = rows.length
      ? rows
          .map((l) => '<tr><td><a href="/admin/lessons/' + esc(l.id) + '">' + esc(l.title) + "</a><br><small>" + esc(l.id) + "</small></td><td>" + esc(l.topic) +
            '</td><td><span class="badge ' + esc(l.status) + '">' + esc(STATUS[l.status] || l.status) + "</span>" +
            (l.hasDraft ? ' <span class="badge draft">có bản nháp</span>' : "") + "</td><td>" + esc(l.liveVersion ?? "—") + "</td><td>" + esc(fmtTime(l.updatedAt)) + "</td></tr>")
          .join("")
      : '<tr><td colspan="5">Không có bài nào khớp.</td></tr>';
  }
  async function load() {
    try {
      const data = await api("GET", "/admin/api/lessons");
      items = data.items;
      $("next-change").textContent = data.nextChange ? "Lần thay đổi tự động tiếp theo (theo ngày hiệu lực): " + fmtTime(data.nextChange) : "";
      show();
      status("");
    } catch (e) {
      status(e.message, "error");
    }
  }
  document.addEventListener("DOMContentLoaded", () => {
    $("q").addEventListener("input", show);
    $("status").addEventListener("change", show);
    load();
  });
})();
