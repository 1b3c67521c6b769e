// /admin/accounts: list, create, change role/scope, disable/enable, reset password, API tokens (admin only).
"use strict";
(() => {
  const { $, esc, api, status, fmtTime } = window.admin;
  const ROLE = { admin: "Quản trị viên", reviewer: "Người duyệt", editor: "Biên tập viên", viewer: "Người xem báo cáo" };
  const scopeText = (s) => (s.communeCode ? "Xã/phường " + s.communeCode + " (tỉnh " + s.provinceCode + ")" : s.provinceCode ? "Tỉnh " + s.provinceCode : "Toàn hệ thống");
  let accounts = [];
  let current;

  async function load() {
    try {
      ({ accounts } = await api("GET", "/admin/api/accounts"));
      $("accounts").querySelector("tbody").innerHTML = accounts
        .map((a) => "<tr><td>" + esc(a.username) + "</td><td>" + esc(ROLE[a.role]) + "</td><td>" + esc(scopeText(a.scope)) + "</td><td>" +
          (a.disabled ? "Đã khoá" : "Đang dùng") + '</td><td><button type="button" data-id="' + esc(a.id) + '">Xem, sửa</button></td></tr>')
        .join("");
      document.body.dataset.loaded = "accounts";
    } catch (err) {
      status(err.message, "error");
    }
  }

  async function show(id) {
    current = accounts.find((a) => a.id === id);
    if (!current) return;
    $("detail").hidden = false;
    $("d-title").textContent = "Tài khoản " + current.username;
    $("e-role").value = current.role;
    $("e-province").value = current.scope.provinceCode || "";
    $("e-commune").value = current.scope.communeCode || "";
    $("e-disable").textContent = current.disabled ? "Mở khoá tài khoản" : "Khoá tài khoản";
    $("t-new").hidden = true;
    await loadTokens();
  }

  async function loadTokens() {
    const { tokens } = await api("GET", "/admin/api/accounts/" + current.id + "/tokens");
    $("tokens").innerHTML = tokens
      .map((t) => "<li>" + esc(t.name) + " · tạo " + esc(fmtTime(t.createdAt)) + (t.lastUsedAt ? " · dùng lần cuối " + esc(fmtTime(t.lastUsedAt)) : "") +
        (t.revokedAt ? " · đã thu hồi" : ' <button type="button" data-token="' + esc(t.id) + '">Thu hồi</button>') + "</li>")
      .join("");
  }

  async function act(work, okText) {
    try {
      await work();
      status(okText, "ok");
      await load();
      if (current) await show(current.id);
    } catch (err) {
      status(err.message, "error");
    }
  }

  $("accounts").addEventListener("click", (e) => {
    const id = e.target.closest("button[data-id]")?.dataset.id;
    if (id) show(id).catch((err) => status(err.message, "error"));
  });
  $("create").addEventListener("submit", (e) => {
    e.preventDefault();
    act(async () => {
      await api("POST", "/admin/api/accounts", {
        username: $("c-username").value, role: $("c-role").value, provinceCode: $("c-province").value.trim(),
        communeCode: $("c-commune").value.trim(), password: $("c-password").value,
      });
      $("create").reset();
    }, "Đã tạo tài khoản.");
  });
  $("edit").addEventListener("submit", (e) => {
    e.preventDefault();
    act(() => api("PATCH", "/admin/api/accounts/" + current.id, {
      role: $("e-role").value, provinceCode: $("e-province").value.trim(), communeCode: $("e-commune").value.trim(),
    }), "Đã lưu.");
  });
  $("e-disable").addEventListener("click", () => {
    const disabled = !current.disabled;
    if (disabled && !confirm("Khoá tài khoản " + current.username + "? Người này sẽ bị đăng xuất ngay.")) return;
    act(() => api("PATCH", "/admin/api/accounts/" + current.id, { disabled }), disabled ? "Đã khoá tài khoản." : "Đã mở khoá tài khoản.");
  });
  $("password").addEventListener("submit", (e) => {
    e.preventDefault();
    act(async () => {
      await api("POST", "/admin/api/accounts/" + current.id + "/password", { password: $("p-password").value });
      $("p-password").value = "";
    }, "Đã đặt lại mật khẩu; tài khoản đã được đăng xuất khỏi mọi nơi.");
  });
  $("token-create").addEventListener("submit", async (e) => {
    e.preventDefault();
    try {
      const { token } = await api("POST", "/admin/api/accounts/" + current.id + "/tokens", { name: $("t-name").value });
      $("t-name").value = "";
      // Shown once: the server keeps only its hash.
      $("t-new").textContent = "Mã API mới (chỉ hiện lần này): " + token;
      $("t-new").hidden = false;
      await loadTokens();
    } catch (err) {
      status(err.message, "error");
    }
  });
  $("tokens").addEventListener("click", (e) => {
    const id = e.target.closest("button[data-token]")?.dataset.token;
    if (id && confirm("Thu hồi mã API này? Chương trình đang dùng nó sẽ không truy cập được nữa.")) {
      act(() => api("DELETE", "/admin/api/accounts/" + current.id + "/tokens/" + id), "Đã thu hồi mã API.");
    }
  });
  load();
})();
