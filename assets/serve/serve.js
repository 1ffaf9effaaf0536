// spotcheck serve: the scripts of every page. Plain JavaScript, no library, nothing fetched
// from elsewhere.
"use strict";

// The language switch keeps the page's own filters and search: only `lang` changes.
(function () {
  var sw = document.querySelector("a.lang-switch");
  if (!sw) return;
  var target = sw.getAttribute("lang");
  var q = new URLSearchParams(location.search);
  q.set("lang", target);
  sw.href = location.pathname + "?" + q.toString() + location.hash;
})();

(function () {
  var main = document.getElementById("case");
  if (!main) return;
  var caseId = main.dataset.case;
  var form = document.getElementById("case-form");
  var preview = document.getElementById("preview");
  var words = document.getElementById("words").dataset;
  var saveStatus = document.getElementById("save-status");
  var checkStatus = document.getElementById("check-status");
  var conflict = document.getElementById("conflict");
  var signin = document.getElementById("signin");
  var other = document.getElementById("findings-other");
  var draftKey = "spotcheck-draft:" + location.host + ":" + caseId;

  // Every request of the page: JSON asked for, so that a refusal comes as JSON too. A
  // refusal for want of the token (the program restarted with another) is shown as such,
  // and nothing typed is lost: the caller gets null.
  function api(url, opts) {
    opts = opts || {};
    opts.credentials = "same-origin";
    opts.headers = Object.assign({ "Accept": "application/json" }, opts.headers || {});
    return fetch(url, opts).then(function (r) {
      return r.text().then(function (t) {
        var j;
        try { j = JSON.parse(t); } catch (e) { j = { status: "failed", message: r.status + " " + r.statusText }; }
        if (r.status === 403 && j.signin) {
          signin.hidden = false;
          signin.querySelector(".message").textContent = j.message;
          return null;
        }
        signin.hidden = true;
        return { status: r.status, j: j };
      });
    });
  }

  function body() {
    return new URLSearchParams(new FormData(form)).toString();
  }

  // What the clerk has typed: the form without its own fields (`_sha256` changes with
  // every save).
  function typed() {
    var q = new URLSearchParams(new FormData(form));
    Array.from(q.keys()).filter(function (k) { return k.charAt(0) === "_"; })
      .forEach(function (k) { q.delete(k); });
    return q.toString();
  }

  // Sections shown for the outcome chosen; hidden ones are disabled, so not posted. The
  // menu lists the sections shown.
  function showSections() {
    var outcome = form.elements["outcome"] ? form.elements["outcome"].value : "";
    document.querySelectorAll("fieldset.section").forEach(function (s) {
      var wanted = s.dataset.outcomes ? s.dataset.outcomes.split(" ") : [];
      var show = wanted.length === 0 || wanted.indexOf(outcome) >= 0 || s.dataset.filled === "true";
      s.hidden = !show;
      s.disabled = !show;
      var item = document.querySelector('#sections li[data-section="' + s.dataset.section + '"]');
      if (item) item.hidden = !show;
    });
  }

  // The errors of each section, beside its name in the menu.
  function countSections() {
    document.querySelectorAll("fieldset.section").forEach(function (s) {
      var n = s.querySelectorAll('p.finding[data-severity="error"]').length;
      var c = document.querySelector('#sections li[data-section="' + s.dataset.section + '"] .count');
      if (!c) return;
      c.textContent = String(n);
      c.hidden = n === 0;
    });
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
    countSections();
  }

  var timer = null;
  var seq = 0;
  function checkSoon() {
    clearTimeout(timer);
    // Said from the moment a check is due, not only once it is sent: what was typed is not
    // yet checked while the pause before the check runs.
    checkStatus.textContent = words.checking;
    timer = setTimeout(function () {
      var mine = ++seq;
      api(form.dataset.check, {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded" }, body: body()
      }).then(function (res) {
        if (!res) { checkStatus.textContent = ""; return; }
        if (mine === seq && res.j.findings) showFindings(res.j.findings);
      }).catch(function () { checkStatus.textContent = ""; });
    }, 400);
  }

  // 大写 of every amount, from the server (the same function the documents use).
  function upper(input) {
    var out = input.parentNode.querySelector(".upper");
    api("/money?amount=" + encodeURIComponent(input.value))
      .then(function (res) { if (res && out) out.textContent = res.j.upper; })
      .catch(function () {});
  }

  function showPreview(p) {
    if (!p) return;
    var pages = preview.querySelector(".pages");
    var problem = preview.querySelector(".problem");
    if (p.problem) {
      // The pages shown are an earlier version's: said, and why.
      problem.textContent = words.previewFailed + p.problem;
      problem.hidden = false;
    } else {
      problem.hidden = true;
    }
    pages.textContent = "";
    p.pages.forEach(function (pg) {
      var img = document.createElement("img");
      img.className = "page";
      img.alt = pg.kind;
      img.src = pg.src;
      pages.appendChild(img);
    });
    var docs = preview.querySelector(".documents");
    var ul = docs.querySelector("ul");
    ul.textContent = "";
    (p.documents || []).forEach(function (d) {
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = d.href;
      a.target = "_blank";
      a.rel = "noopener";
      a.textContent = d.title;
      a.dataset.kind = d.kind;
      li.appendChild(a);
      ul.appendChild(li);
    });
    docs.hidden = ul.children.length === 0;
    preview.querySelector(".wait").hidden = true;
    preview.dataset.draft = p.draft ? "true" : "false";
    preview.dataset.stale = p.problem ? "true" : "false";
    preview.dataset.version = String(p.version);
  }

  // One more item of a list: the empty item copied, its index the next.
  function addItem(list) {
    var fresh = list.querySelector(":scope > .item.new");
    if (!fresh) return null;
    var group = list.dataset.group;
    var n = Number(fresh.dataset.item.slice(group.length + 1)) + 1;
    var from = group + "." + (n - 1);
    var to = group + "." + n;
    var copy = fresh.cloneNode(true);
    copy.dataset.item = to;
    copy.querySelectorAll("[name], [id], [for], [data-field], [data-item], [data-group]").forEach(function (el) {
      ["name", "id", "for", "data-field", "data-item", "data-group"].forEach(function (a) {
        var v = el.getAttribute(a);
        if (v === null) return;
        var dashedFrom = from.replace(/\./g, "-");
        var dashedTo = to.replace(/\./g, "-");
        if (v.indexOf(from) === 0) el.setAttribute(a, to + v.slice(from.length));
        else if (v.indexOf("f-" + dashedFrom) === 0) el.setAttribute(a, "f-" + dashedTo + v.slice(dashedFrom.length + 2));
      });
    });
    copy.querySelectorAll("input, textarea").forEach(function (el) { el.value = ""; });
    copy.querySelectorAll("select").forEach(function (el) { el.selectedIndex = 0; });
    copy.querySelectorAll("p.finding").forEach(function (p) { p.remove(); });
    fresh.classList.remove("new");
    fresh.querySelector(".item-no").textContent = String(n);
    list.insertBefore(copy, list.querySelector(":scope > button.add-item"));
    return copy;
  }
  form.addEventListener("click", function (e) {
    var b = e.target.closest("button.add-item");
    if (!b) return;
    e.preventDefault();
    var list = b.closest("fieldset.list");
    var item = addItem(list);
    var opened = item && item.previousElementSibling;
    var input = opened && opened.querySelector("input, select, textarea");
    if (input) input.focus();
  });

  // Makes sure a field of that name exists: list items added until it does.
  function ensureField(name) {
    for (var guard = 0; guard < 200 && !form.elements[name]; guard++) {
      var lists = Array.prototype.filter.call(form.querySelectorAll("fieldset.list"), function (l) {
        return name.indexOf(l.dataset.group + ".") === 0;
      });
      if (!lists.length) return false;
      lists.sort(function (a, b) { return b.dataset.group.length - a.dataset.group.length; });
      if (!addItem(lists[0])) return false;
    }
    return !!form.elements[name];
  }

  function setValue(name, value) {
    if (!ensureField(name)) return;
    var el = form.elements[name];
    if (el && el.value !== value) el.value = value;
  }

  // What was typed and not saved, kept in the browser until it is saved: a page reloaded
  // after a restart (or a sign-in) gets it back.
  // What the file holds, as the form posts it once its sections are shown (set below).
  var saved = null;
  function dirty() { return saved !== null && typed() !== saved; }
  function keepDraft() {
    try {
      if (dirty()) {
        localStorage.setItem(draftKey, JSON.stringify({
          sha: form.elements["_sha256"].value,
          pairs: Array.from(new FormData(form).entries())
        }));
      } else {
        localStorage.removeItem(draftKey);
      }
    } catch (e) { /* storage full or refused: the page itself still holds the values */ }
  }
  function restoreDraft() {
    var d;
    try { d = JSON.parse(localStorage.getItem(draftKey) || "null"); } catch (e) { d = null; }
    if (!d || d.sha !== form.elements["_sha256"].value) return;
    d.pairs.forEach(function (p) { if (p[0] !== "_sha256") setValue(p[0], p[1]); });
    showSections();
    if (dirty()) {
      document.getElementById("restored").hidden = false;
      checkSoon();
    }
  }
  document.getElementById("discard").addEventListener("click", function () {
    try { localStorage.removeItem(draftKey); } catch (e) { /* nothing kept */ }
    leaving = true;
    location.reload();
  });

  var leaving = false;
  window.addEventListener("beforeunload", function (e) {
    if (leaving || !dirty()) return;
    e.preventDefault();
    e.returnValue = words.unsaved;
    return words.unsaved;
  });

  form.addEventListener("input", function (e) {
    if (e.target.classList.contains("money")) upper(e.target);
    keepDraft();
    checkSoon();
  });
  form.addEventListener("change", function (e) {
    if (e.target.name === "outcome") showSections();
    keepDraft();
    checkSoon();
  });

  // A conflict: what the file says now beside each field where it differs from what was
  // typed, which stays; saving again keeps what was typed.
  function showTheirs(j) {
    document.querySelectorAll("#case-form p.theirs").forEach(function (p) { p.remove(); });
    conflict.hidden = false;
    conflict.querySelector(".message").textContent = j.message;
    if (!j.readable) return;
    form.elements["_sha256"].value = j.sha256;
    document.querySelector("#delete-form [name=_sha256]").value = j.sha256;
    form.querySelectorAll(".field[data-field]").forEach(function (f) {
      var name = f.dataset.field;
      var el = form.elements[name];
      if (!el || el.closest("fieldset[disabled]")) return;
      var theirs = j.theirs[name] === undefined ? "" : j.theirs[name];
      if (String(el.value).trim() === String(theirs).trim()) return;
      var p = document.createElement("p");
      p.className = "theirs";
      p.textContent = words.theirs + (theirs === "" ? "—" : theirs);
      var b = document.createElement("button");
      b.type = "button";
      b.textContent = words.take;
      b.addEventListener("click", function () {
        el.value = theirs;
        p.remove();
        el.dispatchEvent(new Event("input", { bubbles: true }));
      });
      p.appendChild(b);
      f.appendChild(p);
    });
  }

  form.addEventListener("submit", function (e) {
    e.preventDefault();
    saveStatus.textContent = words.saving;
    saveStatus.className = "";
    var sent = typed();
    api(form.action, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" }, body: body()
    }).then(function (res) {
      if (!res) { saveStatus.textContent = ""; return; }
      var j = res.j;
      if (res.status === 409) {
        showTheirs(j);
        saveStatus.textContent = j.message;
        saveStatus.className = "bad";
        return;
      }
      if (j.findings) showFindings(j.findings);
      if (j.status === "saved") {
        conflict.hidden = true;
        document.querySelectorAll("#case-form p.theirs").forEach(function (p) { p.remove(); });
        document.getElementById("restored").hidden = true;
        form.elements["_sha256"].value = j.sha256;
        document.querySelector("#delete-form [name=_sha256]").value = j.sha256;
        saved = sent;
        keepDraft();
        saveStatus.textContent = j.message;
        saveStatus.className = j.preview_failed ? "warn" : "good";
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

  // Evidence: uploaded, then added to the case's evidence list (kept when saved).
  var evidenceForm = document.getElementById("evidence-form");
  var evidenceStatus = document.getElementById("evidence-status");
  evidenceForm.addEventListener("submit", function (e) {
    e.preventDefault();
    var data = new FormData(evidenceForm);
    evidenceStatus.textContent = words.saving;
    evidenceStatus.className = "";
    api(evidenceForm.action, { method: "POST", body: data }).then(function (res) {
      if (!res) { evidenceStatus.textContent = ""; return; }
      evidenceStatus.textContent = res.j.message || String(res.status);
      if (res.j.status !== "uploaded") { evidenceStatus.className = "bad"; return; }
      evidenceStatus.className = "good";
      var list = form.querySelector('fieldset.list[data-group="evidence"]');
      res.j.paths.forEach(function (path) {
        var fresh = list.querySelector(":scope > .item.new input");
        fresh.value = path;
        addItem(list);
      });
      evidenceForm.reset();
      keepDraft();
      checkSoon();
    }).catch(function (err) {
      evidenceStatus.textContent = String(err);
      evidenceStatus.className = "bad";
    });
  });

  // Deleting asks first; the file goes to the backup folder.
  var del = document.getElementById("delete-form");
  del.addEventListener("submit", function (e) {
    if (!window.confirm(del.dataset.confirm)) {
      e.preventDefault();
      return;
    }
    leaving = true;
    try { localStorage.removeItem(draftKey); } catch (err) { /* nothing kept */ }
  });

  showSections();
  countSections();
  saved = typed();
  restoreDraft();
  api(preview.dataset.src)
    .then(function (res) { if (res) showPreview(res.j); })
    .catch(function () {});
})();
