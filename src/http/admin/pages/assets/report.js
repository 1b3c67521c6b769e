// /admin/report: the learning report within the account's scope — a tree (province → commune → neighbourhood) with
// totals for phones, a chart of provinces and the full table. Signed-in accounts use their session; ADMIN_API_TOKEN
// or API-token users type the token in the "Dùng mã quản trị" box (kept for this tab only).
"use strict";
(() => {
  const { $, esc, api, status } = window.admin;
  const levelName = { province: "Tỉnh", commune: "Xã/phường", neighbourhood: "Tổ/thôn" };
  // Counts of small groups arrive as the text "dưới 5 người học": drawn as an empty bar with that label.
  const num = (v) => (typeof v === "number" ? v : 0);
  const signedIn = document.cookie.split("; ").some((c) => c.startsWith("troly_admin_csrf="));
  $("token").value = sessionStorage.getItem("adminToken") || "";
  if (!signedIn || $("token").value) $("token-box").open = true;

  function useToken() {
    if ($("token").value) sessionStorage.setItem("adminToken", $("token").value);
    else sessionStorage.removeItem("adminToken");
  }
  function query(format) {
    const q = new URLSearchParams({ format });
    if ($("quarter").value) q.set("quarter", $("quarter").value);
    return "/admin/reports?" + q;
  }

  function totals(r) {
    return "Người học " + esc(r.learners) + " · Đang học " + esc(r.activeLearners) + " · Đạt lộ trình " + esc(r.reachedCorePath);
  }
  function node(r, children) {
    const head = '<span class="name">' + esc(r.name) + '</span> <span class="level">' + levelName[r.level] + '</span><span class="totals">' + totals(r) + "</span>";
    const attrs = ' data-level="' + r.level + '" data-code="' + esc(r.level === "province" ? r.provinceCode : r.level === "commune" ? r.communeCode : r.neighbourhoodCode) + '"';
    if (!children.length) return "<li" + attrs + '><div class="leaf">' + head + "</div></li>";
    return "<li" + attrs + "><details" + (r.level === "province" ? " open" : "") + "><summary>" + head + "</summary><ul>" + children.join("") + "</ul></details></li>";
  }
  /** Nests the rows; a row whose parent is not in the report (a scoped account) becomes a root. */
  function drawTree(rows) {
    // The level is part of the key: "(chưa cho biết)" rows have an empty code and must not collide with their parent.
    const key = (r) => [r.level, r.provinceCode, r.level === "province" ? "" : r.communeCode, r.level === "neighbourhood" ? r.neighbourhoodCode : ""].join("|");
    const parentKey = (r) =>
      r.level === "commune" ? ["province", r.provinceCode, "", ""].join("|") : r.level === "neighbourhood" ? ["commune", r.provinceCode, r.communeCode, ""].join("|") : "";
    const present = new Set(rows.map(key));
    const kids = new Map();
    for (const r of rows) {
      const p = parentKey(r);
      if (p && present.has(p)) kids.set(p, [...(kids.get(p) || []), r]);
    }
    const render = (r) => node(r, (kids.get(key(r)) || []).map(render));
    const roots = rows.filter((r) => !parentKey(r) || !present.has(parentKey(r)));
    $("tree").innerHTML = roots.length ? "<ul>" + roots.map(render).join("") + "</ul>" : "";
  }

  function drawChart(rows) {
    const svg = $("chart"), bar = 18, gap = 8, left = 170, width = 520;
    const series = [["learners", "#4a78c2", "Người học"], ["activeLearners", "#65a765", "Đang học"], ["reachedCorePath", "#d08c2c", "Đạt lộ trình"]];
    const max = Math.max(1, ...rows.flatMap((r) => series.map(([k]) => num(r[k]))));
    let y = 24;
    let out = series.map(([, c, n], i) => '<rect x="' + (left + i * 120) + '" y="2" width="12" height="12" fill="' + c + '"/><text x="' + (left + i * 120 + 16) + '" y="13">' + n + "</text>").join("");
    for (const r of rows) {
      out += '<text x="0" y="' + (y + bar) + '">' + esc(r.name) + "</text>";
      series.forEach(([k, c], i) => {
        const w = Math.round((num(r[k]) / max) * width);
        out += '<rect class="bar" data-key="' + k + '" x="' + left + '" y="' + (y + i * (bar / 1.5)) + '" width="' + w + '" height="' + bar / 1.6 + '" fill="' + c + '"><title>' + esc(r.name) + ": " + esc(r[k]) + "</title></rect>";
        out += '<text x="' + (left + w + 4) + '" y="' + (y + i * (bar / 1.5) + 10) + '">' + esc(r[k]) + "</text>";
      });
      y += bar * 2 + gap;
    }
    svg.setAttribute("height", String(y + 10));
    svg.innerHTML = out;
  }
  function drawTable(rows) {
    $("table").querySelector("tbody").innerHTML = rows
      .map((r) => "<tr><td>" + esc(r.name) + "</td><td>" + levelName[r.level] + "</td><td>" + esc(r.learners) + "</td><td>" + esc(r.activeLearners) + "</td><td>" +
        esc(r.lessonsCompleted) + "</td><td>" + esc(r.quizzesPassed) + "</td><td>" + esc(r.reachedCorePath) + "</td><td>" +
        esc(r.topQuestions.map((q) => q.text + " (" + q.count + ")").join("; ")) + "</td></tr>")
      .join("");
  }

  $("f").addEventListener("submit", async (e) => {
    e.preventDefault();
    status("Đang tải…");
    useToken();
    try {
      const report = await api("GET", query("json"));
      const rows = report.rows.filter((r) => r.targetGroup === $("group").value);
      $("quarter").value = report.quarter;
      drawTree(rows);
      drawChart(rows.filter((r) => r.level === "province"));
      drawTable(rows);
      status(rows.length ? "" : "Chưa có số liệu cho quý " + report.quarter + ".");
      document.body.dataset.loaded = report.quarter;
    } catch (err) {
      status(err.message, "error");
    }
  });
  $("csv").addEventListener("click", async () => {
    useToken();
    try {
      const text = await api("GET", query("csv"));
      const a = document.createElement("a");
      a.href = URL.createObjectURL(new Blob([text], { type: "text/csv" }));
      a.download = "bao-cao.csv";
      a.click();
    } catch (err) {
      status(err.message, "error");
    }
  });
  // Signed in: show this quarter straight away.
  if (signedIn && !$("token").value) $("f").requestSubmit();
})();
