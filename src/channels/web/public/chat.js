// Web chat client: plain JS, no build step, no external assets. Talks to POST /api/chat.
(function () {
  "use strict";
  var log = document.getElementById("log");
  var form = document.getElementById("composer");
  var input = document.getElementById("question");
  var sendButton = document.getElementById("send");
  var busy = false;

  // An anonymous id kept on this device only, so step-by-step mode and follow-ups continue across reloads.
  function userId() {
    var key = "troLySoUserId";
    var id = null;
    try { id = localStorage.getItem(key); } catch (e) { /* private mode */ }
    if (!id) {
      id = "web-" + (window.crypto && crypto.randomUUID ? crypto.randomUUID() : String(Date.now()) + Math.random().toString(16).slice(2));
      try { localStorage.setItem(key, id); } catch (e) { /* keep for this page only */ }
    }
    return id;
  }
  var uid = userId();

  function dateVi(iso) {
    var m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso || "");
    return m ? m[3] + "/" + m[2] + "/" + m[1] : iso;
  }

  function addMessage(who, text) {
    var div = document.createElement("div");
    div.className = "msg " + who;
    div.textContent = text;
    log.appendChild(div);
    div.scrollIntoView({ block: "end" });
    return div;
  }

  // The core cites its source as a "Nguồn: …" paragraph; here the footer shows the same citation as a link, so the
  // paragraph is dropped from the bubble rather than read twice.
  function withoutCitation(reply) {
    if (!reply.sources || !reply.sources.length) return reply.text;
    return reply.text.split("\n\n").filter(function (p) { return p.indexOf("Nguồn: ") !== 0; }).join("\n\n");
  }

  function addReply(reply) {
    var div = addMessage("bot", withoutCitation(reply));
    div.setAttribute("data-kind", reply.kind || "");
    if (reply.sources && reply.sources.length) {
      var src = document.createElement("div");
      src.className = "sources";
      src.appendChild(document.createTextNode("Nguồn: "));
      reply.sources.forEach(function (s, i) {
        if (i > 0) src.appendChild(document.createTextNode("; "));
        var a = document.createElement("a");
        a.href = s.url;
        a.target = "_blank";
        a.rel = "noopener noreferrer";
        a.textContent = s.title + " – " + s.section;
        src.appendChild(a);
        src.appendChild(document.createTextNode(" (cập nhật " + dateVi(s.updated) + ")"));
      });
      div.appendChild(src);
    }
    if (reply.buttons && reply.buttons.length) {
      var row = document.createElement("div");
      row.className = "buttons";
      reply.buttons.forEach(function (b) {
        var btn = document.createElement("button");
        btn.type = "button";
        btn.textContent = b.label;
        btn.addEventListener("click", function () {
          row.querySelectorAll("button").forEach(function (x) { x.disabled = true; });
          send({ action: b.action }, b.label);
        });
        row.appendChild(btn);
      });
      div.appendChild(row);
    }
    div.scrollIntoView({ block: "end" });
  }

  function send(payload, shown) {
    if (busy) return;
    busy = true;
    sendButton.disabled = true;
    if (shown) addMessage("me", shown);
    var body = { userId: uid };
    if (payload.text) body.text = payload.text;
    if (payload.action) body.action = payload.action;
    fetch("/api/chat", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) })
      .then(function (res) {
        return res.json().then(function (json) { return { ok: res.ok, json: json }; });
      })
      .then(function (r) {
        if (r.ok) addReply(r.json);
        else addMessage("bot error", r.json.messageVi || "Xin lỗi, chưa gửi được. Bạn thử lại nhé.");
      })
      .catch(function () {
        addMessage("bot error", "Không kết nối được. Bạn kiểm tra mạng rồi thử lại nhé.");
      })
      .then(function () {
        busy = false;
        sendButton.disabled = false;
        input.focus();
      });
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var text = input.value.trim();
    if (!text) return;
    input.value = "";
    send({ text: text }, text);
  });
  input.addEventListener("keydown", function (event) {
    if (event.key === "Enter" && !event.shiftKey) {
      event.preventDefault();
      form.requestSubmit ? form.requestSubmit() : form.dispatchEvent(new Event("submit"));
    }
  });

  // The greeting comes from the server's reviewed template, like on every other channel.
  send({ text: "/start" }, null);
})();
