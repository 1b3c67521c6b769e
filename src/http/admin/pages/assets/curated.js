// The curated answers page (/admin/curated): list, editor (draft → publish), history with rollback, CSV import and
// export, all through /admin/api/curated. Everything shown from the server goes through esc() or textContent.
"use strict";
(() => {
  const { $, esc, api, status, fmtTime } = window.admin;
  const FIELDS = ["question", "alternatives", "answer", "sourceTitle", "sourceUrl"];
  const STATUS = { draft: "Bản nháp", published: "Đang dùng", retired: "Ngừng dùng" };
  let current;

  function clearProblems() {
    for (const f of FIELDS) $(f + "-problem").textContent = "";
  }
  function showProblems(err) {
    status(err.message, "error");
    for (const p of (err.data && err.data.problems) || []) {
      const el = $(p.field + "-problem");
      if (el) el.textContent = (el.textContent ? el.textContent + " " : "") + p.message;
    }
  }
  const content = () => ({
    question: $("question").value,
    alternatives: $("alternatives").value.split("\n"),
    answer: $("answer").value,
    sourceTitle: $("sourceTitle").value,
    sourceUrl: $("sourceUrl").value,
  });

  async function load() {
    const data = await api("GET", "/admin/api/curated" + ($("show-retired").checked ? "?retired=1" : ""));
    $("items").innerHTML = data.items.length === 0
      ? '<tr><td colspan="5">Chưa có câu trả lời nào.</td></tr>'
      : data.items.map((a) =>
          '<tr><td><a href="?id=' + a.id + '" data-id="' + a.id + '">' + esc(a.draft.question) + "</a></td>" +
          '<td><span class="badge ' + esc(a.status) + '">' + esc(STATUS[a.status]) + "</span>" + (a.status !== "draft" && a.hasDraft ? " (có sửa chưa đăng)" : "") + "</td>" +
          "<td>" + (a.published ? "v" + a.published.version : "") + "</td><td>" + a.hits + "</td><td>" + esc(fmtTime(a.updatedAt)) + "</td></tr>",
        ).join("");
  }

  async function open(id) {
    clearProblems();
    current = id ? await api("GET", "/admin/api/curated/" + id) : undefined;
    const d = current ? current.draft : { question: "", alternatives: [], answer: "", sourceTitle: "", sourceUrl: "" };
    $("question").value = d.question;
    $("alternatives").value = d.alternatives.join("\n");
    $("answer").value = d.answer;
    $("sourceTitle").value = d.sourceTitle;
    $("sourceUrl").value = d.sourceUrl;
    $("editor-title").textContent = current ? "Câu trả lời số " + current.id : "Câu trả lời mới";
    $("editor-state").textContent = current
      ? STATUS[current.status] + (current.published ? " · đang dùng phiên bản " + current.published.version : "") + (current.hasDraft && current.status !== "draft" ? " · có chỗ sửa chưa đăng" : "") + " · đã dùng " + current.hits + " lần"
      : "Chưa lưu.";
    $("publish").disabled = !current;
    $("retire").disabled = !current || current.status === "retired";
    $("editor").hidden = false;
    await loadVersions();
    $("question").focus();
  }

  async function loadVersions() {
    const rows = current ? (await api("GET", "/admin/api/curated/" + current.id + "/versions")).versions : [];
    $("versions").innerHTML = rows.map((v) =>
      "<tr><td>v" + v.version + "</td><td>" + esc(fmtTime(v.publishedAt)) + "</td><td>" + esc(v.publishedBy) + "</td><td>" + esc(v.answer.slice(0, 160)) + "</td>" +
      '<td><button type="button" data-rollback="' + v.version + '">Quay lại phiên bản này</button></td></tr>').join("") ||
      '<tr><td colspan="5">Chưa đăng lần nào.</td></tr>';
  }

  async function run(work, done) {
    clearProblems();
    try {
      await work();
      status(done, "ok");
      await load();
    } catch (err) {
      showProblems(err);
    }
  }

  $("editor").addEventListener("submit", (e) => {
    e.preventDefault();
    run(async () => {
      const saved = current ? await api("PUT", "/admin/api/curated/" + current.id, content()) : await api("POST", "/admin/api/curated", content());
      history.replaceState(null, "", "?id=" + saved.id);
      await open(saved.id);
    }, "Đã lưu bản nháp.");
  });
  $("publish").addEventListener("click", () => run(async () => {
    await api("PUT", "/admin/api/curated/" + current.id, content());
    await api("POST", "/admin/api/curated/" + current.id + "/publish");
    await open(current.id);
  }, "Đã đăng. Người dân hỏi câu này sẽ nhận câu trả lời mới."));
  $("retire").addEventListener("click", () => {
    if (!confirm("Ngừng dùng câu trả lời này?")) return;
    run(async () => {
      await api("DELETE", "/admin/api/curated/" + current.id);
      await open(current.id);
    }, "Đã ngừng dùng.");
  });
  $("close").addEventListener("click", () => {
    $("editor").hidden = true;
    history.replaceState(null, "", location.pathname);
  });
  $("versions").addEventListener("click", (e) => {
    const v = e.target.closest("[data-rollback]");
    if (!v) return;
    run(async () => {
      await api("POST", "/admin/api/curated/" + current.id + "/rollback", { version: Number(v.dataset.rollback) });
      await open(current.id);
    }, "Đã quay lại phiên bản " + v.dataset.rollback + ".");
  });
  $("items").addEventListener("click", (e) => {
    const a = e.target.closest("[data-id]");
    if (!a) return;
    e.preventDefault();
    history.replaceState(null, "", "?id=" + a.dataset.id);
    open(Number(a.dataset.id)).catch((err) => status(err.message, "error"));
  });
  $("new").addEventListener("click", () => open(undefined));
  $("show-retired").addEventListener("change", () => load().catch((err) => status(err.message, "error")));

  $("export").addEventListener("click", () => run(async () => {
    const text = await api("GET", "/admin/api/curated.csv");
    const url = URL.createObjectURL(new Blob([text], { type: "text/csv;charset=utf-8" }));
    const a = document.createElement("a");
    a.href = url;
    a.download = "cau-tra-loi-duyet-san.csv";
    a.click();
    URL.revokeObjectURL(url);
  }, "Đã tải tệp CSV."));
  $("csv-file").addEventListener("change", async () => {
    const file = $("csv-file").files[0];
    if (file) $("csv-text").value = await file.text();
  });
  $("import").addEventListener("click", () => run(async () => {
    const r = await api("POST", "/admin/api/curated/import", { csv: $("csv-text").value, publish: $("csv-publish").checked });
    $("import-report").innerHTML =
      "<p>Thêm mới: " + r.added.length + " · Sửa: " + r.changed.length + " · Không đổi: " + r.unchanged + " · Đã đăng: " + r.published + " · Bị từ chối: " + r.rejected.length + "</p>" +
      (r.rejected.length ? '<ul class="problems">' + r.rejected.map((x) => "<li>Dòng " + x.line + ": " + esc(x.reason) + "</li>").join("") + "</ul>" : "");
  }, "Đã nhập xong."));

  const start = Number(new URLSearchParams(location.search).get("id"));
  load()
    .then(() => (start ? open(start) : undefined))
    .catch((err) => status(err.message, "error"));
})();
