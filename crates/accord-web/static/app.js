// Progressive enhancement only: every action also works without this script.
// Keyboard: j/k move through case lists, Enter opens, x selects, r reply, n note, a assignee,
// ? shows the shortcuts. Live updates: the inbox list and the case conversation refresh
// themselves when the server says cases changed (server-sent events from /events).
(function () {
  "use strict";
  document.querySelectorAll("select[data-autosubmit]").forEach(function (select) {
    select.addEventListener("change", function () { select.form.submit(); });
    // With the script the choice applies at once; the button is for pages without it.
    var button = select.form.querySelector("button[type=submit]");
    if (button) button.hidden = true;
  });

  // A survey opened from the email's score link: the click in the email was the answer,
  // so it is sent at once. Without the script the customer presses the button; mail
  // scanners that only fetch the link send nothing.
  document.querySelectorAll("form[data-send-on-open]").forEach(function (form) {
    form.submit();
  });

  var current = -1;
  function rows() {
    return Array.prototype.slice.call(document.querySelectorAll("[data-keyboard-list] tbody tr"));
  }
  function choose(index) {
    var list = rows();
    if (!list.length) return;
    if (current >= 0 && list[current]) list[current].classList.remove("selected");
    current = Math.max(0, Math.min(list.length - 1, index));
    list[current].classList.add("selected");
    var link = list[current].querySelector("a");
    if (link) link.focus();
  }
  document.addEventListener("keydown", function (event) {
    var target = event.target;
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    if (target && /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName)) return;
    if (event.key === "j") { choose(current + 1); event.preventDefault(); }
    else if (event.key === "k") { choose(current - 1); event.preventDefault(); }
    else if (event.key === "x") {
      var row = rows()[current];
      var box = row && row.querySelector("input[type=checkbox]");
      if (box) { box.checked = !box.checked; event.preventDefault(); }
    } else if (event.key === "?") {
      var help = document.getElementById("shortcuts");
      if (help && help.showModal) { help.showModal(); event.preventDefault(); }
    } else {
      var field = document.querySelector('[data-shortcut="' + event.key + '"]');
      if (field) { field.focus(); event.preventDefault(); }
    }
  });

  // The reply box: templates and policy texts fill it in place, and the preview follows it.
  var reply = document.getElementById("reply-body");
  var preview = document.getElementById("reply-preview");
  function showPreview() {
    if (!reply || !preview) return;
    preview.querySelector(".preview-body").textContent = reply.value;
    preview.hidden = reply.value.trim() === "";
  }
  function putInReply(text, append) {
    if (!reply) return;
    reply.value = append && reply.value.trim() !== "" ? reply.value.replace(/\s*$/, "") + "\n\n" + text : text;
    showPreview();
    reply.focus();
  }
  if (reply) reply.addEventListener("input", showPreview);
  var picker = document.querySelector("form.template-picker");
  if (picker) picker.addEventListener("submit", function (event) {
    var option = picker.querySelector("select").selectedOptions[0];
    if (!option || !reply) return;
    event.preventDefault();
    putInReply(option.getAttribute("data-body"), true);
  });
  document.querySelectorAll("a[data-insert]").forEach(function (link) {
    link.addEventListener("click", function (event) {
      if (!reply) return;
      event.preventDefault();
      putInReply(link.getAttribute("data-insert"), true);
    });
  });

  // The policy draft: findings and readability scores follow the author's typing.
  document.querySelectorAll("form[data-check]").forEach(function (form) {
    var timer = null;
    function show(result) {
      var list = document.getElementById("findings-list");
      if (list) {
        list.textContent = "";
        result.findings.forEach(function (f) {
          var item = document.createElement("li");
          item.className = f.error ? "finding-error" : "finding-warning";
          var strong = document.createElement("strong");
          strong.textContent = f.error ? result.error_label : result.warning_label;
          item.appendChild(strong);
          item.appendChild(document.createTextNode((f.place ? " (" + f.place + ")" : "") + ": " + f.message));
          list.appendChild(item);
        });
        if (!result.findings.length) {
          var clean = document.createElement("li");
          clean.textContent = result.clean;
          list.appendChild(clean);
        }
      }
      result.texts.forEach(function (t) {
        var box = document.querySelector('[data-score-for="' + t.name + '"]');
        if (!box) return;
        var badge = box.querySelector(".badge");
        badge.textContent = t.score_line;
        badge.className = "badge " + (t.readable ? "score-ok" : "score-low");
        var notes = box.querySelector("ul");
        notes.textContent = "";
        t.notes.forEach(function (n) {
          var item = document.createElement("li");
          item.textContent = n;
          notes.appendChild(item);
        });
      });
      (result.settings || []).forEach(function (s) {
        var list = document.querySelector('[data-findings-for="' + s.name + '"]');
        if (!list) return;
        list.textContent = "";
        s.findings.forEach(function (f) {
          var item = document.createElement("li");
          item.className = f.error ? "finding-error" : "finding-warning";
          var strong = document.createElement("strong");
          strong.textContent = f.error ? result.error_label : result.warning_label;
          item.appendChild(strong);
          item.appendChild(document.createTextNode(": " + f.message));
          list.appendChild(item);
        });
        var field = document.getElementById(s.name);
        if (field) {
          if (s.has_error) field.setAttribute("aria-invalid", "true");
          else field.removeAttribute("aria-invalid");
        }
      });
    }
    form.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(function () {
        fetch(form.getAttribute("data-check"), {
          method: "POST",
          credentials: "same-origin",
          headers: { "Content-Type": "application/x-www-form-urlencoded" },
          body: new URLSearchParams(new FormData(form)).toString()
        })
          .then(function (response) { return response.ok ? response.json() : null; })
          .then(function (result) { if (result) show(result); })
          .catch(function () {});
      }, 300);
    });
  });

  // Live updates.
  var list = document.getElementById("inbox-list");
  var conversation = document.querySelector("[data-live-case]");
  if (!(list || conversation) || !window.EventSource) return;
  var busy = false;
  function refresh(selectors) {
    if (busy) return;
    busy = true;
    fetch(window.location.href, { credentials: "same-origin", headers: { "Accept": "text/html" } })
      .then(function (response) { return response.ok ? response.text() : null; })
      .then(function (html) {
        if (!html) return;
        var fresh = new DOMParser().parseFromString(html, "text/html");
        selectors.forEach(function (selector) {
          var old = document.querySelector(selector);
          var replacement = fresh.querySelector(selector);
          if (old && replacement) old.innerHTML = replacement.innerHTML;
        });
        current = -1;
        document.body.setAttribute("data-live-updated", String(Date.now()));
      })
      .catch(function () {})
      .then(function () { busy = false; });
  }
  var source = new EventSource("/events");
  // Browsers allow six connections to a server; a stream left open by a page that was left
  // would hold one of them (and pages kept for the back button would hold more).
  window.addEventListener("pagehide", function () { source.close(); });
  source.addEventListener("cases", function (event) {
    var numbers = [];
    try { numbers = JSON.parse(event.data); } catch (e) {}
    if (list) {
      var working = list.querySelector("input[type=checkbox]:checked") || list.contains(document.activeElement);
      if (working) {
        var notice = document.getElementById("live-notice");
        if (notice) notice.hidden = false;
      } else {
        refresh(["#inbox-list", "#inbox-count"]);
      }
    } else if (conversation) {
      var number = Number(conversation.getAttribute("data-live-case"));
      if (!numbers.length || numbers.indexOf(number) >= 0) refresh(["[data-live-case]", "#clocks"]);
    }
  });
})();
