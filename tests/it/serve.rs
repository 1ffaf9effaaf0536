//! `spotcheck serve` over HTTP: the server started in process on a copy of a sample batch,
//! spoken to by a few lines of HTTP/1.1 over a socket (so that the Host header, the Origin
//! and the exact path bytes are what the test says).

use std::collections::BTreeMap;
use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::path::{Path, PathBuf};

use spotcheck::input::load;
use spotcheck::messages::Lang;
use spotcheck::serve::{self, Config, Server};

use super::common;

const TOKEN: &str = "test-token-0123456789abcdef";
const TODAY: &str = "2023-07-20";

struct Running {
    server: Server,
    dir: tempfile::TempDir,
    out: tempfile::TempDir,
}

impl Running {
    fn batch(&self) -> &Path {
        self.dir.path()
    }
    fn addr(&self) -> SocketAddr {
        self.server.addr
    }
    fn host(&self) -> String {
        format!("127.0.0.1:{}", self.addr().port())
    }
    fn origin(&self) -> String {
        format!("http://{}", self.host())
    }
    /// A request with the token in its header.
    fn get(&self, path: &str) -> Reply {
        self.raw("GET", path, &[("X-Spotcheck-Token", TOKEN)], b"")
    }
    /// A form post from the server's own page.
    fn post(&self, path: &str, body: &str) -> Reply {
        let origin = self.origin();
        self.raw(
            "POST",
            path,
            &[
                ("X-Spotcheck-Token", TOKEN),
                ("Origin", &origin),
                ("Content-Type", "application/x-www-form-urlencoded"),
            ],
            body.as_bytes(),
        )
    }
    fn raw(&self, method: &str, path: &str, headers: &[(&str, &str)], body: &[u8]) -> Reply {
        let host = self.host();
        let mut all: Vec<(&str, &str)> = vec![("Host", &host)];
        all.retain(|(k, _)| !headers.iter().any(|(h, _)| h.eq_ignore_ascii_case(k)));
        all.extend_from_slice(headers);
        request(self.addr(), method, path, &all, body)
    }
}

/// The server on a copy of the sample `name`.
fn start(name: &str) -> Running {
    start_with(name, serve::HEADER_TIMEOUT)
}

/// The server on a copy of the sample `name`, closing connections that take longer than
/// `header_timeout` to send a request's headers.
fn start_with(name: &str, header_timeout: std::time::Duration) -> Running {
    let dir = tempfile::tempdir().unwrap();
    let src = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("samples")
        .join(name);
    for e in walkdir::WalkDir::new(&src) {
        let e = e.unwrap();
        let target = dir.path().join(e.path().strip_prefix(&src).unwrap());
        if e.file_type().is_dir() {
            std::fs::create_dir_all(&target).unwrap();
        } else {
            std::fs::copy(e.path(), &target).unwrap();
        }
    }
    let out = tempfile::tempdir().unwrap();
    let server = serve::start(
        "127.0.0.1:0".parse().unwrap(),
        Config {
            batch: dir.path().to_path_buf(),
            out: out.path().to_path_buf(),
            lang: Lang::Zh,
            token: TOKEN.to_string(),
            today: Some(TODAY.parse().unwrap()),
            engine: common::engine(),
            access_log: None,
            header_timeout,
        },
    )
    .unwrap();
    Running { server, dir, out }
}

#[derive(Debug)]
struct Reply {
    status: u16,
    headers: Vec<(String, String)>,
    body: String,
}

impl Reply {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
    fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.body).unwrap_or_else(|e| panic!("{e}: {}", self.body))
    }
}

fn request(
    addr: SocketAddr,
    method: &str,
    path: &str,
    headers: &[(&str, &str)],
    body: &[u8],
) -> Reply {
    let mut s = TcpStream::connect(addr).unwrap();
    let mut head = format!("{method} {path} HTTP/1.1\r\n");
    for (k, v) in headers {
        head.push_str(&format!("{k}: {v}\r\n"));
    }
    head.push_str(&format!(
        "Content-Length: {}\r\nConnection: close\r\n\r\n",
        body.len()
    ));
    s.write_all(head.as_bytes()).unwrap();
    // A body the server refuses may be cut short by its answer.
    let _ = s.write_all(body);
    let mut raw = Vec::new();
    let _ = s.read_to_end(&mut raw);
    let text = String::from_utf8_lossy(&raw).into_owned();
    let (head, rest) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
    let mut lines = head.lines();
    let status = lines
        .next()
        .and_then(|l| l.split(' ').nth(1))
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| panic!("no status line in {text:?}"));
    let headers: Vec<(String, String)> = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim().to_string(), v.trim().to_string()))
        .collect();
    let chunked = headers
        .iter()
        .any(|(k, v)| k.eq_ignore_ascii_case("transfer-encoding") && v.contains("chunked"));
    let body = if chunked {
        dechunk(rest)
    } else {
        rest.to_string()
    };
    Reply {
        status,
        headers,
        body,
    }
}

fn dechunk(mut s: &str) -> String {
    let mut out = String::new();
    while let Some((size, rest)) = s.split_once("\r\n") {
        let n = usize::from_str_radix(size.trim(), 16).unwrap_or(0);
        if n == 0 {
            break;
        }
        out.push_str(&rest[..n]);
        s = &rest[n + 2..];
    }
    out
}

fn unescape(s: &str) -> String {
    s.replace("&quot;", "\"")
        .replace("&#x2F;", "/")
        .replace("&#39;", "'")
        .replace("&#x27;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

fn attr<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let at = tag.find(&format!(" {name}=\""))? + name.len() + 3;
    let end = tag[at..].find('"')? + at;
    Some(&tag[at..end])
}

/// The fields of the case form as a browser would post them: inputs, the selected option of
/// each select, textareas; those inside a disabled section left out is the browser's doing,
/// here every section is posted except those the outcome hides (`data-outcomes`).
fn form_fields(html: &str) -> Vec<(String, String)> {
    let start = html.find("<form id=\"case-form\"").expect("the case form");
    let end = html[start..].find("</form>").unwrap() + start;
    let form = &html[start..end];
    let outcome = {
        let at = form.find("name=\"outcome\"").unwrap();
        let sel = &form[at..at + form[at..].find("</select>").unwrap()];
        sel.split("<option")
            .find(|o| o.contains(" selected"))
            .and_then(|o| attr(o, "value"))
            .unwrap_or("")
            .to_string()
    };
    let mut out = vec![("_sha256".to_string(), sha_of(form))];
    for section in form.split("<fieldset class=\"section\"").skip(1) {
        let wanted = attr(&format!(" {section}"), "data-outcomes")
            .unwrap_or("")
            .to_string();
        let filled = section.contains("data-filled=\"true\"");
        if !filled && !wanted.is_empty() && !wanted.split(' ').any(|w| w == outcome) {
            continue;
        }
        let mut rest = section;
        while let Some(i) = rest.find('<') {
            rest = &rest[i..];
            let tag_end = rest.find('>').unwrap();
            let tag = &rest[..tag_end];
            if tag.starts_with("<input") {
                if let (Some(n), Some(v)) = (attr(tag, "name"), attr(tag, "value")) {
                    out.push((unescape(n), unescape(v)));
                }
            } else if tag.starts_with("<select") {
                let n = attr(tag, "name").unwrap().to_string();
                let close = rest.find("</select>").unwrap();
                let v = rest[..close]
                    .split("<option")
                    .find(|o| o.contains(" selected"))
                    .and_then(|o| attr(o, "value"))
                    .unwrap_or("");
                out.push((unescape(&n), unescape(v)));
                rest = &rest[close..];
                continue;
            } else if tag.starts_with("<textarea") {
                let n = attr(tag, "name").unwrap().to_string();
                let close = rest.find("</textarea>").unwrap();
                out.push((unescape(&n), unescape(&rest[tag_end + 1..close])));
                rest = &rest[close..];
                continue;
            }
            rest = &rest[tag_end..];
        }
    }
    out
}

fn encode(s: &str) -> String {
    spotcheck::serve::security::encode(s)
}

fn body_of(fields: &[(String, String)]) -> String {
    fields
        .iter()
        .map(|(k, v)| format!("{}={}", encode(k), encode(v)))
        .collect::<Vec<_>>()
        .join("&")
}

fn set(fields: &mut [(String, String)], name: &str, value: &str) {
    let f = fields
        .iter_mut()
        .find(|(k, _)| k == name)
        .unwrap_or_else(|| panic!("no field {name}"));
    f.1 = value.to_string();
}

fn sha_of(html: &str) -> String {
    let at = html.find("name=\"_sha256\" value=\"").unwrap() + 22;
    html[at..at + 64].to_string()
}

/// Every file under `dir` with its bytes.
fn snapshot(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .map(|e| e.unwrap())
        .filter(|e| e.file_type().is_file())
        .map(|e| (e.path().to_path_buf(), std::fs::read(e.path()).unwrap()))
        .collect()
}

#[test]
fn serve_refuses_requests_without_the_token_and_trades_the_token_for_a_cookie() {
    let s = start("jincheng-2023-1");
    let none = s.raw("GET", "/", &[], b"");
    assert_eq!(none.status, 403);
    assert!(none.body.contains("访问令牌"), "{}", none.body);
    let wrong = s.raw("GET", "/?token=wrong-token-0123456789abcdef", &[], b"");
    assert_eq!(wrong.status, 403);
    let wrong_header = s.raw("GET", "/cases", &[("X-Spotcheck-Token", "nope")], b"");
    assert_eq!(wrong_header.status, 403);
    // Assets too.
    assert_eq!(s.raw("GET", "/assets/serve.css", &[], b"").status, 403);

    let first = s.raw("GET", &format!("/?token={TOKEN}"), &[], b"");
    assert_eq!(first.status, 303);
    assert_eq!(first.header("location"), Some("/"));
    let cookie = first.header("set-cookie").unwrap().to_string();
    assert!(
        cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"),
        "{cookie}"
    );
    assert!(cookie.contains(TOKEN));
    let pair = cookie.split(';').next().unwrap().to_string();
    let with_cookie = s.raw("GET", "/", &[("Cookie", &pair)], b"");
    assert_eq!(with_cookie.status, 200);
    assert!(with_cookie.body.contains("<main id=\"dashboard\">"));
    assert!(with_cookie.body.contains("<html lang=\"zh-CN\">"));
    let with_header = s.get("/cases");
    assert_eq!(with_header.status, 200);
    // Nothing is loaded from elsewhere.
    assert!(!with_header.body.contains("http://") && !with_header.body.contains("https://"));
    assert!(
        with_header
            .header("content-security-policy")
            .unwrap()
            .contains("default-src 'self'")
    );
}

#[test]
fn serve_refuses_foreign_hosts_and_cross_site_posts() {
    let s = start("jincheng-2023-1");
    let port = s.addr().port();
    let evil = s.raw(
        "GET",
        "/",
        &[
            ("Host", &format!("evil.example:{port}")),
            ("X-Spotcheck-Token", TOKEN),
        ],
        b"",
    );
    assert_eq!(evil.status, 403);
    let no_port = s.raw(
        "GET",
        "/",
        &[("Host", "127.0.0.1"), ("X-Spotcheck-Token", TOKEN)],
        b"",
    );
    assert_eq!(no_port.status, 403);
    let localhost = s.raw(
        "GET",
        "/",
        &[
            ("Host", &format!("localhost:{port}")),
            ("X-Spotcheck-Token", TOKEN),
        ],
        b"",
    );
    assert_eq!(localhost.status, 200);

    let path = "/cases/DX-2023-001/check";
    let no_origin = s.raw("POST", path, &[("X-Spotcheck-Token", TOKEN)], b"id=x");
    assert_eq!(no_origin.status, 403);
    let foreign = s.raw(
        "POST",
        path,
        &[
            ("X-Spotcheck-Token", TOKEN),
            ("Origin", "http://evil.example"),
        ],
        b"id=x",
    );
    assert_eq!(foreign.status, 403);
    let cross_site = s.raw(
        "POST",
        path,
        &[
            ("X-Spotcheck-Token", TOKEN),
            ("Sec-Fetch-Site", "cross-site"),
        ],
        b"id=x",
    );
    assert_eq!(cross_site.status, 403);
    let own = s.post(path, "category=x");
    assert_eq!(own.status, 200, "{}", own.body);
    let same_site = s.raw(
        "POST",
        path,
        &[
            ("X-Spotcheck-Token", TOKEN),
            ("Sec-Fetch-Site", "same-origin"),
        ],
        b"category=x",
    );
    assert_eq!(same_site.status, 200);

    // What a browser sends for a plain form post under a policy that withholds the referrer:
    // `Origin: null`, taken only with the browser's own word that the page is this server's.
    let null_same = s.raw(
        "POST",
        path,
        &[
            ("X-Spotcheck-Token", TOKEN),
            ("Origin", "null"),
            ("Sec-Fetch-Site", "same-origin"),
        ],
        b"category=x",
    );
    assert_eq!(null_same.status, 200, "{}", null_same.body);
    for fetch_site in [None, Some("cross-site"), Some("same-site"), Some("none")] {
        let mut headers = vec![("X-Spotcheck-Token", TOKEN), ("Origin", "null")];
        headers.extend(fetch_site.map(|f| ("Sec-Fetch-Site", f)));
        let r = s.raw("POST", path, &headers, b"category=x");
        assert_eq!(r.status, 403, "Origin: null with {fetch_site:?}");
    }
    // A page's script is refused in JSON, which it can show.
    let scripted = s.raw(
        "POST",
        path,
        &[
            ("X-Spotcheck-Token", TOKEN),
            ("Origin", "http://evil.example"),
            ("Accept", "application/json"),
        ],
        b"id=x",
    );
    assert_eq!(scripted.status, 403);
    assert_eq!(scripted.json()["status"], "refused");
    // The pages tell the browser to name their origin on their own posts.
    assert_eq!(s.get("/").header("referrer-policy"), Some("same-origin"));
}

#[test]
fn serve_trades_a_token_only_for_a_path_of_its_own() {
    let s = start("jincheng-2023-1");
    for (asked, want) in [
        ("//evil.example/?token=T", "/evil.example/"),
        (
            "/\\evil.example/x?token=T&lang=en",
            "/evil.example/x?lang=en",
        ),
        ("///evil.example?token=T", "/evil.example"),
        ("/cases?token=T", "/cases"),
    ] {
        let r = s.raw("GET", &asked.replace('T', TOKEN), &[], b"");
        assert_eq!(r.status, 303, "{asked}");
        let to = r.header("location").unwrap();
        assert_eq!(to, want, "{asked}");
        assert!(
            !to.starts_with("//") && !to.starts_with("/\\"),
            "{asked} → {to}"
        );
    }
}

#[test]
fn serve_signs_a_script_out_in_json_without_the_token() {
    let s = start("jincheng-2023-1");
    let r = s.raw(
        "POST",
        "/cases/DX-2023-001/save",
        &[("Accept", "application/json"), ("Origin", &s.origin())],
        b"category=x",
    );
    assert_eq!(r.status, 403);
    let j = r.json();
    assert_eq!(j["signin"], true, "{j}");
    assert!(j["message"].as_str().unwrap().contains("重新打开"), "{j}");
    // A page still gets the page.
    let page = s.raw("GET", "/cases", &[], b"");
    assert_eq!(page.status, 403);
    assert!(page.body.contains("<main id=\"error\""));
}

#[test]
fn serve_paths_never_leave_the_batch() {
    let s = start("jincheng-2023-1");
    let before = snapshot(s.batch());
    for path in [
        "/cases/..%2F..%2Fetc%2Fpasswd",
        "/cases/%2Fetc%2Fpasswd",
        "/cases/..%2Fbatch.yaml",
        "/cases/..",
        "/cases/%2e%2e",
        "/cases/../../etc/passwd",
        "/cases/DX-2023-001%2F..%2F..%2Fbatch",
        "/cases/C:%5Cwindows%5Cwin.ini",
        "/cases/..%2F..%2Fetc%2Fpasswd/preview",
        "/cases/..%2F..%2Fetc%2Fpasswd/page/0",
        "/assets/..%2F..%2FCargo.toml",
    ] {
        let r = s.get(path);
        assert!(
            r.status == 404 || r.status == 400,
            "{path}: {} {}",
            r.status,
            r.body
        );
        assert!(!r.body.contains("root:"), "{path}");
    }
    for path in [
        "/cases/..%2F..%2Ftmp%2Fx/save",
        "/cases/%2Ftmp%2Fx/save",
        "/cases/..%2Fbatch.yaml/check",
    ] {
        let r = s.post(path, "_sha256=0&category=x");
        assert!(r.status == 404 || r.status == 400, "{path}: {}", r.status);
    }
    assert_eq!(snapshot(s.batch()), before, "nothing in the batch changed");
    assert!(snapshot(s.out.path()).is_empty(), "nothing written");
}

#[test]
fn serve_refuses_bodies_over_the_limit_and_malformed_forms() {
    let s = start("jincheng-2023-1");
    let big = vec![b'a'; serve::FORM_LIMIT + 1024];
    let origin = s.origin();
    let r = s.raw(
        "POST",
        "/cases/DX-2023-001/check",
        &[
            ("X-Spotcheck-Token", TOKEN),
            ("Origin", &origin),
            ("Content-Type", "application/x-www-form-urlencoded"),
        ],
        &big,
    );
    assert_eq!(r.status, 413);
    assert_eq!(r.json()["message"], "上传的内容过大。", "{}", r.body);
    let unknown = s.post("/cases/DX-2023-001/check", "no.such.field=1");
    assert_eq!(unknown.status, 400);
    assert!(
        unknown.json()["message"]
            .as_str()
            .unwrap()
            .contains("no.such.field")
    );
    let not_utf8 = s.raw(
        "POST",
        "/cases/DX-2023-001/check",
        &[("X-Spotcheck-Token", TOKEN), ("Origin", &origin)],
        &[0xff, 0xfe, b'=', 0xc3],
    );
    assert_eq!(not_utf8.status, 400);
    let bad_bool = s.post("/cases/DX-2023-001/check", "signing.party_signed=maybe");
    assert_eq!(bad_bool.status, 400);
    let deep_index = s.post("/cases/DX-2023-001/check", "visit.samplers.99999.name=x");
    assert_eq!(deep_index.status, 400);
}

/// The cells of the plan table: category → column → number.
fn plan_cells(html: &str) -> BTreeMap<String, BTreeMap<String, u64>> {
    let mut out = BTreeMap::new();
    for row in html.split("<tr data-category=\"").skip(1) {
        let name = unescape(&row[..row.find('"').unwrap()]);
        let row = &row[..row.find("</tr>").unwrap()];
        let mut cells = BTreeMap::new();
        for cell in row.split("<td data-col=\"").skip(1) {
            let key = &cell[..cell.find('"').unwrap()];
            let value = &cell[cell.find('>').unwrap() + 1..cell.find('<').unwrap()];
            cells.insert(key.to_string(), value.trim().parse().unwrap());
        }
        out.insert(name, cells);
    }
    out
}

#[test]
fn serve_dashboard_shows_the_numbers_of_status() {
    for name in ["jincheng-2023-1", "donghu-2024-1"] {
        let s = start(name);
        let page = s.get("/");
        assert_eq!(page.status, 200);
        let cells = plan_cells(&page.body);
        let out = common::spotcheck()
            .args(["status", "--today", TODAY, "--format", "json"])
            .arg(s.batch())
            .output()
            .unwrap();
        let st: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        let cols = COLUMNS;
        let rows = st["categories"].as_array().unwrap();
        assert_eq!(
            cells.len(),
            rows.len() + 1,
            "{name}: a row per category and 合计"
        );
        for (label, row) in rows
            .iter()
            .map(|r| (r["category"].as_str().unwrap(), r))
            .chain([("合计", &st["total"])])
        {
            let shown = cells
                .get(label)
                .unwrap_or_else(|| panic!("{name}: {label}"));
            for c in cols {
                assert_eq!(shown[c], row[c].as_u64().unwrap(), "{name} {label} {c}");
            }
        }
        assert!(cells["合计"]["planned"] > 0);
        // Deadlines and follow-ups as status has them.
        let deadlines = page.body.matches("<li data-state=\"").count();
        assert_eq!(deadlines, st["deadlines"].as_array().unwrap().len());
        let overdue = st["deadlines"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|d| d["state"] == "overdue")
            .count();
        assert_eq!(page.body.matches("data-state=\"overdue\"").count(), overdue);
        let followups = &page.body[page.body.find("id=\"followups\"").unwrap()..];
        for f in st["open_followups"].as_array().unwrap() {
            assert!(followups.contains(f["case"].as_str().unwrap()));
        }
    }
}

#[test]
fn serve_case_list_filters() {
    let s = start("jincheng-2023-1");
    let lb = load::load(s.batch()).unwrap();
    let ids = |html: &str| -> Vec<String> {
        html.split("<tr data-case=\"")
            .skip(1)
            .map(|r| r[..r.find('"').unwrap()].to_string())
            .collect()
    };
    let all = ids(&s.get("/cases").body);
    assert_eq!(all.len(), lb.cases.len());
    let refused = ids(&s.get("/cases?stage=refused").body);
    let want: Vec<String> = lb
        .cases
        .iter()
        .filter(|c| c.case.outcome.map(|o| o.key()) == Some("refused"))
        .map(|c| c.case.id.clone())
        .collect();
    assert!(!want.is_empty());
    assert_eq!(refused, want);
    let cat = &lb.cases[0].case.category;
    let by_cat = ids(&s.get(&format!("/cases?category={}", encode(cat))).body);
    assert!(!by_cat.is_empty() && by_cat.len() < all.len());
    for id in &by_cat {
        assert_eq!(&lb.case(id).unwrap().case.category, cat);
    }
    let date = lb.cases[0].case.visit.date.to_string();
    let by_date = ids(&s.get(&format!("/cases?date={date}&stage=&lab=")).body);
    assert!(by_date.contains(&lb.cases[0].case.id));
    assert!(by_date.len() < all.len());
    let none = ids(&s.get("/cases?lab=no-such-lab").body);
    assert!(none.is_empty());
    let page = s.get("/cases");
    for name in ["stage", "category", "lab", "county", "date"] {
        assert!(page.body.contains(&format!("name=\"{name}\"")), "{name}");
    }
    assert!(page.body.contains("<form id=\"filters\" method=\"get\""));
}

#[test]
fn serve_case_list_searches_pages_and_counts_each_cases_errors() {
    // 120 cases: three pages.
    let dir = tempfile::tempdir().unwrap();
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("samples/jincheng-2023-1");
    spotcheck::input::synth::generate(&src, 120, 7, dir.path()).unwrap();
    let out = tempfile::tempdir().unwrap();
    let server = serve::start(
        "127.0.0.1:0".parse().unwrap(),
        Config {
            batch: dir.path().to_path_buf(),
            out: out.path().to_path_buf(),
            lang: Lang::Zh,
            token: TOKEN.to_string(),
            today: Some(TODAY.parse().unwrap()),
            engine: common::engine(),
            header_timeout: serve::HEADER_TIMEOUT,
            access_log: None,
        },
    )
    .unwrap();
    let s = Running { server, dir, out };
    let ids = |html: &str| -> Vec<String> {
        html.split("<tr data-case=\"")
            .skip(1)
            .map(|r| r[..r.find('"').unwrap()].to_string())
            .collect()
    };
    let lb = load::load(s.batch()).unwrap();
    assert_eq!(lb.cases.len(), 120);
    let mut seen = Vec::new();
    for n in 1..=3 {
        let page = s.get(&format!("/cases?page={n}"));
        let shown = ids(&page.body);
        assert_eq!(shown.len(), if n < 3 { 50 } else { 20 }, "page {n}");
        seen.extend(shown);
    }
    let mut all: Vec<String> = lb.cases.iter().map(|c| c.case.id.clone()).collect();
    all.sort();
    seen.sort();
    assert_eq!(seen, all, "every case once over the pages");
    // A page past the last is the last; the pager keeps the filters.
    assert_eq!(ids(&s.get("/cases?page=99").body).len(), 20);
    let cat = &lb.cases[0].case.category;
    let first = s.get(&format!("/cases?category={}", encode(cat)));
    let in_cat = lb.cases.iter().filter(|c| &c.case.category == cat).count();
    if in_cat > 50 {
        assert!(
            first
                .body
                .contains(&format!("category={}&amp;page=2", encode(cat)))
        );
    }
    // Search: by enterprise name, by credit code, any case.
    let c = &lb.cases[17].case;
    for q in [
        c.party.name.as_str(),
        c.party.credit_code.as_str(),
        c.id.as_str(),
    ] {
        let found = ids(&s.get(&format!("/cases?q={}", encode(q))).body);
        assert!(found.contains(&c.id), "{q}: {found:?}");
        for id in &found {
            let o = &lb.case(id).unwrap().case;
            let hay = format!(
                "{} {} {} {}",
                o.id, o.party.name, o.party.credit_code, o.party.address
            );
            assert!(
                hay.to_lowercase().contains(&q.to_lowercase()),
                "{id} for {q}"
            );
        }
    }
    // Each case's errors, as check counts them: one broken case shows its count.
    let broken = &lb.cases[3];
    let path = s.batch().join(&broken.file);
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(
        &path,
        text.replacen(&broken.case.party.credit_code, "91140500396174524X", 1),
    )
    .unwrap();
    let lb = load::load(s.batch()).unwrap();
    let errors = spotcheck::rules::check(&lb)
        .iter()
        .filter(|d| d.file == broken.file && d.is_error())
        .count();
    assert!(errors > 0);
    let page = s.get(&format!("/cases?q={}", encode(&broken.case.id)));
    let row = page
        .body
        .split(&format!("<tr data-case=\"{}\"", broken.case.id))
        .nth(1)
        .unwrap();
    let row = &row[..row.find("</tr>").unwrap()];
    assert!(
        row.contains(&format!("data-col=\"errors\">{errors}</td>")),
        "{errors} errors: {row}"
    );
}

fn case_json(batch: &Path, id: &str) -> serde_json::Value {
    let lb = load::load(batch).unwrap_or_else(|e| panic!("{e}"));
    serde_json::to_value(&lb.case(id).unwrap().case).unwrap()
}

fn findings_of(batch: &Path, file: &str) -> Vec<(String, String)> {
    let lb = load::load(batch).unwrap();
    let mut v: Vec<(String, String)> = spotcheck::rules::check(&lb)
        .into_iter()
        .filter(|d| d.file == file)
        .map(|d| (d.rule.id().to_string(), d.path))
        .collect();
    v.sort();
    v
}

#[test]
fn serve_round_trip_keeps_the_meaning_and_saves_atomically_with_a_backup() {
    for (name, id, file) in [
        ("jincheng-2023-1", "DX-2023-001", "cases/dx-001.yaml"),
        ("donghu-2024-1", "", ""),
    ] {
        let s = start(name);
        let lb = load::load(s.batch()).unwrap();
        // Every case of the sample: opened and saved unchanged, the same case.
        let cases: Vec<(String, String)> = if id.is_empty() {
            lb.cases
                .iter()
                .map(|c| (c.case.id.clone(), c.file.clone()))
                .collect()
        } else {
            vec![(id.to_string(), file.to_string())]
        };
        for (id, file) in cases {
            let before = case_json(s.batch(), &id);
            let findings_before = findings_of(s.batch(), &file);
            let original = std::fs::read(s.batch().join(&file)).unwrap();
            let page = s.get(&format!("/cases/{id}"));
            assert_eq!(page.status, 200);
            assert!(
                page.body
                    .contains(&format!("<main id=\"case\" data-case=\"{id}\""))
            );
            let fields = form_fields(&page.body);
            let saved = s.post(&format!("/cases/{id}/save"), &body_of(&fields));
            assert_eq!(saved.status, 200, "{id}: {}", saved.body);
            assert_eq!(saved.json()["status"], "saved");
            assert_eq!(
                case_json(s.batch(), &id),
                before,
                "{id}: the meaning is kept"
            );
            assert_eq!(findings_of(s.batch(), &file), findings_before, "{id}");
            let text = std::fs::read_to_string(s.batch().join(&file)).unwrap();
            assert!(
                text.starts_with("# yaml-language-server: $schema=../case.schema.json\n"),
                "{text}"
            );
            if text.as_bytes() != original.as_slice() {
                let backup = s
                    .batch()
                    .join(".spotcheck-backup")
                    .join(format!("{file}.1"));
                assert_eq!(std::fs::read(&backup).unwrap(), original, "{id}");
            }
            // Saved again unchanged: the canonical form is a fixed point.
            let page = s.get(&format!("/cases/{id}"));
            let again = s.post(
                &format!("/cases/{id}/save"),
                &body_of(&form_fields(&page.body)),
            );
            assert_eq!(again.status, 200);
            assert_eq!(
                std::fs::read_to_string(s.batch().join(&file)).unwrap(),
                text
            );
        }
        // No temporary file left beside the case files.
        for e in walkdir::WalkDir::new(s.batch().join("cases")) {
            let e = e.unwrap();
            assert!(
                !e.file_name().to_string_lossy().starts_with('.'),
                "{:?}",
                e.path()
            );
        }
    }
}

#[test]
fn serve_save_writes_the_change_and_refuses_a_stale_form() {
    let s = start("jincheng-2023-1");
    let page = s.get("/cases/DX-2023-001");
    let mut fields = form_fields(&page.body);
    set(&mut fields, "party.contact", "王新");
    set(&mut fields, "product.unit_price", "220.5");
    let r = s.post("/cases/DX-2023-001/save", &body_of(&fields));
    assert_eq!(r.status, 200, "{}", r.body);
    let j = r.json();
    let lb = load::load(s.batch()).unwrap();
    let c = &lb.case("DX-2023-001").unwrap().case;
    assert_eq!(c.party.contact.as_deref(), Some("王新"));
    assert_eq!(
        c.product
            .as_ref()
            .unwrap()
            .unit_price
            .map(|m| m.to_string()),
        Some("220.50".to_string())
    );
    // The hash sent back is the new file's.
    let path = s.batch().join("cases/dx-001.yaml");
    let now = std::fs::read(&path).unwrap();
    let sha: String = {
        use sha2::Digest;
        sha2::Sha256::digest(&now)
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect()
    };
    assert_eq!(j["sha256"], sha);

    // The old form again: its hash is stale.
    set(&mut fields, "party.contact", "赵旧");
    assert_eq!(
        fields.iter().find(|f| f.0 == "_sha256").unwrap().1,
        sha_of(&page.body)
    );
    let stale = s.post("/cases/DX-2023-001/save", &body_of(&fields));
    assert_eq!(stale.status, 409);
    assert!(
        stale.json()["message"]
            .as_str()
            .unwrap()
            .contains("已被修改")
    );
    assert_eq!(std::fs::read(&path).unwrap(), now, "the file is unchanged");

    // A form that does not read as a case: not saved, the error beside its field.
    let page = s.get("/cases/DX-2023-001");
    let mut fields = form_fields(&page.body);
    set(&mut fields, "product.base_quantity", "两百");
    let r = s.post("/cases/DX-2023-001/save", &body_of(&fields));
    assert_eq!(r.status, 422);
    let findings = r.json()["findings"].as_array().unwrap().clone();
    assert!(
        findings
            .iter()
            .any(|f| f["field"] == "product.base_quantity" && f["severity"] == "error"),
        "{findings:?}"
    );
    assert_eq!(std::fs::read(&path).unwrap(), now);
}

#[test]
fn serve_live_check_puts_a_finding_beside_its_field_and_a_broken_save_drafts_the_preview() {
    let s = start("jincheng-2023-1");
    let page = s.get("/cases/DX-2023-001");
    let mut fields = form_fields(&page.body);
    let clean = s.post("/cases/DX-2023-001/check", &body_of(&fields));
    assert_eq!(clean.status, 200);
    let clean_findings = clean.json()["findings"].as_array().unwrap().clone();
    assert!(
        !clean_findings
            .iter()
            .any(|f| f["field"] == "party.credit_code"),
        "{clean_findings:?}"
    );
    // The check character changed: the code no longer checks.
    set(&mut fields, "party.credit_code", "91140500396174524X");
    let r = s.post("/cases/DX-2023-001/check", &body_of(&fields));
    assert_eq!(r.status, 200);
    let j = r.json();
    let finding = j["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["field"] == "party.credit_code")
        .unwrap_or_else(|| panic!("{j}"))
        .clone();
    assert_eq!(finding["severity"], "error");
    assert!(
        finding["rule"].as_str().unwrap().contains("credit"),
        "{finding}"
    );
    assert!(!finding["text"].as_str().unwrap().is_empty());
    // Nothing was written by checking.
    assert!(
        std::fs::read_to_string(s.batch().join("cases/dx-001.yaml"))
            .unwrap()
            .contains("91140500396174524Y")
    );

    // The first preview: clean.
    let p0 = s.get("/cases/DX-2023-001/preview").json();
    assert_eq!(p0["draft"], false);
    let v0 = p0["version"].as_u64().unwrap();
    assert!(!p0["pages"].as_array().unwrap().is_empty());

    // Saved broken: saved, and the preview made again as a draft.
    let saved = s.post("/cases/DX-2023-001/save", &body_of(&fields));
    assert_eq!(saved.status, 200, "{}", saved.body);
    let p = &saved.json()["preview"];
    assert_eq!(p["draft"], true);
    assert!(p["version"].as_u64().unwrap() > v0);
    let src = p["pages"][0]["src"].as_str().unwrap();
    let img = s.get(src);
    assert_eq!(img.status, 200);
    assert_eq!(img.header("content-type"), Some("image/png"));
    // The page shows the finding beside the field, and the preview's draft state.
    let page = s.get("/cases/DX-2023-001");
    let wrapper = &page.body[page.body.find("data-field=\"party.credit_code\"").unwrap()..];
    let wrapper = &wrapper[..wrapper.find("</div>").unwrap()];
    assert!(wrapper.contains("<p class=\"finding\""), "{wrapper}");
    assert!(wrapper.contains("data-severity=\"error\""));
    assert!(page.body.contains("data-draft=\"true\""));
    // The PDF of the preview says 草稿.
    let pdf = s
        .out
        .path()
        .join("preview/cases/DX-2023-001/sampling-sheet.pdf");
    assert!(common::pdf_text(&pdf).contains("草稿"));
}

#[test]
fn serve_speaks_english_when_asked_and_remembers_it() {
    let s = start("jincheng-2023-1");
    let r = s.get("/cases?lang=en");
    assert_eq!(r.status, 200);
    assert!(r.body.contains("<html lang=\"en\">"));
    let cookie = r
        .headers
        .iter()
        .filter(|(k, _)| k.eq_ignore_ascii_case("set-cookie"))
        .map(|(_, v)| v.clone())
        .find(|v| v.starts_with("lang="))
        .unwrap();
    assert!(cookie.starts_with("lang=en"));
    let again = s.raw(
        "GET",
        "/",
        &[("X-Spotcheck-Token", TOKEN), ("Cookie", "lang=en")],
        b"",
    );
    assert!(again.body.contains("<html lang=\"en\">"));
    assert!(again.body.contains("Overview"));
    let refused = s.raw("GET", "/", &[("Cookie", "lang=en")], b"");
    assert_eq!(refused.status, 403);
    assert!(refused.body.contains("access token"));
    // The money endpoint: the same 大写 as the documents.
    let m = s.get("/money?amount=185.5").json();
    let upper = spotcheck::documents::format::money_upper(
        spotcheck::input::money::Money::parse("185.5").unwrap(),
    );
    assert!(upper.starts_with("壹佰捌拾伍元伍角"));
    assert_eq!(m["upper"], upper.as_str());
}

/// The dashboard's columns, named as in status's JSON.
pub(crate) const COLUMNS: [&str; 8] = [
    "planned",
    "visited",
    "tested",
    "qualified",
    "unqualified",
    "refused",
    "not_sampled",
    "shortfall",
];

#[test]
fn serve_closes_a_connection_that_does_not_finish_its_headers() {
    let s = start_with("jincheng-2023-1", std::time::Duration::from_secs(1));
    let mut c = TcpStream::connect(s.addr()).unwrap();
    c.write_all(format!("GET / HTTP/1.1\r\nHost: {}\r\nX-Spotc", s.host()).as_bytes())
        .unwrap();
    c.set_read_timeout(Some(std::time::Duration::from_secs(10)))
        .unwrap();
    let started = std::time::Instant::now();
    let mut got = Vec::new();
    let read = c.read_to_end(&mut got);
    assert!(read.is_ok(), "still open after 10 s: {read:?}");
    assert!(started.elapsed() < std::time::Duration::from_secs(8));
    // Whatever it said on closing, it served nothing.
    assert!(!String::from_utf8_lossy(&got).contains("dashboard"));
    // The server goes on serving others.
    assert_eq!(s.get("/").status, 200);
}

fn mode_of(path: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path).unwrap().permissions().mode() & 0o777
}

#[test]
fn serve_saves_keep_the_files_mode_and_a_conflict_shows_the_files_version() {
    let s = start("jincheng-2023-1");
    let path = s.batch().join("cases/dx-001.yaml");
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).unwrap();
    }
    let page = s.get("/cases/DX-2023-001");
    let mut fields = form_fields(&page.body);
    set(&mut fields, "party.contact", "王新");
    let r = s.post("/cases/DX-2023-001/save", &body_of(&fields));
    assert_eq!(r.status, 200, "{}", r.body);
    assert_eq!(mode_of(&path), 0o640, "the case file's mode was changed");

    // The same form, opened before that save: refused, with what the file holds now beside.
    set(&mut fields, "party.contact", "赵旧");
    let stale = s.post("/cases/DX-2023-001/save", &body_of(&fields));
    assert_eq!(stale.status, 409);
    let j = stale.json();
    assert_eq!(j["theirs"]["party.contact"], "王新", "{j}");
    assert_eq!(j["theirs"]["id"], "DX-2023-001");
    assert_eq!(j["sha256"], r.json()["sha256"]);
    // Saved again on the file's hash, knowingly: what was typed wins.
    set(&mut fields, "_sha256", j["sha256"].as_str().unwrap());
    let again = s.post("/cases/DX-2023-001/save", &body_of(&fields));
    assert_eq!(again.status, 200, "{}", again.body);
    let lb = load::load(s.batch()).unwrap();
    let c = &lb.case("DX-2023-001").unwrap().case;
    assert_eq!(c.party.contact.as_deref(), Some("赵旧"));
}

#[test]
fn serve_previews_follow_hand_edits_and_a_failed_preview_is_said() {
    let s = start("jincheng-2023-1");
    let path = s.batch().join("cases/dx-001.yaml");
    let first = s.get("/cases/DX-2023-001/preview").json();
    let v1 = first["version"].as_u64().unwrap();
    assert!(first["problem"].is_null(), "{first}");
    // Asked again with nothing changed: the same pages.
    assert_eq!(s.get("/cases/DX-2023-001/preview").json()["version"], v1);

    // Edited by hand in an editor: the page shows the file, and the preview is made again.
    let text = std::fs::read_to_string(&path).unwrap();
    let contact = text
        .lines()
        .find_map(|l| l.trim().strip_prefix("contact: "))
        .unwrap()
        .to_string();
    std::fs::write(&path, text.replacen(&contact, "手改联系人", 1)).unwrap();
    let page = s.get("/cases/DX-2023-001");
    assert!(page.body.contains("手改联系人"));
    let second = s.get("/cases/DX-2023-001/preview").json();
    assert!(second["version"].as_u64().unwrap() > v1, "{second}");

    // A save whose documents cannot be made (a character no font has): saved, and said so,
    // never "已保存" alone beside the old pages.
    let mut fields = form_fields(&page.body);
    set(&mut fields, "party.contact", "\u{10FFFD}");
    let r = s.post("/cases/DX-2023-001/save", &body_of(&fields));
    assert_eq!(r.status, 200, "{}", r.body);
    let j = r.json();
    assert_eq!(j["preview_failed"], true, "{j}");
    let message = j["message"].as_str().unwrap();
    assert!(message.starts_with("已保存，但预览未能更新"), "{message}");
    assert!(message.contains("U+10FFFD"), "the reason: {message}");
    assert!(j["preview"]["problem"].is_string());
    // Asked later, the preview still says it is not this version's.
    assert!(s.get("/cases/DX-2023-001/preview").json()["problem"].is_string());
}

/// The text a clerk reads on a case page: labels, legends, help and findings (not the values
/// in the fields).
fn words_shown(html: &str) -> Vec<String> {
    let mut out = Vec::new();
    for (open, close) in [
        ("<label", "</label>"),
        ("<legend>", "</legend>"),
        ("<p class=\"desc\">", "</p>"),
        ("<p class=\"finding\"", "</p>"),
        ("<option", "</option>"),
    ] {
        let mut rest = html;
        while let Some(at) = rest.find(open) {
            let after = &rest[at..];
            let Some(end) = after.find(close) else { break };
            let inner = &after[..end];
            let text = inner[inner.find('>').map_or(0, |i| i + 1)..].to_string();
            // A label's path note (English pages only) is no sentence.
            out.push(unescape(&text));
            rest = &after[end..];
        }
    }
    out
}

#[test]
fn serve_speaks_to_a_clerk_in_words_not_in_the_files_field_names() {
    let names: std::collections::BTreeSet<String> =
        spotcheck::serve::plain::known_names().into_iter().collect();
    let check = |sample: &str, id: &str, text: &str| {
        let tokens =
            text.split(|c: char| !(c.is_ascii_alphanumeric() || matches!(c, '_' | '.' | '-')));
        for t in tokens
            .map(|t| t.trim_matches('.'))
            .filter(|t| !t.is_empty())
        {
            assert!(
                !names.contains(t) && !t.ends_with("yaml"),
                "{sample} {id}: “{t}” in “{text}”"
            );
        }
    };
    for sample in ["jincheng-2023-1", "donghu-2024-1"] {
        let s = start(sample);
        let lb = load::load(s.batch()).unwrap();
        // A case made wrong in many ways at once: its findings as the page shows them.
        let id = &lb.cases[0].case.id;
        let page = s.get(&format!("/cases/{id}"));
        let mut fields = form_fields(&page.body);
        for (name, value) in [
            ("outcome", ""),
            ("party.credit_code", "123"),
            ("party.phone", "12"),
            ("lab", "no-such-lab"),
            ("visit.date", "1999-01-01"),
        ] {
            set(&mut fields, name, value);
        }
        let r = s.post(&format!("/cases/{id}/check"), &body_of(&fields));
        let findings = r.json()["findings"].as_array().unwrap().clone();
        assert!(findings.len() >= 5, "{findings:?}");
        for f in &findings {
            check(sample, id, f["text"].as_str().unwrap());
        }
        // A field the file must have, left empty: the form does not read as a case.
        set(&mut fields, "visit.samplers.1.name", "");
        let r = s.post(&format!("/cases/{id}/check"), &body_of(&fields));
        let findings = r.json()["findings"].as_array().unwrap().clone();
        assert!(!findings.is_empty());
        for f in &findings {
            check(sample, id, f["text"].as_str().unwrap());
        }
        let mut shown = 0;
        for lc in &lb.cases {
            let page = s.get(&format!("/cases/{}", lc.case.id));
            assert_eq!(page.status, 200);
            for text in words_shown(&page.body) {
                shown += 1;
                check(sample, &lc.case.id, &text);
            }
        }
        assert!(shown > lb.cases.len() * 50, "{shown}");
    }
}

#[test]
fn serve_saves_the_strangest_text_as_itself() {
    let s = start("jincheng-2023-1");
    let page = s.get("/cases/DX-2023-001");
    let mut fields = form_fields(&page.body);
    let strange = [
        ("party.contact", "甲\u{2028}outcome: refused"),
        ("party.legal_rep", "乙\u{2029}# 注释 'x' \"y\""),
        ("party.address", "丙路 1 号\n  - item: 2\r\n丁"),
    ];
    for (name, value) in strange {
        set(&mut fields, name, value);
    }
    let r = s.post("/cases/DX-2023-001/save", &body_of(&fields));
    assert_eq!(r.status, 200, "{}", r.body);
    let lb = load::load(s.batch()).unwrap();
    let p = &lb.case("DX-2023-001").unwrap().case.party;
    assert_eq!(p.contact.as_deref(), Some(strange[0].1));
    assert_eq!(p.legal_rep.as_deref(), Some(strange[1].1));
    // A form's line breaks are CRLF on the wire and LF in the file.
    assert_eq!(p.address, strange[2].1.replace("\r\n", "\n"));
    assert!(lb.case("DX-2023-001").unwrap().case.outcome.is_some());
}
