// Shared by every admin page: calls /admin/api with the session cookie (sending the CSRF token on writes) or with a
// token pasted on this page, shows status messages, and escapes everything it puts into the page.
"use strict";
window.admin = (() => {
  const $ = (id) => document.getElementById(id);
  const esc = (s) => String(s ?? "").replace(/[&<>"']/g, (c) => "&#" + c.charCodeAt(0) + ";");
  const cookie = (name) => document.cookie.split("; ").find((c) => c.startsWith(name + "="))?.slice(name.length + 1);
  function status(text, kind) {
    const el = $("status");
    if (!el) return;
    el.textContent = text || "";
    el.className = kind || "";
  }
  /** fetch against /admin/api; throws an Error with the server's Vietnamese message on failure. */
  async function api(method, path, body) {
    const headers = { Accept: "application/json" };
    const token = sessionStorage.getItem("adminToken");
    if (token) headers.Authorization = "Bearer " + token;
    const csrf = cookie("troly_admin_csrf");
    if (csrf) headers["X-CSRF-Token"] = decodeURIComponent(csrf);
    if (body !== undefined) headers["Content-Type"] = "application/json";
    const res = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), credentials: "same-origin" });
    const type = res.headers.get("content-type") || "";
    const data = type.includes("json") ? await res.json() : await res.text();
    if (res.status === 401) {
      const back = encodeURIComponent(location.pathname + location.search);
      if (!token && location.pathname !== "/admin/login") location.href = "/admin/login?next=" + back;
      throw new Error((data && data.messageVi) || "Cần đăng nhập.");
    }
    if (!res.ok) {
      const err = new Error((data && data.messageVi) || "Lỗi " + res.status);
      err.data = data;
      err.status = res.status;
      throw err;
    }
    return data;
  }
  const fmtTime = (iso) => (iso ? new Date(iso).toLocaleString("vi-VN") : "");
  return { $, esc, api, status, fmtTime };
})();
