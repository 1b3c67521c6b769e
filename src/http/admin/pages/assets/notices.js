// The local notices page (/admin/notices): lists the notices of the account's area, creates, edits and ends them
// through /admin/api/notices. Everything shown from the server goes through esc(); the CSP allows no inline script.
"use strict";
(() => {
  const { $, esc, api, status } = window.admin;
  const KIND = { hours: "Giờ làm việc", class: "Lớp học", scam: "Cảnh báo lừa đảo", other: "Khác" };
  const STATUS = { current: "Đang hiển thị", scheduled: "Chưa đến ngày", ended: "Đã kết thúc" };
  const FIELDS = ["provinceCode", "communeCode", "title", "text", "link", "startsAt", "endsAt", "topics"];
  const DAY = 86400000;
  let notices = [];
  let scope = {};

  // Days are Vietnam days (UTC+7), as the server reads them; an end instant is exclusive, so its day is the one before.
  const vnDay = (ms) => new Date(ms + 7 * 3600000).toISOString().slice(0, 10);
  const viDate = (d) => d.split("-").reverse().join("/");

  function clearProblems() {
    for (const f of FIELDS) {
      const el = $(f + "-problem");
      if (el) el.textContent = "";
    }
  }

  async function loadPlaces(province) {
    const data = await api("GET", "/admin/api/notices/places" + (province ? "?province=" + encodeURIComponent(province) : ""));
    scope = data.scope || {};
    const p = $("provinceCode");
    if (!province) {
      p.innerHTML = (scope.provinceCode ? "" : '<option value="">— Chọn tỉnh/thành phố —</option>') +
        data.provinces.map((u) => '<option value="' + esc(u.code) + '">' + esc(u.name) + "</option>").join("");
      if (scope.provinceCode) return loadPlaces(scope.provinceCode);
    }
    const c = $("communeCode");
    c.innerHTML = (scope.communeCode ? "" : '<option value="">Cả tỉnh/thành phố</option>') +
      data.communes.map((u) => '<option value="' + esc(u.code) + '">' + esc(u.name) + "</option>").join("");
  }

  function render() {
    const body = $("notices");
    if (!notices.length) {
      body.innerHTML = '<tr><td colspan="6">Chưa có thông báo nào.</td></tr>';
      return;
    }
    body.innerHTML = notices.map((n) => {
      const when = viDate(vnDay(Date.parse(n.startsAt))) + " – " + viDate(vnDay(Date.parse(n.endsAt) - 1));
      const actions = n.status === "ended" ? "" :
        '<button type="button" data-edit="' + n.id + '">Sửa</button> <button type="button" data-end="' + n.id + '">Kết thúc ngay</button>';
      return '<tr data-id="' + n.id + '"><td>' + esc(n.placeName) + "</td><td>" + esc(KIND[n.kind] || n.kind) + "</td><td><strong>" +
        esc(n.title) + "</strong><br>" + esc(n.text) + (n.link ? '<br><a href="' + esc(n.link) + '" rel="noopener noreferrer">' + esc(n.link) + "</a>" : "") +
        (n.topics.length ? "<br><small>Chủ đề: " + esc(n.topics.join(", ")) + "</small>" : "") + "</td><td>" + esc(when) + "</td><td>" +
        esc(STATUS[n.status] || n.status) + "</td><td>" + actions + "</td></tr>";
    }).join("");
  }

  async function load() {
    const data = await api("GET", "/admin/api/notices");
    notices = data.notices;
    render();
  }

  function resetForm() {
    $("notice-form").reset();
    $("editing").value = "";
    $("form-title").textContent = "Đăng thông báo mới";
    $("save").textContent = "Đăng thông báo";
    $("cancel").hidden = true;
    const today = Date.now();
    $("startsAt").value = vnDay(today);
    $("endsAt").value = vnDay(today + 6 * DAY);
    if (scope.provinceCode) $("provinceCode").value = scope.provinceCode;
    if (scope.communeCode) $("communeCode").value = scope.communeCode;
    clearProblems();
    count();
  }

  async function edit(id) {
    const n = notices.find((x) => x.id === id);
    if (!n) return;
    $("editing").value = String(n.id);
    $("provinceCode").value = n.provinceCode;
    await loadPlaces(n.provinceCode);
    $("communeCode").value = n.communeCode || "";
    $("kind").value = n.kind;
    $("title").value = n.title;
    $("text").value = n.text;
    $("link").value = n.link || "";
    $("startsAt").value = vnDay(Date.parse(n.startsAt));
    $("endsAt").value = vnDay(Date.parse(n.endsAt) - 1);
    $("topics").value = n.topics.join(", ");
    $("form-title").textContent = "Sửa thông báo";
    $("save").textContent = "Lưu thay đổi";
    $("cancel").hidden = false;
    clearProblems();
    count();
    $("title").focus();
  }

  async function end(id) {
    const n = notices.find((x) => x.id === id);
    if (!n || !confirm("Kết thúc ngay thông báo \"" + n.title + "\"? Người học sẽ không thấy nó nữa.")) return;
    try {
      await api("DELETE", "/admin/api/notices/" + id);
      status("Đã kết thúc thông báo.", "ok");
      await load();
    } catch (err) {
      status(err.message, "error");
    }
  }

  async function save(event) {
    event.preventDefault();
    clearProblems();
    const id = $("editing").value;
    const body = {
      provinceCode: $("provinceCode").value,
      communeCode: $("communeCode").value,
      kind: $("kind").value,
      title: $("title").value,
      text: $("text").value,
      link: $("link").value,
      startsAt: $("startsAt").value,
      endsAt: $("endsAt").value,
      topics: $("topics").value,
    };
    $("save").disabled = true;
    try {
      await api(id ? "PUT" : "POST", "/admin/api/notices" + (id ? "/" + id : ""), body);
      status(id ? "Đã lưu thay đổi." : "Đã đăng thông báo.", "ok");
      resetForm();
      await load();
    } catch (err) {
      for (const p of (err.data && err.data.problems) || []) {
        const el = $(p.field + "-problem");
        if (el) el.textContent = p.messageVi;
      }
      status(err.message, "error");
    } finally {
      $("save").disabled = false;
    }
  }

  const count = () => ($("text-count").textContent = $("text").value.length + "/500 ký tự");

  document.addEventListener("DOMContentLoaded", async () => {
    $("notice-form").addEventListener("submit", save);
    $("cancel").addEventListener("click", resetForm);
    $("text").addEventListener("input", count);
    $("provinceCode").addEventListener("change", () => loadPlaces($("provinceCode").value).catch((e) => status(e.message, "error")));
    $("notices").addEventListener("click", (event) => {
      const t = event.target;
      if (t.dataset.edit) edit(Number(t.dataset.edit));
      if (t.dataset.end) end(Number(t.dataset.end));
    });
    try {
      await loadPlaces("");
      resetForm();
      await load();
    } catch (err) {
      status(err.message, "error");
    }
  });
})();
