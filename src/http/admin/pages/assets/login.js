// /admin/login: signs in with username and password; the server sets the session and CSRF cookies.
"use strict";
(() => {
  const { $, api, status } = window.admin;
  // Only a path inside the admin area: never another site (an open redirect would help phishing).
  const next = new URLSearchParams(location.search).get("next");
  const target = next && /^\/admin(\/|$|\?)/.test(next) && !next.startsWith("//") ? next : "/admin";
  $("login").addEventListener("submit", async (e) => {
    e.preventDefault();
    status("Đang đăng nhập…");
    try {
      // A stale pasted token would win over the new session (admin.js sends it first).
      sessionStorage.removeItem("adminToken");
      await api("POST", "/admin/api/login", { username: $("username").value, password: $("password").value });
      location.href = target;
    } catch (err) {
      $("password").value = "";
      status(err.message, "error");
    }
  });
})();
