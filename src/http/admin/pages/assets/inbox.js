// The unanswered inbox (/admin/inbox): groups of similar questions from /admin/api/unanswered and the actions on a
// group. Everything shown from the server goes through esc(); the CSP allows no inline script.
"use strict";
(() => {
  const { $, esc, api, status, fmtTime } = window.admin;
  const REASON = { out_of_scope: "Bị từ chối", low_confidence: "Chưa chắc chắn", not_helpful: "👎 Chưa đúng ý" };
  const DONE = { out_of_scope: "Ngoài phạm vi", needs_section: "Cần bài mới", curated: "Đã tạo câu trả lời" };
  let groups = [];

  const answerLabel = (ref) => (ref.startsWith("curated:") ? "Câu trả lời duyệt sẵn số " + ref.slice(8) : "Bài học: " + ref);

  function render() {
    $("groups").innerHTML = groups.length === 0
      ? "<p>Không còn câu hỏi nào cần xử lý.</p>"
      : groups.map((g, i) =>
          '<section class="group" data-group="' + i + '"><h2>' + esc(g.key) + " <small>(" + g.total + " lần)</small></h2>" +
          "<p>" + Object.entries(g.reasons).map(([r, n]) => '<span class="badge">' + esc(REASON[r] || r) + ": " + n + "</span>").join(" ") +
          ' <span class="note">lần cuối ' + esc(fmtTime(g.lastAt)) + "</span></p>" +
          "<ul>" + g.examples.map((e) => "<li>" + esc(e.text) + " (" + e.count + ")</li>").join("") + "</ul>" +
          (g.answers.length ? '<p class="note">Câu trả lời đã đưa: ' + g.answers.map((a) => esc(answerLabel(a.ref)) + " (" + a.count + ")").join("; ") + "</p>" : "") +
          '<div class="row"><button type="button" class="primary" data-act="curated">Tạo câu trả lời</button>' +
          '<button type="button" data-act="out_of_scope">Ngoài phạm vi</button>' +
          '<label>Ghi chú cho nhóm biên soạn<input data-note maxlength="1000" placeholder="Cần bài về…"></label>' +
          '<button type="button" data-act="needs_section">Cần bài mới</button> <a href="/admin/lessons/new">Soạn bài mới</a></div></section>',
        ).join("");
  }

  async function load() {
    groups = (await api("GET", "/admin/api/unanswered")).groups;
    render();
    const decided = (await api("GET", "/admin/api/unanswered/decided")).decisions.slice(0, 50);
    $("decided").innerHTML = decided.map((d) =>
      "<tr><td>" + esc(d.text) + "</td><td>" + esc(DONE[d.decision]) + (d.curatedId ? ' (<a href="/admin/curated?id=' + d.curatedId + '">số ' + d.curatedId + "</a>)" : "") +
      "</td><td>" + esc(d.note || "") + "</td><td>" + esc(d.decidedBy) + "</td><td>" + esc(fmtTime(d.decidedAt)) + "</td></tr>").join("");
  }

  $("groups").addEventListener("click", async (e) => {
    const button = e.target.closest("[data-act]");
    if (!button) return;
    const section = button.closest("[data-group]");
    const group = groups[Number(section.dataset.group)];
    const action = button.dataset.act;
    const note = section.querySelector("[data-note]").value;
    button.disabled = true;
    try {
      const r = await api("POST", "/admin/api/unanswered/actions", { texts: group.texts, action, note });
      if (action === "curated" && r.curatedId) {
        location.href = "/admin/curated?id=" + r.curatedId;
        return;
      }
      status(action === "out_of_scope" ? "Đã đánh dấu ngoài phạm vi." : "Đã ghi chú cho nhóm biên soạn.", "ok");
      await load();
    } catch (err) {
      button.disabled = false;
      status(err.message, "error");
    }
  });

  load().catch((err) => status(err.message, "error"));
})();
