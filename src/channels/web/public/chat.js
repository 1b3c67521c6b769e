// Web chat client: plain JS, no build step, no external assets. Talks to POST /api/chat.
(function () {
  "use strict";
  var log = document.getElementById("log");
  var form = document.getElementById("composer");
  var input = document.getElementById("question");
  var sendButton = document.getElementById("send");
  var busy = false;
  // The question waiting for an answer: its answer actions, so a typed "2" or "b" answers exactly this question.
  var pendingQuiz = null;
  // Set while a quiz question is open, so a reload asks the server to show that question again.
  var QUIZ_KEY = "troLySoQuizOpen";
  var placeholder = input.placeholder;

  function stored(key) {
    try { return localStorage.getItem(key); } catch (e) { return null; /* private mode */ }
  }
  function store(key, value) {
    try {
      if (value === null) localStorage.removeItem(key);
      else localStorage.setItem(key, value);
    } catch (e) { /* private mode: keep for this page only */ }
  }

  // An anonymous id kept on this device only, so step-by-step mode, lessons and quizzes continue across reloads.
  function userId() {
    var key = "troLySoUserId";
    var id = stored(key);
    if (!id) {
      id = "web-" + (window.crypto && crypto.randomUUID ? crypto.randomUUID() : String(Date.now()) + Math.random().toString(16).slice(2));
      store(key, id);
    }
    return id;
  }
  var uid = userId();

  function dateVi(iso) {
    var m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso || "");
    return m ? m[3] + "/" + m[2] + "/" + m[1] : iso;
  }

  function bubble(who) {
    var div = document.createElement("div");
    div.className = "msg " + who;
    log.appendChild(div);
    return div;
  }

  function addMessage(who, text) {
    var div = bubble(who);
    div.textContent = text;
    div.scrollIntoView({ block: "end" });
    return div;
  }

  // Once a button of a group is used the whole group is spent: dim it, and mark the one that was chosen.
  function spend(group, chosen) {
    group.querySelectorAll("button").forEach(function (b) { b.disabled = true; });
    if (chosen) chosen.classList.add("chosen");
  }

  function buttonRow(buttons) {
    var row = document.createElement("div");
    // A few buttons may stay pinned in view under a long text; a long list (lessons of a topic) scrolls normally.
    row.className = buttons.length <= 4 ? "buttons pinned" : "buttons list";
    buttons.forEach(function (b) {
      var btn = document.createElement("button");
      btn.type = "button";
      btn.textContent = b.label;
      btn.addEventListener("click", function () {
        if (busy) return;
        spend(row, btn);
        send({ action: b.action }, b.label);
      });
      row.appendChild(btn);
    });
    return row;
  }

  function sourcesFooter(sources) {
    var src = document.createElement("div");
    src.className = "sources";
    src.appendChild(document.createTextNode("Nguồn: "));
    sources.forEach(function (s, i) {
      if (i > 0) src.appendChild(document.createTextNode("; "));
      var label = s.title + " – " + s.section;
      if (s.url) {
        var a = document.createElement("a");
        a.href = s.url;
        a.target = "_blank";
        a.rel = "noopener noreferrer";
        a.textContent = label;
        src.appendChild(a);
      } else {
        src.appendChild(document.createTextNode(label)); // not an official page: cited, not linked
      }
      src.appendChild(document.createTextNode(" (cập nhật " + dateVi(s.updated) + ")"));
    });
    return src;
  }

  // One question with its options as big buttons. The answer key never reaches the page: the server grades.
  function quizCard(quiz) {
    var card = bubble("bot quiz");
    card.setAttribute("data-kind", "quiz");
    var pos = document.createElement("p");
    pos.className = "quiz-pos";
    pos.textContent = "Câu " + quiz.position + "/" + quiz.total;
    var question = document.createElement("p");
    question.className = "quiz-question";
    question.textContent = quiz.question;
    var options = document.createElement("div");
    options.className = "options";
    options.setAttribute("role", "group");
    options.setAttribute("aria-label", "Các câu trả lời");
    var pending = { actions: quiz.actions, group: options, buttons: [] };
    quiz.options.forEach(function (label, i) {
      var btn = document.createElement("button");
      btn.type = "button";
      var key = document.createElement("span");
      key.className = "key";
      key.textContent = i + 1 + ". ";
      var text = document.createElement("span");
      text.textContent = label;
      btn.appendChild(key);
      btn.appendChild(text);
      btn.addEventListener("click", function () { answer(pending, i, label); });
      options.appendChild(btn);
      pending.buttons.push(btn);
    });
    card.appendChild(pos);
    card.appendChild(question);
    card.appendChild(options);
    // How to answer, once per quiz (the input box's placeholder keeps saying it): screen height goes to the options.
    if (quiz.position === 1) {
      var hint = document.createElement("p");
      hint.className = "hint";
      hint.textContent = "Bấm vào câu trả lời bạn chọn, hoặc gõ số 1–" + quiz.options.length + ".";
      card.appendChild(hint);
    }
    pendingQuiz = pending;
    input.placeholder = "Gõ số 1–" + quiz.options.length + " để trả lời";
    return card;
  }

  function answer(pending, index, shown) {
    if (busy || pending !== pendingQuiz) return;
    spend(pending.group, pending.buttons[index]);
    pendingQuiz = null;
    send({ action: pending.actions[index] }, shown);
  }

  // "2", "b", "câu 2", "đáp án B." → option index, or -1 when the text is not an answer.
  function typedAnswer(text, count) {
    var m = /^(?:câu|cau|đáp án|dap an|chọn|chon)?\s*([1-9a-d])\s*[.)]?$/i.exec(text.trim());
    if (!m) return -1;
    var c = m[1].toLowerCase();
    var i = c >= "a" && c <= "d" ? c.charCodeAt(0) - 97 : Number(c) - 1;
    return i < count ? i : -1;
  }

  function addReply(reply) {
    // Questions already answered or passed over cannot be answered any more: their options are spent.
    log.querySelectorAll(".msg.quiz .options").forEach(function (g) { spend(g, null); });
    log.querySelectorAll(".msg.latest").forEach(function (m) { m.classList.remove("latest"); });
    pendingQuiz = null;
    input.placeholder = placeholder;
    var first = null;
    var last = null;
    var html = typeof reply.html === "string" ? reply.html : null;
    if (html !== "" || !reply.quiz) {
      var div = bubble("bot");
      div.setAttribute("data-kind", reply.kind || "");
      var body = document.createElement("div");
      body.className = "text";
      // Safe: the server escapes every character of content and only adds p, br, strong, ul and li (render-html.ts).
      if (html !== null) body.innerHTML = html;
      else body.textContent = reply.text;
      div.appendChild(body);
      if (reply.sources && reply.sources.length) div.appendChild(sourcesFooter(reply.sources));
      first = last = div;
    }
    if (reply.quiz) {
      last = quizCard(reply.quiz);
      first = first || last;
      store(QUIZ_KEY, "1");
    }
    if (reply.buttons && reply.buttons.length) last.appendChild(buttonRow(reply.buttons));
    first.classList.add("latest");
    last.classList.add("latest");
    reveal(first, last);
  }

  // Scroll the log so the whole reply, buttons included, is visible above the input box. A reply taller than the
  // screen starts at its top instead (its buttons stay visible: CSS keeps the latest button row stuck at the
  // bottom), except a question, whose end (the options) matters most.
  function reveal(first, last) {
    var view = log.getBoundingClientRect();
    var top = first.getBoundingClientRect().top;
    var bottom = last.getBoundingClientRect().bottom;
    var margin = 12;
    if (bottom - top + 2 * margin <= log.clientHeight || last.classList.contains("quiz")) {
      log.scrollTop += bottom - view.bottom + margin;
    } else {
      log.scrollTop += top - view.top - margin;
    }
  }

  // opts.resume: the reply is shown only if it re-shows a question; otherwise the greeting is asked for instead.
  function send(payload, shown, opts) {
    if (busy) return;
    busy = true;
    sendButton.disabled = true;
    if (shown) addMessage("me", shown);
    var body = { userId: uid };
    if (payload.text) body.text = payload.text;
    if (payload.action) body.action = payload.action;
    var next = null;
    fetch("/api/chat", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) })
      .then(function (res) {
        return res.json().then(function (json) { return { ok: res.ok, json: json }; });
      })
      .then(function (r) {
        if (r.ok && opts && opts.resume && !r.json.quiz) {
          store(QUIZ_KEY, null);
          next = { text: "/start" };
        } else if (r.ok) addReply(r.json);
        else addMessage("bot error", r.json.messageVi || "Xin lỗi, chưa gửi được. Bạn thử lại nhé.");
      })
      .catch(function () {
        addMessage("bot error", "Không kết nối được. Bạn kiểm tra mạng rồi thử lại nhé.");
      })
      .then(function () {
        busy = false;
        sendButton.disabled = false;
        // Only after typing: focusing the box after a tap would pop up the phone's keyboard over the reply.
        if (opts && opts.typed) input.focus();
        if (next) send(next, null);
      });
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var text = input.value.trim();
    if (!text || busy) return;
    input.value = "";
    input.style.height = "";
    var pending = pendingQuiz;
    var index = pending ? typedAnswer(text, pending.actions.length) : -1;
    if (index >= 0) {
      spend(pending.group, pending.buttons[index]);
      pendingQuiz = null;
      send({ action: pending.actions[index] }, text, { typed: true });
    } else {
      send({ text: text }, text, { typed: true });
    }
  });
  // One line to start with (more room for the conversation); the box grows with what is typed, up to its max-height.
  input.addEventListener("input", function () {
    input.style.height = "auto";
    input.style.height = input.scrollHeight + 4 + "px";
  });
  input.addEventListener("keydown", function (event) {
    if (event.key === "Enter" && !event.shiftKey) {
      event.preventDefault();
      form.requestSubmit ? form.requestSubmit() : form.dispatchEvent(new Event("submit"));
    }
  });

  // After a reload in the middle of a quiz, show the open question again; else the greeting (a reviewed template
  // from the server, like on every other channel).
  if (stored(QUIZ_KEY)) send({ action: "qz:r" }, null, { resume: true });
  else send({ text: "/start" }, null);
})();
