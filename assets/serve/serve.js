// spotcheck serve: the scripts of every page. Plain JavaScript, no library, nothing fetched
// from elsewhere.
"use strict";

(function () {
  var main = document.getElementById("case");
  if (!main) return;
  var form = document.getElementById("case-form");
  var preview = document.getElementById("preview");
  var words = document.getElementById("words").dataset;
  var saveStatus = document.getElementById("save-status");
  var checkStatus = document.getElementById("check-status");
  var conflict = document.getElementById("conflict");
  var other = document.getElementById("findings-other");

  // Sections shown for the outcome chosen; hidden ones are disabled, so not posted.
  function showSections() {
    var outcome = form.elements["outcome"] ? form.elements["outcome"].value : "";
    document.querySelectorAll("fieldset.section").forEach(function (s) {
      var wanted = s.dataset.outcomes ? s.dataset.outcomes.split(" ") : [];
      var show = wanted.length === 0 || wanted.indexOf(outcome) >= 0 || s.dataset.filled === "true";
      s.hidden = !show;
      s.disabled = !show;
    });
  }

  function body() {
    return new URLSearchParams(new FormData(form)).toString();
  }

  // Findings beside their fields; those of no field in #findings-other.
  function showFindings(findings) {
    document.querySelectorAll("#case-form p.finding").forEach(function (p) { p.remove(); });
    var others = 0;
    findings.forEach(function (f) {
      var p = document.createElement("p");
      p.className = "finding";
      p.dataset.rule = f.rule;
      p.dataset.severity = f.severity;
      p.textContent = f.text;
      var wrap = f.field ? form.querySelector('.field[data-field="' + CSS.escape(f.field) + '"]') : null;
      if (wrap && !wrap.closest("fieldset[disabled]")) {
        wrap.appendChild(p);
      } else {
        other.appendChild(p);
        others++;
      }
    });
    other.hidden = others === 0;
    var errors = findings.filter(function (f) { return f.severity === "error"; }).length;
    checkStatus.textContent = errors ? errors + " " + words.errors : "";
  }

  var timer = null;
  var seq = 0;
  function checkSoon() {
    clearTimeout(timer);
    timer = setTimeout(function () {
      var mine = ++seq;
      checkStatus.textContent = words.checking;
      fetch(form.dataset.check, {
        method: "POST", credentials: "same-origin",
        headers: { "Content-Type": "application/x-www-form-urlencoded" }, body: body()
      }).then(function (r) { return r.json(); }).then(function (j) {
        if (mine === seq && j.findings) showFindings(j.findings);
      }).catch(function () { checkStatus.textContent = ""; });
    }, 400);
  }

  // 大写 of every amount, from the server (the same function the documents use).
  function upper(input) {
    var out = input.parentNode.querySelector(".upper");
    fetch("/money?amount=" + encodeURIComponent(input.value), { credentials: "same-origin" })
      .then(function (r) { return r.json(); })
      .then(function (j) { if (out) out.textContent = j.upper; });
  }

  function showPreview(p) {
    if (!p) return;
    var pages = preview.querySelector(".pages");
    pages.textContent = "";
    p.pages.forEach(function (pg) {
      var img = document.createElement("img");
      img.className = "page";
      img.alt = pg.kind;
      img.src = pg.src;
      pages.appendChild(img);
    });
    preview.querySelector(".wait").hidden = true;
    preview.dataset.draft = p.draft ? "true" : "false";
    preview.dataset.version = String(p.version);
  }

  form.addEventListener("input", function (e) {
    if (e.target.classList.contains("money")) upper(e.target);
    checkSoon();
  });
  form.addEventListener("change", function (e) {
    if (e.target.name === "outcome") showSections();
    checkSoon();
  });
  form.addEventListener("submit", function (e) {
    e.preventDefault();
    saveStatus.textContent = words.saving;
    saveStatus.className = "";
    fetch(form.action, {
      method: "POST", credentials: "same-origin",
      headers: { "Content-Type": "application/x-www-form-urlencoded" }, body: body()
    }).then(function (r) {
      return r.json().then(function (j) { return { status: r.status, j: j }; });
    }).then(function (res) {
      var j = res.j;
      if (res.status === 409) {
        conflict.hidden = false;
        conflict.querySelector(".message").textContent = j.message;
        saveStatus.textContent = j.message;
        saveStatus.className = "bad";
        return;
      }
      if (j.findings) showFindings(j.findings);
      if (j.status === "saved") {
        form.elements["_sha256"].value = j.sha256;
        saveStatus.textContent = j.message;
        saveStatus.className = "good";
        showPreview(j.preview);
      } else {
        saveStatus.textContent = j.message || String(res.status);
        saveStatus.className = "bad";
      }
    }).catch(function (err) {
      saveStatus.textContent = String(err);
      saveStatus.className = "bad";
    });
  });

  showSections();
  fetch(preview.dataset.src, { credentials: "same-origin" })
    .then(function (r) { return r.json(); })
    .then(showPreview)
    .catch(function () {});
})();
