//! `spotcheck serve` in a real browser: headless Chromium driven over WebDriver (chromedriver),
//! both started by the test itself. Where the browser is absent the tests say so and pass,
//! except in CI (`CI` set), where `.ci/run` installs it and its absence is a failure.
//!
//! `SPOTCHECK_SCREENSHOTS=DIR` also writes the pictures of the README tour into DIR.

use std::io::{BufRead, BufReader};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::{Client, ClientBuilder, Locator};

use crate::common::{copy_sample, spotcheck};
use crate::serve::COLUMNS;

/// The day the tests see as today: during the Jincheng batch's sampling window.
const TODAY: &str = "2023-06-20";

/// The browser and its driver, or why they cannot be had here.
pub(crate) fn tools() -> Option<(PathBuf, PathBuf)> {
    let find = |env: &str, names: &[&str]| -> Option<PathBuf> {
        if let Some(p) = std::env::var_os(env) {
            return Some(PathBuf::from(p));
        }
        let path = std::env::var_os("PATH").unwrap_or_default();
        std::env::split_paths(&path)
            .flat_map(|dir| names.iter().map(move |n| dir.join(n)))
            .find(|p| p.is_file())
    };
    let browser = find(
        "SPOTCHECK_CHROMIUM",
        &["chromium", "chromium-browser", "google-chrome"],
    );
    let driver = find("SPOTCHECK_CHROMEDRIVER", &["chromedriver"]);
    match (browser, driver) {
        (Some(b), Some(d)) => Some((b, d)),
        _ => {
            let why = "no Chromium or chromedriver on PATH (Debian: apt-get install chromium \
                       chromium-driver; or set SPOTCHECK_CHROMIUM and SPOTCHECK_CHROMEDRIVER)";
            assert!(
                std::env::var_os("CI").is_none(),
                "browser tests cannot run in CI: {why}"
            );
            eprintln!("SKIPPED browser test: {why}");
            None
        }
    }
}

pub(crate) fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// A child process killed when the test ends, however it ends.
pub(crate) struct Killed(pub(crate) Child);

impl Drop for Killed {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// `spotcheck serve` on a batch folder, and the URL with the token that it printed.
pub(crate) struct Served {
    _child: Killed,
    pub(crate) url: String,
    pub(crate) base: String,
    /// The access log it writes (`serve --log`), when asked for.
    pub(crate) log: Option<PathBuf>,
}

impl Served {
    /// The requests of the access log answered with 4xx or 5xx, as their log lines.
    pub(crate) fn refused(&self) -> Vec<String> {
        let Some(log) = &self.log else {
            return Vec::new();
        };
        std::fs::read_to_string(log)
            .unwrap_or_default()
            .lines()
            .filter(|l| {
                l.split(' ')
                    .nth(3)
                    .and_then(|s| s.parse::<u16>().ok())
                    .is_some_and(|s| s >= 400)
            })
            .map(str::to_string)
            .collect()
    }
}

fn serve(batch: &Path, out: &Path) -> Served {
    serve_with(batch, out, &["--port", "0", "--today", TODAY], None, None)
}

/// `spotcheck serve` with more arguments, its access log written to `log`, its state (the
/// batch's token) kept in `state`.
pub(crate) fn serve_with(
    batch: &Path,
    out: &Path,
    args: &[&str],
    log: Option<&Path>,
    state: Option<&Path>,
) -> Served {
    let mut cmd = spotcheck();
    cmd.args(["serve", "--no-open", "-o"]).arg(out).args(args);
    if let Some(l) = log {
        cmd.arg("--log").arg(l);
    }
    let scratch = tempfile::tempdir().unwrap().keep();
    cmd.env("SPOTCHECK_STATE_DIR", state.unwrap_or(&scratch));
    let mut child = cmd
        .arg(batch)
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    let child = Killed(child);
    // The URL is printed once the server listens.
    let mut lines = BufReader::new(stdout).lines();
    let url = loop {
        let line = lines
            .next()
            .unwrap_or_else(|| panic!("serve ended without printing its address"))
            .unwrap();
        if let Some(at) = line.find("http://127.0.0.1:") {
            break line[at..].split_whitespace().next().unwrap().to_string();
        }
    };
    // Keep reading what serve prints, so that it never blocks on a full pipe.
    std::thread::spawn(move || lines.for_each(drop));
    let base = url.split("/?").next().unwrap().to_string();
    assert!(
        url.contains("token="),
        "the printed address has no token: {url}"
    );
    Served {
        _child: child,
        url,
        base,
        log: log.map(Path::to_path_buf),
    }
}

/// chromedriver and a headless Chromium session.
pub(crate) struct Browser {
    pub(crate) rt: tokio::runtime::Runtime,
    client: Option<Client>,
    _driver: Killed,
    /// Where the browser saves what it downloads.
    pub(crate) downloads: PathBuf,
}

/// The browser's log (`goog:loggingPrefs`), which chromedriver still gives over its own
/// endpoint: every script error and failed load of the pages.
#[derive(Debug)]
struct BrowserLog;

impl fantoccini::wd::WebDriverCompatibleCommand for BrowserLog {
    fn endpoint(
        &self,
        base: &url::Url,
        session: Option<&str>,
    ) -> Result<url::Url, url::ParseError> {
        base.join(&format!("session/{}/se/log", session.unwrap_or_default()))
    }
    fn method_and_body(&self, _: &url::Url) -> (http::Method, Option<String>) {
        (http::Method::POST, Some(r#"{"type":"browser"}"#.into()))
    }
}

impl Browser {
    pub(crate) fn start(tools: (PathBuf, PathBuf)) -> Browser {
        Browser::start_in(tools, tempfile::tempdir().unwrap().keep())
    }

    /// A browser whose profile (cookies, the pages' stored drafts) is `profile`.
    pub(crate) fn start_in(
        (chromium, chromedriver): (PathBuf, PathBuf),
        profile: PathBuf,
    ) -> Browser {
        let port = free_port();
        let driver = Killed(
            Command::new(chromedriver)
                .arg(format!("--port={port}"))
                // File names in UTF-8 (a machine without the zh_CN locale falls back to ASCII
                // names, saving 台账.xlsx as "download"); the pages' language is --lang's.
                .env("LANG", "C.UTF-8")
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .spawn()
                .unwrap(),
        );
        let rt = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap();
        let downloads = tempfile::tempdir().unwrap().keep();
        let caps = serde_json::json!({
            "goog:loggingPrefs": { "browser": "ALL" },
            "goog:chromeOptions": {
                "prefs": {
                    "download.default_directory": downloads,
                    "download.prompt_for_download": false,
                },
                "binary": chromium,
                // As the machine's own check starts it: no sandbox (root), no GPU, and no
                // background connections, which a closed network refuses.
                "args": [
                    "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-quic", "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--window-size=1400,1000",
                    // A clerk's browser: Chinese, so date pickers read 年/月/日.
                    "--lang=zh-CN",
                    format!("--user-data-dir={}", profile.display()),
                ],
            }
        });
        let caps = match caps {
            serde_json::Value::Object(m) => m,
            _ => unreachable!(),
        };
        let endpoint = format!("http://127.0.0.1:{port}");
        let started = Instant::now();
        let client = loop {
            let attempt = rt.block_on(
                ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new())
                    .capabilities(caps.clone())
                    .connect(&endpoint),
            );
            match attempt {
                Ok(c) => break c,
                Err(e) if started.elapsed() < Duration::from_secs(30) => {
                    let _ = e;
                    std::thread::sleep(Duration::from_millis(200));
                }
                Err(e) => panic!("chromedriver did not start a browser: {e}"),
            }
        };
        Browser {
            rt,
            client: Some(client),
            _driver: driver,
            downloads,
        }
    }

    pub(crate) fn c(&self) -> &Client {
        self.client.as_ref().unwrap()
    }

    pub(crate) fn go(&self, url: &str) {
        self.rt.block_on(self.c().goto(url)).unwrap();
    }

    /// What the browser logged as severe since the last call: script errors, failed loads.
    pub(crate) fn severe(&self) -> Vec<String> {
        let log = self
            .rt
            .block_on(self.c().issue_cmd(BrowserLog))
            .unwrap_or_else(|e| panic!("the browser's log: {e}"));
        log.as_array()
            .map(|a| {
                a.iter()
                    .filter(|e| e["level"] == "SEVERE")
                    .map(|e| e["message"].as_str().unwrap_or_default().to_string())
                    .collect()
            })
            .unwrap_or_default()
    }

    /// The address of the page shown.
    pub(crate) fn here(&self) -> String {
        self.rt
            .block_on(self.c().current_url())
            .unwrap()
            .to_string()
    }

    /// Runs an asynchronous script (its last argument is the callback) and returns what it
    /// gave.
    pub(crate) fn js_async(&self, script: &str) -> serde_json::Value {
        self.rt
            .block_on(self.c().execute_async(script, vec![]))
            .unwrap_or_else(|e| panic!("script failed: {e}\n{script}"))
    }

    /// Runs a script in the page and returns its value.
    pub(crate) fn js(&self, script: &str) -> serde_json::Value {
        self.rt
            .block_on(self.c().execute(script, vec![]))
            .unwrap_or_else(|e| panic!("script failed: {e}\n{script}"))
    }

    /// Waits until `script` (an expression) is truthy, up to `secs`, and returns its value.
    pub(crate) fn wait_for(&self, what: &str, script: &str, secs: u64) -> serde_json::Value {
        let started = Instant::now();
        loop {
            let v = self.js(&format!("return ({script});"));
            let truthy = !matches!(v, serde_json::Value::Null | serde_json::Value::Bool(false))
                && v != serde_json::json!("")
                && v != serde_json::json!(0);
            if truthy {
                return v;
            }
            if started.elapsed() > Duration::from_secs(secs) {
                let body = self.js("return document.body ? document.body.innerText : ''");
                panic!("waited {secs} s for {what} ({script}); the page says:\n{body}");
            }
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    pub(crate) fn text(&self, css: &str) -> String {
        let el = self
            .rt
            .block_on(self.c().find(Locator::Css(css)))
            .unwrap_or_else(|e| panic!("no element {css}: {e}"));
        self.rt.block_on(el.text()).unwrap()
    }

    /// Replaces what a form field holds, as typing would (the page sees input events).
    pub(crate) fn type_into(&self, css: &str, value: &str) {
        let el = self
            .rt
            .block_on(self.c().find(Locator::Css(css)))
            .unwrap_or_else(|e| panic!("no field {css}: {e}"));
        self.rt.block_on(el.clear()).unwrap();
        self.rt.block_on(el.send_keys(value)).unwrap();
    }

    pub(crate) fn click(&self, css: &str) {
        let el = self
            .rt
            .block_on(self.c().find(Locator::Css(css)))
            .unwrap_or_else(|e| panic!("nothing to click at {css}: {e}"));
        // Brought to the middle of the window first, as a person scrolls to what she
        // presses (the form's save bar stays at its top).
        let arg = serde_json::to_value(&el).unwrap();
        self.rt
            .block_on(
                self.c()
                    .execute("arguments[0].scrollIntoView({block: 'center'});", vec![arg]),
            )
            .unwrap();
        self.rt
            .block_on(el.click())
            .unwrap_or_else(|e| panic!("cannot click {css}: {e}"));
    }

    /// Writes the picture of the page into `SPOTCHECK_SCREENSHOTS/name`, when asked to.
    pub(crate) fn screenshot(&self, name: &str) {
        if let Some(dir) = std::env::var_os("SPOTCHECK_SCREENSHOTS") {
            let png = self.rt.block_on(self.c().screenshot()).unwrap();
            std::fs::write(Path::new(&dir).join(name), png).unwrap();
        }
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        if let Some(c) = self.client.take() {
            let _ = self.rt.block_on(c.close());
        }
    }
}

/// The numbers `spotcheck status --format json` gives for the same day.
fn status_json(batch: &Path) -> serde_json::Value {
    let out = spotcheck()
        .args(["status", "--format", "json", "--today", TODAY])
        .arg(batch)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn the_dashboard_shows_the_numbers_of_status_and_the_token_is_kept_out_of_the_address() {
    let Some(tools) = tools() else { return };
    let batch = copy_sample();
    let out = tempfile::tempdir().unwrap();
    let served = serve(batch.path(), out.path());
    let b = Browser::start(tools);

    // Without the token: refused.
    b.go(&format!("{}/", served.base));
    let refused = b.js("return document.body.innerText");
    assert!(
        b.js("return document.getElementById('dashboard')")
            .is_null(),
        "the dashboard was shown without the token: {refused}"
    );

    // With it: the dashboard, and the token gone from the address bar.
    b.go(&served.url);
    b.wait_for("the dashboard", "document.getElementById('dashboard')", 20);
    let address = b.js("return location.href").as_str().unwrap().to_string();
    assert!(
        !address.contains("token"),
        "the token stays in the address: {address}"
    );
    assert_eq!(b.js("return document.documentElement.lang"), "zh-CN");
    b.screenshot("serve-dashboard.png");

    // Every category's numbers, and the total's, are status's.
    let st = status_json(batch.path());
    let rows = st["categories"]
        .as_array()
        .expect("status JSON has categories");
    assert!(!rows.is_empty());
    let shown = b.js(
        "return Array.from(document.querySelectorAll('#plan tr[data-category]')).map(tr => \
         [tr.dataset.category, Object.fromEntries(Array.from(tr.querySelectorAll('td[data-col]'))\
         .map(td => [td.dataset.col, td.innerText.trim()]))])",
    );
    let shown: std::collections::BTreeMap<String, serde_json::Value> = shown
        .as_array()
        .unwrap()
        .iter()
        .map(|p| (p[0].as_str().unwrap().to_string(), p[1].clone()))
        .collect();
    for row in rows {
        let name = row["category"].as_str().unwrap();
        let cells = shown
            .get(name)
            .unwrap_or_else(|| panic!("category {name} missing from the dashboard: {shown:?}"));
        for col in COLUMNS {
            let want = &row[col];
            assert!(!want.is_null(), "status JSON lacks {col}: {row}");
            assert_eq!(
                cells[col].as_str().unwrap_or(""),
                want.to_string(),
                "{name} {col}"
            );
        }
    }
    let total = shown
        .get("合计")
        .unwrap_or_else(|| panic!("no total row: {shown:?}"));
    for col in COLUMNS {
        assert_eq!(
            total[col].as_str().unwrap_or(""),
            st["total"][col].to_string(),
            "合计 {col}"
        );
    }

    // English on request, remembered.
    b.go(&format!("{}/?lang=en", served.base));
    b.wait_for(
        "the dashboard in English",
        "document.documentElement.lang == 'en'",
        20,
    );
    b.go(&format!("{}/", served.base));
    assert_eq!(b.js("return document.documentElement.lang"), "en");
}

#[test]
fn a_clerk_breaks_a_field_sees_the_finding_fixes_it_saves_and_the_preview_follows() {
    let Some(tools) = tools() else { return };
    let batch = copy_sample();
    let out = tempfile::tempdir().unwrap();
    let served = serve(batch.path(), out.path());
    let b = Browser::start(tools);
    let file = batch.path().join("cases/dx-001.yaml");
    let before = std::fs::read_to_string(&file).unwrap();

    // From the list to the case.
    b.go(&served.url);
    b.wait_for("the dashboard", "document.getElementById('dashboard')", 20);
    b.go(&format!("{}/cases?category=电线电缆", served.base));
    b.wait_for("the case list", "document.getElementById('cases')", 20);
    let listed = b.js(
        "return Array.from(document.querySelectorAll('tr[data-case]')).map(tr => tr.dataset.case)",
    );
    let listed: Vec<&str> = listed
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    assert!(listed.contains(&"DX-2023-001"), "{listed:?}");
    assert!(
        listed.iter().all(|id| id.starts_with("DX-")),
        "the category filter let others through: {listed:?}"
    );
    b.click("tr[data-case='DX-2023-001'] a");
    b.wait_for(
        "the case page",
        "document.querySelector('main#case[data-case=\"DX-2023-001\"]')",
        20,
    );
    let field = "[data-field='party.credit_code']";
    assert!(
        !b.text(&format!("{field} label")).is_empty(),
        "the credit code field has no label"
    );
    b.wait_for(
        "the first preview",
        "document.querySelector('#preview img.page') && document.querySelector('#preview img.page').naturalWidth > 0",
        120,
    );
    let version0 = b
        .js("return document.getElementById('preview').dataset.version")
        .to_string();

    // A wrong check character: the finding appears beside the field while typing.
    let input = format!("{field} input[name='party.credit_code']");
    b.type_into(&input, "91140500396174524X");
    let finding = b.wait_for(
        "the finding beside the credit code",
        &format!("document.querySelector(\"{field} .finding[data-severity='error']\") && document.querySelector(\"{field} .finding\").innerText"),
        20,
    );
    assert!(
        finding.as_str().unwrap().contains("统一社会信用代码")
            || finding.as_str().unwrap().contains("校验"),
        "the finding does not say what is wrong: {finding}"
    );
    b.screenshot("serve-case.png");

    // Fixed: the finding goes.
    b.type_into(&input, "91140500396174524Y");
    b.wait_for(
        "the finding to go",
        &format!("!document.querySelector(\"{field} .finding\")"),
        20,
    );

    // Another change, saved: on disk, and the preview re-rendered.
    b.type_into("[data-field='party.contact'] input", "田雅芹");
    b.click("#save");
    b.wait_for(
        "the save",
        "document.getElementById('save-status').innerText.includes('已保存')",
        30,
    );
    let after = std::fs::read_to_string(&file).unwrap();
    let saved: serde_yaml::Value = serde_yaml::from_str(&after).unwrap();
    let was: serde_yaml::Value = serde_yaml::from_str(&before).unwrap();
    assert_eq!(
        saved["party"]["contact"], "田雅芹",
        "the file on disk:\n{after}"
    );
    // Nothing else changed its meaning.
    assert_eq!(saved["signing"], was["signing"]);
    assert_eq!(saved["party"]["credit_code"], was["party"]["credit_code"]);
    b.wait_for(
        "the preview to follow the save",
        &format!("document.getElementById('preview').dataset.version != {version0}"),
        120,
    );
    // The file still loads and passes check as before.
    let checked = spotcheck().arg("check").arg(batch.path()).output().unwrap();
    assert!(
        checked.status.success(),
        "{}",
        String::from_utf8_lossy(&checked.stdout)
    );
}
