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
  /** Who is signed in (GET /admin/api/me), fetched once per page. */
  let mePromise;
  const me = () => (mePromise ??= api("GET", "/admin/api/me"));
  async function logout() {
    sessionStorage.removeItem("adminToken");
    try { await api("POST", "/admin/api/logout", {}); } catch { /* already signed out */ }
    location.href = "/admin/login";
  }
  // The header shows the account and a sign-out button on every page except the sign-in page itself.
  document.addEventListener("DOMContentLoaded", () => {
    const who = $("who");
    // Only with credentials: a page that takes a pasted token (the report page) must not be sent to /admin/login.
    const credentials = cookie("troly_admin_csrf") || sessionStorage.getItem("adminToken");
    if (!who || location.pathname === "/admin/login" || !credentials) return;
    me().then((m) => {
      who.textContent = m.username + " · " + m.roleName + " ";
      const out = document.createElement("button");
      out.type = "button";
      out.id = "logout";
      out.textContent = "Đăng xuất";
      out.addEventListener("click", logout);
      who.append(out);
    }).catch(() => undefined);
  });
  return { $, esc, api, status, fmtTime, me, logout };
})();
