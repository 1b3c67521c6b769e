// /admin: what the signed-in account may do, as links.
"use strict";
(async () => {
  const { $, esc, me, status } = window.admin;
  try {
    const m = await me();
    const scope = m.scope.communeCode ? "xã/phường mã " + m.scope.communeCode : m.scope.provinceCode ? "tỉnh/thành phố mã " + m.scope.provinceCode : "toàn hệ thống";
    $("me").textContent = "Xin chào " + m.username + " (" + m.roleName + ", phạm vi: " + scope + ").";
    $("links").innerHTML = m.links.map((l) => '<li><a href="' + esc(l.href) + '">' + esc(l.label) + "</a> — " + esc(l.description) + "</li>").join("");
    document.body.dataset.loaded = "home";
  } catch (err) {
    status(err.message, "error");
  }
})();
