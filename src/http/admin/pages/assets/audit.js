// /admin/audit: the audit log, newest first, filtered by target, with CSV export.
"use strict";
(() => {
  const { $, esc, api, status, fmtTime } = window.admin;
  let oldest;
  const row = (e) =>
    "<tr><td>" + esc(fmtTime(e.at)) + "</td><td>" + esc(e.actorName) + "</td><td>" + esc(e.action) + "</td><td>" + esc(e.target) +
    "</td><td>" + esc(e.before) + "</td><td>" + esc(e.after) + "</td><td>" + esc(e.detail) + "</td></tr>";
  async function load(more) {
    const q = new URLSearchParams({ limit: "100" });
    if ($("target").value.trim()) q.set("target", $("target").value.trim());
    if (more && oldest) q.set("before", String(oldest));
    try {
      const { entries } = await api("GET", "/admin/api/audit?" + q);
      const body = $("audit").querySelector("tbody");
      body.innerHTML = (more ? body.innerHTML : "") + entries.map(row).join("");
      oldest = entries.length ? entries[entries.length - 1].id : oldest;
      $("more").hidden = entries.length < 100;
      status(!more && !entries.length ? "Chưa có mục nào." : "");
      document.body.dataset.loaded = "audit";
    } catch (err) {
      status(err.message, "error");
    }
  }
  $("filter").addEventListener("submit", (e) => { e.preventDefault(); load(false); });
  $("more").addEventListener("click", () => load(true));
  $("csv").addEventListener("click", async () => {
    const q = new URLSearchParams({ format: "csv" });
    if ($("target").value.trim()) q.set("target", $("target").value.trim());
    try {
      const text = await api("GET", "/admin/api/audit?" + q);
      const a = document.createElement("a");
      a.href = URL.createObjectURL(new Blob([text], { type: "text/csv" }));
      a.download = "nhat-ky-quan-tri.csv";
      a.click();
    } catch (err) {
      status(err.message, "error");
    }
  });
  load(false);
})();
