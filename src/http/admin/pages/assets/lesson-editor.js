// The lesson editor: Markdown on the left, checks and a preview per channel on the right (rendered by the server
// with the channels' own renderers), draft / publish / discard / retire, and the version history with diffs.
"use strict";
(() => {
  const { $, esc, api, status, fmtTime } = window.admin;
  const isNew = location.pathname === "/admin/lessons/new";
  let lessonId = isNew ? "" : decodeURIComponent(location.pathname.split("/").pop());
  let preview = [];
  let timer;
  const TEMPLATE = "---\nid: ma-bai-moi\ntitle: Tên bài học\ntopic: basics\naudience: [citizen, elderly]\nskill:\n  framework: \"3139\"\n  area: Khai thác dữ liệu và thông tin\n  code_confirmed: false\nsources:\n  - url: https://\n    title: Tên trang nguồn chính thức\n    checked: " +
    new Date().toISOString().slice(0, 10) + "\nupdated: " + new Date().toISOString().slice(0, 10) + "\nquiz: []\n---\n\nMột câu tóm tắt bài học.\n\n## Tên mục đầu tiên\n\nMột câu mở đầu.\n\n1. Bước một.\n2. Bước hai.\n\n<!-- questions\n- Câu hỏi người dân hay hỏi?\n-->\n";

  function showProblems(problems, warnings) {
    const li = (p, cls) => '<li class="' + cls + '">Dòng ' + esc(p.line) + ": " + esc(p.messageVi || p.message) + "</li>";
    const all = problems.map((p) => li(p, "")).concat(warnings.map((p) => li(p, "warning")));
    $("problems").innerHTML = all.length ? all.join("") : '<li class="ok">Không có lỗi. Bài đã sẵn sàng để đăng.</li>';
  }
  function showPreview() {
    const channel = $("channel").value;
    $("preview").innerHTML = preview.length
      ? preview.map((part) => {
          if (channel === "web") return '<div class="preview">' + part.web + "</div>";
          const texts = channel === "telegram" ? part.telegram : part.zalo.map(esc);
          return texts.map((t) => '<div class="preview">' + t + "</div>").join("");
        }).join("")
      : '<p class="note">Chưa xem trước được: hãy sửa các lỗi ở phần Kiểm tra.</p>';
  }
  function currentId() {
    return isNew ? $("lesson-id").value.trim() : lessonId;
  }
  async function check() {
    const id = currentId() || "ma-bai-moi";
    try {
      const res = await api("POST", "/admin/api/lessons/" + encodeURIComponent(id) + "/check", { markdown: $("markdown").value });
      showProblems(res.problems, res.warnings);
      preview = res.preview;
      showPreview();
    } catch (e) {
      status(e.message, "error");
    }
  }
  async function loadVersions() {
    if (!lessonId) return;
    const res = await api("GET", "/admin/api/lessons/" + encodeURIComponent(lessonId) + "/versions");
    $("versions").innerHTML = res.items.map((v) =>
      "<tr><td>" + esc(v.version) + "</td><td>" + esc(fmtTime(v.at)) + "</td><td>" + esc(v.author) + "</td><td>" + esc(v.note) +
      '</td><td><button type="button" data-diff="' + esc(v.version) + '">So với bản trước</button> <button type="button" data-rollback="' + esc(v.version) + '">Quay lại bản này</button></td></tr>').join("");
  }
  async function load() {
    if (isNew) {
      $("id-row").hidden = false;
      $("markdown").value = TEMPLATE;
      $("lesson-state").textContent = "Bài mới: lưu nháp trước, rồi người duyệt đăng.";
      ["publish", "discard", "retire"].forEach((b) => ($(b).disabled = true));
      return check();
    }
    try {
      const res = await api("GET", "/admin/api/lessons/" + encodeURIComponent(lessonId));
      document.querySelector("h1").textContent = "Sửa bài: " + res.summary.title;
      $("markdown").value = res.draft ? res.draft.markdown : res.liveMarkdown || "";
      $("lesson-state").textContent = (res.summary.liveVersion ? "Phiên bản đang dùng: " + res.summary.liveVersion + ". " : "Chưa đăng. ") +
        (res.draft ? "Đang sửa bản nháp của " + res.draft.author + " (" + fmtTime(res.draft.at) + ")." : "Chưa có bản nháp.");
      $("discard").disabled = !res.draft;
      $("publish").disabled = !res.draft;
      $("retire").disabled = res.summary.status === "retired" || !res.summary.liveVersion;
      showProblems(res.problems, res.warnings);
      await check();
      await loadVersions();
    } catch (e) {
      status(e.message, "error");
    }
  }
  async function act(run, okText) {
    try {
      status("Đang xử lý…");
      const res = await run();
      status(typeof okText === "function" ? okText(res) : okText, "ok");
      return res;
    } catch (e) {
      if (e.data && e.data.problems) showProblems(e.data.problems, []);
      status(e.message, "error");
    }
  }
  document.addEventListener("DOMContentLoaded", () => {
    $("markdown").addEventListener("input", () => {
      clearTimeout(timer);
      timer = setTimeout(check, 600);
    });
    $("channel").addEventListener("change", showPreview);
    $("save").addEventListener("click", async () => {
      const id = currentId();
      const res = await act(() => api("PUT", "/admin/api/lessons/" + encodeURIComponent(id), { markdown: $("markdown").value }),
        (r) => (r.problems.length ? "Đã lưu nháp. Bài còn " + r.problems.length + " lỗi cần sửa trước khi đăng." : "Đã lưu nháp."));
      if (res && isNew) location.href = "/admin/lessons/" + encodeURIComponent(id);
      else if (res) load();
    });
    $("publish").addEventListener("click", async () => {
      const res = await act(() => api("POST", "/admin/api/lessons/" + encodeURIComponent(lessonId) + "/publish"),
        (r) => "Đã đăng phiên bản " + r.version + ". Người dân nhận nội dung mới sau " + r.liveAfterMs + " ms.");
      if (res) load();
    });
    $("discard").addEventListener("click", async () => {
      if (!confirm("Bỏ bản nháp này? Nội dung đang dùng không thay đổi.")) return;
      if (await act(() => api("DELETE", "/admin/api/lessons/" + encodeURIComponent(lessonId) + "/draft"), "Đã bỏ bản nháp.")) load();
    });
    $("retire").addEventListener("click", async () => {
      if (!confirm("Ngừng dùng bài này? Trợ lý sẽ không trả lời bằng bài này nữa; lịch sử vẫn được giữ.")) return;
      if (await act(() => api("POST", "/admin/api/lessons/" + encodeURIComponent(lessonId) + "/retire"), "Đã ngừng dùng bài.")) load();
    });
    $("versions").addEventListener("click", async (event) => {
      const target = event.target;
      if (!(target instanceof HTMLElement)) return;
      if (target.dataset.rollback) {
        const v = Number(target.dataset.rollback);
        if (!confirm("Đăng lại nội dung của phiên bản " + v + " thành phiên bản mới nhất?")) return;
        if (await act(() => api("POST", "/admin/api/lessons/" + encodeURIComponent(lessonId) + "/rollback", { version: v }), (r) => "Đã quay lại: phiên bản " + r.version + " có nội dung của phiên bản " + v + ".")) load();
      } else if (target.dataset.diff) {
        const v = Number(target.dataset.diff);
        if (v < 2) return status("Đây là phiên bản đầu tiên.", "");
        const res = await act(() => api("GET", "/admin/api/lessons/" + encodeURIComponent(lessonId) + "/diff?from=" + (v - 1) + "&to=" + v), "");
        if (res) {
          $("diff").hidden = false;
          $("diff").innerHTML = res.diff.split("\n").map((l) => (l.startsWith("+") ? "<ins>" + esc(l) + "</ins>" : l.startsWith("-") ? "<del>" + esc(l) + "</del>" : esc(l))).join("\n");
        }
      }
    });
    load();
  });
})();
