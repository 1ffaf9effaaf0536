// spotcheck serve, the work pages: a file too large is refused before it is sent, and a
// job's page asks the server where the job stands until it is finished. Plain JavaScript.
"use strict";
(function () {
  // Uploads: the limit of the server, told before the wait of sending.
  document.querySelectorAll("form[data-limit]").forEach(function (form) {
    form.addEventListener("submit", function (ev) {
      var limit = Number(form.getAttribute("data-limit"));
      var big = Array.prototype.some.call(form.querySelectorAll("input[type=file]"), function (i) {
        return Array.prototype.some.call(i.files || [], function (f) { return f.size > limit; });
      });
      var note = form.querySelector(".upload-error");
      if (big) {
        ev.preventDefault();
        if (note) { note.textContent = form.getAttribute("data-too-large"); note.hidden = false; }
        return;
      }
      var button = form.querySelector("button[type=submit]");
      if (button) { button.disabled = true; }
    });
  });

  var main = document.getElementById("work-job");
  if (!main) { return; }
  var id = main.getAttribute("data-job");
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text !== undefined) { e.textContent = text; }
    return e;
  }
  function show(job) {
    document.getElementById("job-phase").textContent = job.phase;
    document.getElementById("job-count").textContent = job.total > 0 ? job.done + " / " + job.total : "";
    var state = document.getElementById("job-state");
    state.textContent = job.state;
    state.className = "state " + (!job.finished ? "running" : job.ok ? "ok" : "error");
    var bar = document.getElementById("job-progress");
    if (job.total > 0) {
      bar.max = job.total;
      bar.value = job.done;
    } else if (job.finished) {
      bar.max = 1;
      bar.value = 1;
    } else {
      bar.removeAttribute("value");
    }
    // The lines as the server keeps them (its first and last, those between counted): drawn
    // again whole, since the last ones move on.
    var list = document.getElementById("job-lines");
    for (var i = 0; i < job.lines.length; i++) {
      var line = job.lines[i];
      var li = list.children[i];
      if (!li) {
        list.appendChild(el("li", line.tone, line.text));
      } else if (li.textContent !== line.text || li.className !== line.tone) {
        li.className = line.tone;
        li.textContent = line.text;
      }
    }
    while (list.children.length > job.lines.length) { list.removeChild(list.lastChild); }
    var files = document.getElementById("job-files");
    var ul = files.querySelector("ul");
    if (ul.children.length !== job.files.length) {
      ul.textContent = "";
      job.files.forEach(function (f) {
        var li = el("li");
        var a = el("a", "", f.label);
        a.href = f.url;
        if (f.inline) {
          a.target = "_blank";
          a.rel = "noopener";
        } else {
          a.setAttribute("download", "");
        }
        li.appendChild(a);
        ul.appendChild(li);
      });
    }
    files.hidden = job.files.length === 0;
  }
  function poll() {
    fetch("/work/jobs/" + encodeURIComponent(id), { credentials: "same-origin", cache: "no-store" })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (job) {
        if (!job) { return; }
        show(job);
        if (!job.finished) { setTimeout(poll, 700); }
      })
      .catch(function () { setTimeout(poll, 2000); });
  }
  if (main.getAttribute("data-finished") !== "1") { poll(); }
})();
