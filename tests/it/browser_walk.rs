//! A clerk's day in a real browser, every button pressed as a person presses it (no request
//! composed by the test): the overview, every link of the application followed, an enterprise
//! list imported, a day's pack made and opened, the batch built and its archive downloaded,
//! that archive verified on the work page, a case searched for, edited, given a sampler and a
//! photo and saved, a case created and deleted, the ledger downloaded, the language switched
//! on a filtered list. It fails on any 4xx or 5xx the server answered (its access log) and on
//! any script error or failed load the browser logged. Then a restart: a page left open goes
//! on saving with the batch's own token; with another token it says to sign in again, keeps
//! what was typed, and saves after the sign-in.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use fantoccini::Locator;

use crate::browser::{Browser, Served, free_port, serve_with, tools};
use crate::common::*;
use crate::field::{copy_of, facts, good_rows, write_csv};

/// A day in the sampling window of the second sample.
const TODAY: &str = "2024-06-20";

fn donghu() -> PathBuf {
    samples()
        .into_iter()
        .find(|p| p.ends_with("donghu-2024-1"))
        .unwrap()
}

/// Waits until the check that typing starts (400 ms after the last key) has been answered.
fn settled(b: &Browser) {
    std::thread::sleep(Duration::from_millis(600));
    b.wait_for(
        "the check to be answered",
        "!document.getElementById('check-status').innerText.includes('检查')",
        30,
    );
}

/// Nothing refused by the server, nothing wrong in the browser, after `step`.
fn clean(b: &Browser, s: &Served, step: &str) {
    let severe = b.severe();
    assert!(severe.is_empty(), "{step}: the browser logged {severe:#?}");
    let refused = s.refused();
    assert!(
        refused.is_empty(),
        "{step}: the server refused {refused:#?}"
    );
}

fn set_file(b: &Browser, css: &str, file: &Path) {
    let el =
        b.rt.block_on(b.c().find(Locator::Css(css)))
            .unwrap_or_else(|e| panic!("no file input {css}: {e}"));
    b.rt.block_on(el.send_keys(file.to_str().unwrap())).unwrap();
}

/// Waits for the job page to finish; returns whether it did what was asked and its lines.
fn job_done(b: &Browser, secs: u64) -> (bool, String) {
    b.wait_for("the task's page", "document.getElementById('work-job')", 20);
    let state = b.wait_for(
        "the task to finish",
        "(function(){var s=document.getElementById('job-state');return s && !s.classList.contains('running') && s.className;})()",
        secs,
    );
    let ok = state.as_str().unwrap().contains("ok");
    (ok, b.text("#job-lines"))
}

/// Loads `href` from the page as the page's own script would, and gives status and type.
fn fetch(b: &Browser, href: &str) -> (u64, String) {
    let v = b.js_async(&format!(
        "var done = arguments[arguments.length - 1];\
         fetch({href:?}, {{credentials: 'same-origin'}}).then(function (r) {{\
           return r.arrayBuffer().then(function (a) {{ done([r.status, r.headers.get('content-type') || '', a.byteLength]); }});\
         }}).catch(function (e) {{ done([0, String(e), 0]); }});"
    ));
    assert!(v[2].as_u64().unwrap() > 0 || v[0] != 200, "{href}: empty");
    (v[0].as_u64().unwrap(), v[1].as_str().unwrap().to_string())
}

/// The file the browser downloaded whose name ends with `suffix`, once it is whole.
fn downloaded(b: &Browser, suffix: &str) -> PathBuf {
    let started = Instant::now();
    loop {
        let found = std::fs::read_dir(&b.downloads)
            .unwrap()
            .flatten()
            .map(|e| e.path())
            .find(|p| p.to_string_lossy().ends_with(suffix));
        if let Some(p) = found {
            return p;
        }
        assert!(
            started.elapsed() < Duration::from_secs(60),
            "no download ending {suffix} in {}",
            b.downloads.display()
        );
        std::thread::sleep(Duration::from_millis(200));
    }
}

/// Every link of the page shown: those to follow (pages of the application) and those the
/// page opens elsewhere or downloads (loaded by script instead).
fn links(b: &Browser) -> (Vec<String>, Vec<String>) {
    let v = b.js(
        "return Array.from(document.querySelectorAll('a[href]')).filter(function (a) {\
           return a.origin === location.origin; }).map(function (a) {\
           return [a.pathname + a.search, a.hasAttribute('download') || a.target === '_blank']; })",
    );
    let mut follow = Vec::new();
    let mut load = Vec::new();
    for l in v.as_array().unwrap() {
        let href = l[0].as_str().unwrap().to_string();
        if l[1].as_bool().unwrap() {
            load.push(href);
        } else {
            follow.push(href);
        }
    }
    (follow, load)
}

/// Follows every link of the application from `start`, each page once: pages open and their
/// scripts run without a fault; files are loaded by script and must come.
fn crawl(b: &Browser, s: &Served, start: &[&str]) -> usize {
    let mut seen = BTreeSet::new();
    let mut todo: Vec<String> = start.iter().map(|p| p.to_string()).collect();
    while let Some(path) = todo.pop() {
        // The language is the clerk's: the switch is pressed on its own below.
        if path.contains("lang=") || !seen.insert(path.clone()) {
            continue;
        }
        b.go(&format!("{}{path}", s.base));
        // A case page's preview is made when it opens: waited for, so its script ran.
        if path.starts_with("/cases/") {
            b.wait_for(
                "the preview",
                "document.querySelector('#preview .wait') && document.querySelector('#preview .wait').hidden",
                120,
            );
        }
        let (follow, load) = links(b);
        for href in load {
            if seen.insert(href.clone()) {
                let (status, _) = fetch(b, &href);
                assert_eq!(status, 200, "{href} from {path}");
            }
        }
        todo.extend(follow.into_iter().filter(|h| !seen.contains(h)));
        clean(b, s, &format!("page {path}"));
    }
    seen.len()
}

/// A copy of the second sample served with an access log, a folder for the test's files,
/// and a browser.
struct Day {
    batch: tempfile::TempDir,
    _out: tempfile::TempDir,
    work: tempfile::TempDir,
    served: Served,
    browser: Browser,
}

impl Day {
    fn start() -> Option<Day> {
        let tools = tools()?;
        let batch = copy_of(&donghu());
        let out = tempfile::tempdir().unwrap();
        let work = tempfile::tempdir().unwrap();
        let log = work.path().join("access.log");
        let served = serve_with(
            batch.path(),
            out.path(),
            &["--port", "0", "--today", TODAY],
            Some(&log),
            None,
        );
        Some(Day {
            batch,
            _out: out,
            work,
            served,
            browser: Browser::start(tools),
        })
    }
}

#[test]
fn a_clerk_works_a_day_pressing_every_button_and_nothing_fails() {
    let Some(day) = Day::start() else { return };
    let (batch, work, s, b) = (&day.batch, &day.work, &day.served, &day.browser);

    // Signed in from the printed address; the overview.
    b.go(&s.url);
    b.wait_for("the overview", "document.getElementById('dashboard')", 30);
    clean(b, s, "the overview");

    // Import a list, from the work page's form.
    // (chromedriver cannot hand over a file whose path is not ASCII; the names a browser
    // sends in Chinese are tested over HTTP.)
    let list = work.path().join("list.csv");
    write_csv(&list, &good_rows(&facts(batch.path())));
    b.click("header nav a[href='/work']");
    b.wait_for("the work page", "document.getElementById('work')", 20);
    set_file(b, "#work-import input[type=file]", &list);
    b.click("#work-import button[type=submit]");
    let (ok, lines) = job_done(b, 60);
    assert!(ok, "the import: {lines}");
    assert!(lines.contains("已导入 2 个计划中的案例"), "{lines}");
    clean(b, s, "the import");

    // A day's pack: the day of the imported visits, chosen from the menu.
    b.click("a[href='/work']");
    b.wait_for("the work page", "document.getElementById('work')", 20);
    let day = facts(batch.path()).start;
    let option = format!("#work-pack select[name=date] option[value='{day}']");
    b.click(&option);
    b.click("#work-pack button[type=submit]");
    let (ok, lines) = job_done(b, 300);
    assert!(ok, "the pack: {lines}");
    let pdfs = b.js("return Array.from(document.querySelectorAll('#job-files a')).map(a => [a.pathname, a.target])");
    let pdf = pdfs
        .as_array()
        .unwrap()
        .first()
        .unwrap_or_else(|| panic!("no pack: {lines}"));
    assert_eq!(pdf[1], "_blank", "a pack opens to be printed: {pdfs}");
    assert_eq!(
        fetch(b, pdf[0].as_str().unwrap()),
        (200, "application/pdf".into())
    );
    clean(b, s, "the pack");

    // A pack of the case ticked in the list (planned cases first).
    b.go(&format!("{}/work", s.base));
    b.click("#work-pack input[type=checkbox][name=case]");
    b.click("#work-pack button[type=submit]");
    let (ok, lines) = job_done(b, 300);
    assert!(ok, "the pack of a case: {lines}");
    let pdf = b.js("return document.querySelector('#job-files a').pathname");
    assert_eq!(
        fetch(b, pdf.as_str().unwrap()),
        (200, "application/pdf".into())
    );
    clean(b, s, "the pack of a case");

    // The build, and its archive downloaded by the link.
    b.go(&format!("{}/work", s.base));
    b.click("#work-build button[type=submit]");
    let (ok, lines) = job_done(b, 900);
    assert!(ok, "the build: {lines}");
    b.click("#job-files a[download]");
    let zip = downloaded(b, ".zip");
    assert!(std::fs::metadata(&zip).unwrap().len() > 1_000_000);
    clean(b, s, "the build");

    // That archive verified on the work page.
    b.go(&format!("{}/work", s.base));
    set_file(b, "#work-verify input[name=archive]", &zip);
    b.click("#work-verify button[type=submit]");
    let (ok, lines) = job_done(b, 300);
    assert!(ok, "the verification: {lines}");
    assert!(lines.contains("完好"), "{lines}");
    clean(b, s, "the verification");

    // A case found by searching, edited, a sampler and a photo added, saved.
    b.click("header nav a[href='/cases']");
    b.wait_for("the case list", "document.getElementById('cases')", 20);
    b.type_into("#filters input[name=q]", "名单企业1");
    b.click("#filter-go");
    b.wait_for("the search", "location.search.indexOf('q=') >= 0", 20);
    let found = b.js(
        "return Array.from(document.querySelectorAll('tr[data-case]')).map(tr => tr.dataset.case)",
    );
    let found = found.as_array().unwrap();
    assert_eq!(found.len(), 1, "{found:?}");
    let id = found[0].as_str().unwrap().to_string();
    b.click(&format!("tr[data-case='{id}'] a"));
    b.wait_for(
        "the case page",
        &format!("document.querySelector('main#case[data-case=\"{id}\"]')"),
        20,
    );
    b.wait_for(
        "the preview",
        "document.querySelector('#preview .wait').hidden",
        120,
    );
    // The lab, by its name in a menu; the category likewise.
    let lab = b.js("var s = document.querySelector('[name=lab]'); return [s.tagName, s.options[s.selectedIndex].text]");
    assert_eq!(lab[0], "SELECT");
    assert!(
        !lab[1].as_str().unwrap().contains('-'),
        "the lab shown by its id: {lab}"
    );
    b.type_into("[data-field='party.contact'] input", "周联系");
    b.click("fieldset[data-group='visit.samplers'] > button.add-item");
    b.type_into("[name='visit.samplers.2.name']", "丙抽样");
    b.click("#save");
    b.wait_for(
        "the save",
        "document.getElementById('save-status').className == 'good'",
        60,
    );
    let lb = spotcheck::input::load::load(batch.path()).unwrap();
    let c = &lb.case(&id).unwrap().case;
    assert_eq!(c.party.contact.as_deref(), Some("周联系"));
    assert!(
        c.visit.samplers.iter().any(|x| x.name == "丙抽样"),
        "{:?}",
        c.visit.samplers
    );
    assert_eq!(
        b.text("#check-status"),
        "",
        "the planned case has errors after its save"
    );
    clean(b, s, "the planned case saved");

    // A visited case gets a photo of the visit, uploaded; its documents open as PDFs.
    let visited = "CD-2024-002";
    b.go(&format!("{}/cases/{visited}", s.base));
    b.wait_for(
        "the preview",
        "document.querySelector('#preview .wait').hidden",
        120,
    );
    // chromedriver cannot hand the browser a file whose path is not ASCII: a copy.
    let photo = work.path().join("photo-1.jpg");
    std::fs::copy(donghu().join("evidence/CD-2024-001/现场照片1.jpg"), &photo).unwrap();
    set_file(b, "#evidence-file", &photo);
    b.click("#evidence-go");
    b.wait_for(
        "the upload",
        "document.getElementById('evidence-status').className == 'good'",
        30,
    );
    b.click("#save");
    b.wait_for(
        "the save",
        "document.getElementById('save-status').className == 'good'",
        60,
    );
    let lb = spotcheck::input::load::load(batch.path()).unwrap();
    let c = &lb.case(visited).unwrap().case;
    let evidence = format!("evidence/{visited}/photo-1.jpg");
    assert!(c.evidence.contains(&evidence), "{:?}", c.evidence);
    assert!(batch.path().join(&evidence).is_file());
    b.wait_for(
        "the documents",
        "document.querySelectorAll('#preview .documents a').length",
        60,
    );
    let href = b.js("return document.querySelector('#preview .documents a').pathname");
    assert_eq!(
        fetch(b, href.as_str().unwrap()),
        (200, "application/pdf".into())
    );
    clean(b, s, "the visited case saved");

    // A new case from the list's form, then deleted to the backup.
    b.go(&format!("{}/cases", s.base));
    b.click("#new-case-go");
    b.wait_for("the new case", "document.getElementById('case')", 30);
    let new_id = b.js("return document.getElementById('case').dataset.case");
    let new_id = new_id.as_str().unwrap().to_string();
    let new_file = spotcheck::input::load::load(batch.path())
        .unwrap()
        .case(&new_id)
        .map(|c| c.file.clone())
        .expect("the new case on disk");
    b.wait_for(
        "the preview",
        "document.querySelector('#preview .wait').hidden",
        120,
    );
    b.click("#delete");
    b.rt.block_on(b.c().accept_alert()).unwrap();
    b.wait_for(
        "the list after deleting",
        "document.getElementById('deleted-note')",
        30,
    );
    assert!(b.text("#deleted-note").contains(&new_id));
    assert!(!batch.path().join(&new_file).exists());
    assert!(
        batch
            .path()
            .join(".spotcheck-backup")
            .join(format!("{new_file}.1"))
            .is_file()
    );
    clean(b, s, "a case made and deleted");

    // The ledger by its link; a filtered list keeps its filter across the language switch.
    b.go(&format!("{}/cases?category=儿童玩具", s.base));
    b.click("#ledger");
    downloaded(b, "台账.xlsx");
    b.click("a.lang-switch");
    b.wait_for("English", "document.documentElement.lang == 'en'", 20);
    let here = b.here();
    assert!(here.contains("category="), "the filter was lost: {here}");
    let rows = b.js("return Array.from(document.querySelectorAll('tr[data-case] td:nth-child(3)')).map(td => td.innerText)");
    assert!(
        rows.as_array().unwrap().iter().all(|r| r == "儿童玩具"),
        "{rows}"
    );
    b.click("a.lang-switch");
    b.wait_for("中文", "document.documentElement.lang == 'zh-CN'", 20);
    clean(b, s, "the ledger and the language");

    // Every link of the application, followed.
    let pages = crawl(b, s, &["/", "/cases", "/work"]);
    assert!(pages > 30, "only {pages} pages");
    clean(b, s, "every link");
}

#[test]
fn a_page_left_open_across_a_restart_saves_or_asks_to_sign_in_and_keeps_what_was_typed() {
    let Some(tools) = tools() else { return };
    let batch = copy_of(&donghu());
    let out = tempfile::tempdir().unwrap();
    let state = tempfile::tempdir().unwrap();
    let port = free_port().to_string();
    let args = ["--port", port.as_str(), "--today", TODAY];
    let s = serve_with(batch.path(), out.path(), &args, None, Some(state.path()));
    let b = Browser::start(tools);
    b.go(&s.url);
    b.wait_for("the overview", "document.getElementById('dashboard')", 30);
    let id = "CD-2024-001";
    b.go(&format!("{}/cases/{id}", s.base));
    b.wait_for(
        "the preview",
        "document.querySelector('#preview .wait').hidden",
        120,
    );
    b.type_into("[data-field='party.contact'] input", "重启前");
    // The check the typing started is answered before the server goes.
    settled(&b);

    // Restarted on the same folder: the same token, the page saves as if nothing happened.
    drop(s);
    let s = serve_with(batch.path(), out.path(), &args, None, Some(state.path()));
    b.click("#save");
    b.wait_for(
        "the save",
        "document.getElementById('save-status').className == 'good'",
        60,
    );
    let contact = |dir: &Path| {
        spotcheck::input::load::load(dir)
            .unwrap()
            .case(id)
            .unwrap()
            .case
            .party
            .contact
            .clone()
    };
    assert_eq!(contact(batch.path()).as_deref(), Some("重启前"));
    assert!(b.severe().is_empty());

    // Restarted with another token: the save says to sign in again, the page keeps what was
    // typed, no script fails.
    b.type_into("[data-field='party.contact'] input", "重启后");
    settled(&b);
    drop(s);
    let s = serve_with(
        batch.path(),
        out.path(),
        &[&args[..], &["--token", "another-token-0123456789"]].concat(),
        None,
        Some(state.path()),
    );
    b.click("#save");
    b.wait_for(
        "the sign-in note",
        "!document.getElementById('signin').hidden",
        30,
    );
    assert!(
        b.text("#signin").contains("重新打开"),
        "{}",
        b.text("#signin")
    );
    assert_eq!(
        b.js("return document.querySelector(\"[name='party.contact']\").value"),
        "重启后"
    );
    let severe = b.severe();
    assert!(
        severe
            .iter()
            .all(|m| m.contains("/save") && m.contains("403")),
        "only the refused save may show: {severe:#?}"
    );
    assert_eq!(contact(batch.path()).as_deref(), Some("重启前"));

    // Signed in again in another tab, as the note says; the same page then saves.
    let first = b.rt.block_on(b.c().window()).unwrap();
    let tab = b.rt.block_on(b.c().new_window(true)).unwrap();
    b.rt.block_on(b.c().switch_to_window(tab.handle)).unwrap();
    b.go(&s.url);
    b.wait_for("the overview", "document.getElementById('dashboard')", 30);
    // A second tab on the case finds what the first typed, kept in the browser.
    b.go(&format!("{}/cases/{id}", s.base));
    b.wait_for(
        "the restored draft",
        "!document.getElementById('restored').hidden",
        30,
    );
    assert_eq!(
        b.js("return document.querySelector(\"[name='party.contact']\").value"),
        "重启后"
    );
    b.rt.block_on(b.c().close_window()).unwrap();
    b.rt.block_on(b.c().switch_to_window(first)).unwrap();
    b.click("#save");
    b.wait_for(
        "the save",
        "document.getElementById('save-status').className == 'good'",
        60,
    );
    assert_eq!(contact(batch.path()).as_deref(), Some("重启后"));
    let severe = b.severe();
    assert!(severe.is_empty(), "{severe:#?}");
}

#[test]
fn a_clerk_is_warned_before_leaving_unsaved_edits_and_a_conflict_keeps_what_she_typed() {
    let Some(day) = Day::start() else { return };
    let (batch, s, b) = (&day.batch, &day.served, &day.browser);
    b.go(&s.url);
    b.wait_for("the overview", "document.getElementById('dashboard')", 30);
    let id = "CD-2024-003";
    b.go(&format!("{}/cases/{id}", s.base));
    b.wait_for(
        "the preview",
        "document.querySelector('#preview .wait').hidden",
        120,
    );
    b.type_into("[data-field='party.contact'] input", "表单中的");

    // Leaving with the edit unsaved: the page asks the browser to ask (the driver answers
    // the browser's question itself, so the page's own answer is what is looked at).
    let asks = "var e = new Event('beforeunload', {cancelable: true}); \
                window.dispatchEvent(e); return e.defaultPrevented;";
    assert_eq!(b.js(asks), true, "no question before leaving unsaved edits");

    // Meanwhile the file is edited by hand: the save is refused, the file's value shown beside
    // the field, what was typed kept; saving again keeps it.
    let file = batch.path().join(
        spotcheck::input::load::load(batch.path())
            .unwrap()
            .case(id)
            .unwrap()
            .file
            .clone(),
    );
    edit_yaml(&file, |v| v["party"]["contact"] = "文件中的".into());
    b.click("#save");
    b.wait_for(
        "the conflict",
        "!document.getElementById('conflict').hidden",
        30,
    );
    let theirs = b.text("[data-field='party.contact'] p.theirs");
    assert!(theirs.contains("文件中的"), "{theirs}");
    assert_eq!(
        b.js("return document.querySelector(\"[name='party.contact']\").value"),
        "表单中的"
    );
    assert_eq!(
        std::fs::read_to_string(&file)
            .unwrap()
            .matches("文件中的")
            .count(),
        1
    );
    b.click("#save");
    b.wait_for(
        "the save",
        "document.getElementById('save-status').className == 'good'",
        60,
    );
    let now = std::fs::read_to_string(&file).unwrap();
    assert!(
        now.contains("表单中的") && !now.contains("文件中的"),
        "{now}"
    );
    // Saved: leaving asks nothing.
    assert_eq!(b.js(asks), false, "a question though all is saved");
    b.click("header nav a[href='/cases']");
    b.wait_for("the case list", "document.getElementById('cases')", 20);
    // The one refusal is the conflict; no script failed.
    let refused = s.refused();
    assert_eq!(refused.len(), 1, "{refused:#?}");
    assert!(refused[0].contains("/save 409"), "{refused:#?}");
    let severe = b.severe();
    assert!(severe.iter().all(|m| m.contains("409")), "{severe:#?}");
}
