import { createHash } from "node:crypto";

/**
 * The admin report page: plain HTML + inline SVG charts, no CDN (it must work on an offline office network). It holds
 * no data itself; the script asks for the admin token and calls GET /admin/reports with it.
 */
export const REPORT_PAGE_HTML = `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Báo cáo học tập – Trợ lý số</title>
<style>
body{font-family:system-ui,sans-serif;margin:1.5rem;color:#222}
form{display:flex;gap:.5rem;flex-wrap:wrap;align-items:end;margin-bottom:1rem}
label{display:flex;flex-direction:column;font-size:.9rem}
input,select,button{font-size:1rem;padding:.35rem}
table{border-collapse:collapse;margin-top:1rem;width:100%}
th,td{border:1px solid #ccc;padding:.3rem .5rem;text-align:right}
th:first-child,td:first-child{text-align:left}
.chart text{font-size:12px}
#status{color:#a00}
.note{font-size:.85rem;color:#555}
</style></head>
<body>
<h1>Báo cáo học tập theo địa bàn</h1>
<p class="note">Số liệu bổ trợ từ Trợ lý số; không thay thế xác nhận hoàn thành phổ cập kỹ năng số trên VNeID.</p>
<p class="note">Để bảo vệ người học, nhóm dưới 5 người không hiện số liệu hay câu hỏi ("dưới 5 người học").</p>
<form id="f">
<label>Mã quản trị <input id="token" type="password" autocomplete="off" required></label>
<label>Quý <input id="quarter" placeholder="2026-Q4" pattern="\\d{4}-Q[1-4]"></label>
<label>Nhóm <select id="group"><option value="all">Tất cả</option><option value="citizen">Người dân</option>
<option value="civil_servant">Cán bộ, công chức</option><option value="student">Học sinh, sinh viên</option>
<option value="worker">Người lao động</option><option value="unknown">Chưa khai báo</option></select></label>
<button id="load" type="submit">Xem báo cáo</button>
<button id="csv" type="button">Tải CSV</button>
</form>
<div id="status" role="status"></div>
<h2>Theo tỉnh/thành phố</h2>
<svg id="chart" class="chart" width="720" height="40" role="img" aria-label="Biểu đồ theo tỉnh"></svg>
<table id="table"><thead><tr><th>Địa bàn</th><th>Cấp</th><th>Người học</th><th>Đang học</th><th>Bài đã học</th>
<th>Bài kiểm tra đạt</th><th>Đạt lộ trình</th><th>Câu hỏi nhiều nhất</th></tr></thead><tbody></tbody></table>
<script>
const $ = (id) => document.getElementById(id);
const levelName = { province: "Tỉnh", commune: "Xã/phường", neighbourhood: "Tổ/thôn" };
// Counts of small groups arrive as the text "dưới 5 người học": drawn as an empty bar with that label.
const num = (v) => (typeof v === "number" ? v : 0);
const esc = (s) => String(s).replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]);
$("token").value = sessionStorage.getItem("adminToken") || "";
async function fetchReport(format) {
  sessionStorage.setItem("adminToken", $("token").value);
  const q = new URLSearchParams({ format });
  if ($("quarter").value) q.set("quarter", $("quarter").value);
  const res = await fetch("/admin/reports?" + q, { headers: { Authorization: "Bearer " + $("token").value } });
  if (!res.ok) throw new Error(res.status === 401 ? "Sai mã quản trị." : "Lỗi " + res.status);
  return res;
}
function drawChart(rows) {
  const svg = $("chart"), bar = 18, gap = 8, left = 170, width = 520;
  const series = [["learners", "#4a78c2", "Người học"], ["activeLearners", "#65a765", "Đang học"], ["reachedCorePath", "#d08c2c", "Đạt lộ trình"]];
  const max = Math.max(1, ...rows.flatMap((r) => series.map(([k]) => num(r[k]))));
  let y = 24, out = series.map(([, c, n], i) => '<rect x="' + (left + i * 120) + '" y="2" width="12" height="12" fill="' + c + '"/><text x="' + (left + i * 120 + 16) + '" y="13">' + n + "</text>").join("");
  for (const r of rows) {
    out += '<text x="0" y="' + (y + bar) + '">' + esc(r.name) + "</text>";
    series.forEach(([k, c], i) => {
      const w = Math.round((num(r[k]) / max) * width);
      out += '<rect class="bar" data-key="' + k + '" x="' + left + '" y="' + (y + i * (bar / 1.5)) + '" width="' + w + '" height="' + (bar / 1.6) + '" fill="' + c + '"><title>' + esc(r.name) + ": " + esc(r[k]) + "</title></rect>";
      out += '<text x="' + (left + w + 4) + '" y="' + (y + i * (bar / 1.5) + 10) + '">' + esc(r[k]) + "</text>";
    });
    y += bar * 2 + gap;
  }
  svg.setAttribute("height", String(y + 10));
  svg.innerHTML = out;
}
function drawTable(rows) {
  $("table").querySelector("tbody").innerHTML = rows.map((r) => "<tr><td>" + esc(r.name) + "</td><td>" + levelName[r.level] + "</td><td>" + esc(r.learners) + "</td><td>" + esc(r.activeLearners) + "</td><td>" + esc(r.lessonsCompleted) + "</td><td>" + esc(r.quizzesPassed) + "</td><td>" + esc(r.reachedCorePath) + "</td><td>" + esc(r.topQuestions.map((q) => q.text + " (" + q.count + ")").join("; ")) + "</td></tr>").join("");
}
$("f").addEventListener("submit", async (e) => {
  e.preventDefault();
  $("status").textContent = "Đang tải…";
  try {
    const report = await (await fetchReport("json")).json();
    const rows = report.rows.filter((r) => r.targetGroup === $("group").value);
    $("quarter").value = report.quarter;
    drawChart(rows.filter((r) => r.level === "province"));
    drawTable(rows);
    $("status").textContent = rows.length ? "" : "Chưa có số liệu cho quý " + report.quarter + ".";
    document.body.dataset.loaded = report.quarter;
  } catch (err) { $("status").textContent = err.message; }
});
$("csv").addEventListener("click", async () => {
  try {
    const blob = await (await fetchReport("csv")).blob();
    const a = document.createElement("a");
    a.href = URL.createObjectURL(blob); a.download = "bao-cao.csv"; a.click();
  } catch (err) { $("status").textContent = err.message; }
});
</script></body></html>`;

const inlineHash = (tag: "script" | "style") => {
  const body = new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`).exec(REPORT_PAGE_HTML)?.[1] ?? "";
  return `'sha256-${createHash("sha256").update(body, "utf8").digest("base64")}'`;
};

/**
 * The page's Content-Security-Policy: only its own inline script and style (by hash), requests to this origin only,
 * no framing (clickjacking of the token field), no plug-ins, no <base> or form posts elsewhere.
 */
export const REPORT_PAGE_CSP = [
  "default-src 'none'",
  `script-src ${inlineHash("script")}`,
  `style-src ${inlineHash("style")}`,
  "connect-src 'self'",
  "img-src 'self' data:",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join("; ");
