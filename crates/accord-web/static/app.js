// Progressive enhancement only: every action also works without this script.
// Keyboard: j/k move through case lists, Enter opens, r reply, n note, a assignee.
(function () {
  "use strict";
  document.querySelectorAll("select[data-autosubmit]").forEach(function (select) {
    select.addEventListener("change", function () { select.form.submit(); });
  });
  var rows = Array.prototype.slice.call(document.querySelectorAll("[data-keyboard-list] tbody tr"));
  var current = -1;
  function select(index) {
    if (!rows.length) return;
    if (current >= 0) rows[current].classList.remove("selected");
    current = Math.max(0, Math.min(rows.length - 1, index));
    rows[current].classList.add("selected");
    var link = rows[current].querySelector("a");
    if (link) link.focus();
  }
  document.addEventListener("keydown", function (event) {
    var target = event.target;
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    if (target && /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName)) return;
    if (event.key === "j") { select(current + 1); event.preventDefault(); }
    else if (event.key === "k") { select(current - 1); event.preventDefault(); }
    else {
      var field = document.querySelector('[data-shortcut="' + event.key + '"]');
      if (field) { field.focus(); event.preventDefault(); }
    }
  });
})();
