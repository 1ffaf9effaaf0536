//! The work pages of `spotcheck serve`, over HTTP with the server started in process on a copy
//! of a sample: an imported list writes what `spotcheck import` writes (a bad one nothing, its
//! cells located), a day's pack downloads as a PDF, a build's progress moves through its stages
//! and its archive downloads and verifies (a second build is refused meanwhile), an uploaded
//! archive is verified (a tampered one names the changed file); and the limits: 413 past the
//! upload limit, 403 without the origin, 404 for a job or file that does not exist.

use std::io::{Read, Write};
use std::path::Path;
use std::time::{Duration, Instant};

use serde_json::Value;
use spotcheck::messages::{Lang, Msg};
use spotcheck::serve::work::ARCHIVE_LIMIT;
use spotcheck::serve::{self, Config, Server, UPLOAD_LIMIT};

use crate::common::*;
use crate::field::{
    bad_rows, copy_of, facts, good_rows, snapshot, with_planned, write_csv, write_xlsx,
};

const TOKEN: &str = "work-pages-test-token-0123";

/// A server on a batch folder, with its output folder.
struct App {
    server: Server,
    base: String,
    agent: ureq::Agent,
    out: tempfile::TempDir,
}

/// A status, the headers and the body of a response.
struct Reply {
    status: u16,
    location: Option<String>,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
}

impl Reply {
    fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }
    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

impl App {
    fn start(batch: &Path) -> App {
        let out = tempfile::tempdir().unwrap();
        let server = serve::start(
            "127.0.0.1:0".parse().unwrap(),
            Config {
                batch: batch.to_path_buf(),
                out: out.path().to_path_buf(),
                lang: Lang::Zh,
                token: TOKEN.into(),
                today: None,
                engine: engine(),
                access_log: None,
                header_timeout: serve::HEADER_TIMEOUT,
            },
        )
        .unwrap();
        let base = format!("http://{}", serve::host_of(server.addr));
        let agent: ureq::Agent = ureq::Agent::config_builder()
            .max_redirects(0)
            .http_status_as_error(false)
            .build()
            .into();
        App {
            server,
            base,
            agent,
            out,
        }
    }

    fn reply(r: Result<ureq::http::Response<ureq::Body>, ureq::Error>) -> Reply {
        let mut r = r.unwrap();
        let location = r
            .headers()
            .get("location")
            .and_then(|v| v.to_str().ok())
            .map(str::to_string);
        let headers = r
            .headers()
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_str().unwrap_or("").to_string()))
            .collect();
        Reply {
            status: r.status().as_u16(),
            location,
            headers,
            body: r
                .body_mut()
                .with_config()
                .limit(u64::MAX)
                .read_to_vec()
                .unwrap(),
        }
    }

    fn get(&self, path: &str) -> Reply {
        App::reply(
            self.agent
                .get(format!("{}{path}", self.base))
                .header("X-Spotcheck-Token", TOKEN)
                .call(),
        )
    }

    /// A POST from a page of the server (token and origin), or without the origin.
    fn post(&self, path: &str, content_type: &str, body: &[u8], origin: bool) -> Reply {
        let mut r = self
            .agent
            .post(format!("{}{path}", self.base))
            .header("X-Spotcheck-Token", TOKEN)
            .header("Content-Type", content_type);
        if origin {
            r = r.header("Origin", &self.base);
        }
        App::reply(r.send(body))
    }

    fn form(&self, path: &str, body: &str) -> Reply {
        self.post(
            path,
            "application/x-www-form-urlencoded",
            body.as_bytes(),
            true,
        )
    }

    /// A multipart form of files: field name, file name, bytes.
    fn upload(&self, path: &str, files: &[(&str, &str, &[u8])]) -> Reply {
        let boundary = "----spotcheck-test-boundary-7d1f";
        let mut body = Vec::new();
        for (field, name, bytes) in files {
            body.extend_from_slice(
                format!(
                    "--{boundary}\r\nContent-Disposition: form-data; name=\"{field}\"; filename=\"{name}\"\r\nContent-Type: application/octet-stream\r\n\r\n"
                )
                .as_bytes(),
            );
            body.extend_from_slice(bytes);
            body.extend_from_slice(b"\r\n");
        }
        body.extend_from_slice(format!("--{boundary}--\r\n").as_bytes());
        self.post(
            path,
            &format!("multipart/form-data; boundary={boundary}"),
            &body,
            true,
        )
    }

    /// The id of the job a POST started (it sends the browser to the job's page).
    fn job_of(&self, r: &Reply) -> u64 {
        assert_eq!(r.status, 303, "{}", r.text());
        let to = r.location.as_deref().unwrap();
        to.strip_prefix("/work/jobs/")
            .and_then(|s| s.strip_suffix("/view"))
            .and_then(|s| s.parse().ok())
            .unwrap_or_else(|| panic!("{to}"))
    }

    fn status(&self, id: u64) -> Value {
        let r = self.get(&format!("/work/jobs/{id}"));
        assert_eq!(r.status, 200, "{}", r.text());
        serde_json::from_slice(&r.body).unwrap()
    }

    /// Polls the job until it is finished: every status seen, the last one last.
    fn wait(&self, id: u64) -> Vec<Value> {
        let started = Instant::now();
        let mut seen = Vec::new();
        loop {
            let s = self.status(id);
            let finished = s["finished"].as_bool().unwrap();
            seen.push(s);
            if finished {
                return seen;
            }
            assert!(
                started.elapsed() < Duration::from_secs(900),
                "job {id} did not finish: {:?}",
                seen.last()
            );
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    /// Every line of a finished job, one a line.
    fn lines(s: &Value) -> String {
        s["lines"]
            .as_array()
            .unwrap()
            .iter()
            .map(|l| l["text"].as_str().unwrap().to_string() + "\n")
            .collect()
    }

    /// A file the job offers, by its link: its whole length declared before it is streamed,
    /// a PDF shown in the browser, anything else saved.
    fn download(&self, s: &Value, n: usize) -> Vec<u8> {
        let url = s["files"][n]["url"].as_str().unwrap();
        let r = self.get(url);
        assert_eq!(r.status, 200, "{url}: {}", r.text());
        assert_eq!(
            r.header("content-length"),
            Some(r.body.len().to_string().as_str()),
            "{url}"
        );
        let label = s["files"][n]["label"].as_str().unwrap();
        let disposition = r.header("content-disposition").unwrap();
        let inline = label.ends_with(".pdf");
        assert_eq!(s["files"][n]["inline"], inline, "{label}");
        assert!(
            disposition.starts_with(if inline { "inline;" } else { "attachment;" }),
            "{label}: {disposition}"
        );
        r.body
    }
}

fn donghu() -> std::path::PathBuf {
    samples()
        .into_iter()
        .find(|p| p.ends_with("donghu-2024-1"))
        .unwrap()
}

#[test]
fn an_imported_list_writes_what_the_command_writes_and_a_bad_one_nothing() {
    for sample in samples() {
        let web = copy_of(&sample);
        let cli = copy_of(&sample);
        let lists = tempfile::tempdir().unwrap();
        let f = facts(web.path());
        let good = lists.path().join("list.csv");
        write_csv(&good, &good_rows(&f));

        // A bad list first: every bad cell located, as the clerk named the file; nothing
        // written.
        let rows = bad_rows(&f);
        let bad_list = lists.path().join("bad.xlsx");
        write_xlsx(&bad_list, "企业名单", &rows);
        let before = snapshot(web.path());
        let app = App::start(web.path());
        let r = app.upload(
            "/work/import",
            &[("list", "名单.xlsx", &std::fs::read(&bad_list).unwrap())],
        );
        let id = app.job_of(&r);
        let s = app.wait(id).pop().unwrap();
        assert_eq!(s["ok"], false);
        // In the language of the page that asks.
        let en: Value =
            serde_json::from_slice(&app.get(&format!("/work/jobs/{id}?lang=en")).body).unwrap();
        let en = App::lines(&en);
        assert!(en.contains("5 errors: nothing was written"), "{en}");
        assert!(
            en.contains("名单.xlsx:企业名单!C5 统一社会信用代码: error[party.credit-code]"),
            "{en}"
        );
        let shown = App::lines(&s);
        for want in [
            "名单.xlsx:企业名单!C5 统一社会信用代码: 错误[party.credit-code]",
            "名单.xlsx:企业名单!D5 地址: 错误[import.cell]",
            "名单.xlsx:企业名单!I6 计划日期: 错误[import.cell]",
            "名单.xlsx:企业名单!J6 承检机构: 错误[import.cell]",
            "名单.xlsx:企业名单!C7 统一社会信用代码: 错误[import.duplicate]",
            "5 处错误，未写入任何文件",
        ] {
            assert!(shown.contains(want), "{want} not in\n{shown}");
        }
        assert!(!shown.contains("uploads"), "the saved file's path: {shown}");
        assert_eq!(snapshot(web.path()), before, "nothing written");
        assert!(app.out.path().join("uploads").is_dir(), "uploads under OUT");

        // The good list: the cases `spotcheck import` makes of it, byte for byte.
        let r = app.upload(
            "/work/import",
            &[("list", "list.csv", &std::fs::read(&good).unwrap())],
        );
        let s = app.wait(app.job_of(&r)).pop().unwrap();
        let shown = App::lines(&s);
        assert_eq!(s["ok"], true, "{shown}");
        assert!(shown.contains("已导入 2 个计划中的案例"), "{shown}");
        let o = spotcheck()
            .args([
                "import",
                cli.path().to_str().unwrap(),
                good.to_str().unwrap(),
            ])
            .output()
            .unwrap();
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        let made = snapshot(web.path());
        assert_eq!(made.len(), before.len() + 2, "two planned cases");
        assert_eq!(
            made,
            snapshot(cli.path()),
            "the web writes what import writes"
        );
        for (path, _) in made.iter().filter(|(p, _)| !before.contains_key(*p)) {
            let id = String::from_utf8_lossy(&made[path])
                .lines()
                .find_map(|l| l.strip_prefix("id: ").map(str::to_string))
                .unwrap();
            assert!(shown.contains(&id), "{id} shown as created: {shown}");
            assert!(web.path().join("evidence").join(&id).is_dir());
        }
        app.server.stop().unwrap();
    }
}

#[test]
fn a_days_pack_downloads_as_a_pdf_of_the_days_visits() {
    let batch = with_planned(&donghu());
    let f = facts(batch.path());
    let app = App::start(batch.path());
    let page = app.get("/work").text();
    assert!(
        page.contains(&format!("<option value=\"{}\">", f.start)),
        "the day is offered"
    );
    let r = app.form("/work/pack", &format!("date={}", f.start));
    let seen = app.wait(app.job_of(&r));
    let s = seen.last().unwrap();
    let shown = App::lines(s);
    assert_eq!(s["ok"], true, "{shown}");
    // Counted visit by visit while it ran.
    assert!(
        seen.iter()
            .any(|s| s["phase"] == Msg::ProgressRender.template(Lang::Zh)
                && s["total"].as_u64().unwrap() >= 2),
        "{seen:?}"
    );
    let files = s["files"].as_array().unwrap();
    assert!(!files.is_empty(), "{s}");
    let mut parties = String::new();
    for n in 0..files.len() {
        let pdf = app.download(s, n);
        assert!(pdf.starts_with(b"%PDF-"), "a PDF");
        let doc = lopdf::Document::load_mem(&pdf).unwrap();
        let pages = doc.get_pages().len();
        // The pack's line names its pages: the file downloaded is that pack.
        assert!(
            shown.contains(&format!("{pages} 页")),
            "{pages} pages, in {shown}"
        );
        assert_eq!(pages % 2, 0, "duplex");
        let text = pdf_extract::extract_text_from_mem(&pdf).unwrap();
        assert!(squash(&text).contains("抽样路线单"));
        parties.push_str(&squash(&text));
    }
    for n in 1..=2 {
        assert!(
            parties.contains(&format!("计划企业{n}有限公司")),
            "visit {n}"
        );
    }
    // A day without visits: the command's own refusal.
    let r = app.form("/work/pack", "date=2001-01-01");
    let s = app.wait(app.job_of(&r)).pop().unwrap();
    assert_eq!(s["ok"], false);
    assert!(App::lines(&s).contains("2001年1月1日 没有安排抽样"), "{s}");
    app.server.stop().unwrap();
}

/// A zip's entries with one file's byte flipped.
/// `zip` with one more entry of `size` bytes that do not compress.
fn with_entry(zip: &[u8], name: &str, size: usize) -> Vec<u8> {
    let mut from = zip::ZipArchive::new(std::io::Cursor::new(zip.to_vec())).unwrap();
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for i in 0..from.len() {
        out.raw_copy_file(from.by_index(i).unwrap()).unwrap();
    }
    let opts =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    out.start_file(name, opts).unwrap();
    let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
    let noise: Vec<u8> = (0..size)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x as u8
        })
        .collect();
    out.write_all(&noise).unwrap();
    out.finish().unwrap().into_inner()
}

fn tampered(zip: &[u8], target: &str) -> Vec<u8> {
    let mut z = zip::ZipArchive::new(std::io::Cursor::new(zip)).unwrap();
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for i in 0..z.len() {
        let mut f = z.by_index(i).unwrap();
        let name = f.name().unwrap().to_string();
        let mut content = Vec::new();
        f.read_to_end(&mut content).unwrap();
        if name.ends_with(target) {
            let i = content.len() / 2;
            content[i] ^= 0x01;
        }
        w.start_file(&name, zip::write::SimpleFileOptions::default())
            .unwrap();
        w.write_all(&content).unwrap();
    }
    w.finish().unwrap().into_inner()
}

#[test]
fn a_build_shows_its_progress_downloads_its_archive_and_the_archive_verifies() {
    let batch = copy_of(&donghu());
    let app = App::start(batch.path());
    let r = app.form("/work/build", "");
    let id = app.job_of(&r);
    // One build at a time.
    let again = app.form("/work/build", "");
    assert_eq!(again.status, 409, "{}", again.text());
    assert!(again.text().contains("已有一个生成任务在进行"));
    // The page of the refusal links to the build that runs.
    let page = again.text().replace("&#x2F;", "/"); // as Tera escapes `/`
    assert!(
        page.contains(&format!(
            "<a href=\"/work/jobs/{id}/view\">查看进行中的任务</a>"
        )),
        "{page}"
    );
    let seen = app.wait(id);
    let s = seen.last().unwrap();
    let shown = App::lines(s);
    assert_eq!(s["ok"], true, "{shown}");
    // Through the library's stages, the rendering counted document by document.
    let stages: Vec<&str> = seen.iter().map(|s| s["phase"].as_str().unwrap()).collect();
    for stage in [Msg::ProgressRender, Msg::ProgressArchive] {
        assert!(
            stages.contains(&stage.template(Lang::Zh)),
            "{stage:?} in {stages:?}"
        );
    }
    let render: Vec<(u64, u64)> = seen
        .iter()
        .filter(|s| s["phase"] == Msg::ProgressRender.template(Lang::Zh))
        .map(|s| (s["done"].as_u64().unwrap(), s["total"].as_u64().unwrap()))
        .collect();
    assert!(render.iter().all(|(d, t)| *t > 100 && d <= t), "{render:?}");
    assert!(
        render.windows(2).all(|w| w[0].0 <= w[1].0) && render.len() > 1,
        "{render:?}"
    );
    assert!(shown.contains("归档："), "{shown}");
    // A second build once the first is done is welcome.
    assert_eq!(s["files"][0]["label"], "DH-2024-01.zip");
    let zip = app.download(s, 0);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("downloaded.zip");
    std::fs::write(&path, &zip).unwrap();
    let o = spotcheck()
        .args(["verify", path.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stdout)
    );

    // The archive uploaded and verified on the page: intact; altered: the file named.
    let r = app.upload("/work/verify", &[("archive", "DH-2024-01.zip", &zip)]);
    let s = app.wait(app.job_of(&r)).pop().unwrap();
    let shown = App::lines(&s);
    assert_eq!(s["ok"], true, "{shown}");
    let verdict = s["lines"][1]["text"].as_str().unwrap();
    assert!(
        verdict.contains(Msg::VerifyIntact.template(Lang::Zh)),
        "{shown}"
    );
    assert!(
        shown.contains("DH-2024-01.zip"),
        "named as uploaded: {shown}"
    );
    assert!(!shown.contains("uploads"), "{shown}");
    // With a public key, the signature must be there: this archive is unsigned.
    let keys = tempfile::tempdir().unwrap();
    let o = spotcheck()
        .args(["keygen", "--owner", "某检验所", "-o"])
        .arg(keys.path())
        .output()
        .unwrap();
    assert!(o.status.success());
    let public = std::fs::read(keys.path().join("spotcheck.pub")).unwrap();
    let r = app.upload(
        "/work/verify",
        &[
            ("archive", "DH-2024-01.zip", &zip),
            ("pubkey", "lab.pub", &public),
        ],
    );
    let s = app.wait(app.job_of(&r)).pop().unwrap();
    let shown = App::lines(&s);
    assert_eq!(s["ok"], false, "{shown}");
    assert!(
        shown.contains(Msg::VerifySigMissing.template(Lang::Zh)),
        "{shown}"
    );
    let r = app.upload(
        "/work/verify",
        &[
            ("archive", "DH-2024-01.zip", &zip),
            ("pubkey", "lab.pub", b"not a key"),
        ],
    );
    let s = app.wait(app.job_of(&r)).pop().unwrap();
    let shown = App::lines(&s);
    assert_eq!(s["ok"], false, "{shown}");
    assert!(
        shown.contains("lab.pub"),
        "the key named as uploaded: {shown}"
    );
    assert!(!shown.contains("uploads"), "{shown}");

    let target = "data/source/batch.yaml";
    let r = app.upload(
        "/work/verify",
        &[("archive", "改过的.zip", &tampered(&zip, target))],
    );
    let s = app.wait(app.job_of(&r)).pop().unwrap();
    let shown = App::lines(&s);
    assert_eq!(s["ok"], false, "{shown}");
    assert!(
        s["lines"][1]["text"]
            .as_str()
            .unwrap()
            .contains(Msg::VerifyDamaged.template(Lang::Zh)),
        "{shown}"
    );
    assert!(shown.contains(target), "{target} named: {shown}");

    // An archive larger than the other uploads may be (a lab's batch of thousands of cases):
    // taken, written to disk as it arrives, and verified.
    let big = with_entry(&zip, "data/extra/scan.bin", 40 << 20);
    assert!(big.len() > UPLOAD_LIMIT);
    let r = app.upload("/work/verify", &[("archive", "大批次.zip", &big)]);
    let s = app.wait(app.job_of(&r)).pop().unwrap();
    let shown = App::lines(&s);
    assert_eq!(s["ok"], false, "{shown}");
    assert!(shown.contains("data/extra/scan.bin"), "{shown}");
    assert!(shown.contains("大批次.zip"), "{shown}");
    let r = app.form("/work/build", "");
    assert_eq!(r.status, 303, "a build after the first: {}", r.text());
    app.wait(app.job_of(&r));
    app.server.stop().unwrap();
}

/// A raw request: the status line's code of the reply.
fn raw(addr: std::net::SocketAddr, request: &str) -> (u16, String) {
    let mut s = std::net::TcpStream::connect(addr).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(30))).unwrap();
    s.write_all(request.as_bytes()).unwrap();
    let mut reply = Vec::new();
    let _ = s.read_to_end(&mut reply);
    let reply = String::from_utf8_lossy(&reply).into_owned();
    let code = reply
        .split(' ')
        .nth(1)
        .and_then(|c| c.parse().ok())
        .unwrap_or(0);
    (code, reply)
}

#[test]
fn uploads_past_the_limit_posts_from_elsewhere_and_paths_outside_the_jobs_are_refused() {
    let batch = copy_of(&donghu());
    let app = App::start(batch.path());
    let host = serve::host_of(app.server.addr);
    // Past the upload limit: refused before a byte of the body is sent.
    for (route, limit) in [
        ("/work/import", UPLOAD_LIMIT),
        ("/work/verify", ARCHIVE_LIMIT),
    ] {
        let (code, reply) = raw(
            app.server.addr,
            &format!(
                "POST {route} HTTP/1.1\r\nHost: {host}\r\nX-Spotcheck-Token: {TOKEN}\r\nOrigin: http://{host}\r\n\
                 Content-Type: multipart/form-data; boundary=b\r\nContent-Length: {}\r\nExpect: 100-continue\r\nConnection: close\r\n\r\n",
                limit + 1
            ),
        );
        assert_eq!(code, 413, "{route}: {reply}");
        assert!(reply.contains("文件过大"), "{reply}");
    }
    // A list within the limit is read.
    let r = app.upload("/work/import", &[("list", "x.txt", b"not a list")]);
    let s = app.wait(app.job_of(&r)).pop().unwrap();
    assert_eq!(s["ok"], false);
    assert!(App::lines(&s).contains("x.txt"), "{s}");

    // Without the origin: refused, and no job started.
    let before = app.get("/work/jobs/2");
    assert_eq!(before.status, 404);
    let r = app.post(
        "/work/build",
        "application/x-www-form-urlencoded",
        b"",
        false,
    );
    assert_eq!(r.status, 403, "{}", r.text());
    assert_eq!(app.get("/work/jobs/2").status, 404, "no build started");

    // Only the files a job made, by index: no path, no other job.
    let marker = std::fs::read_to_string(batch.path().join("batch.yaml")).unwrap();
    let marker = marker.lines().find(|l| l.contains("document_no")).unwrap();
    for path in [
        "/work/jobs/99/view",
        "/work/jobs/99/files/0",
        "/work/jobs/x/files/0",
        "/work/jobs/1/files/0",
        "/work/jobs/1/files/..%2F..%2Fbatch.yaml",
        "/work/jobs/1/files/%2Fetc%2Fpasswd",
        "/work/jobs/1/files/-1",
    ] {
        let r = app.get(path);
        assert_eq!(r.status, 404, "{path}: {}", r.text());
        assert!(!r.text().contains(marker), "{path}");
    }
    let (code, reply) = raw(
        app.server.addr,
        &format!(
            "GET /work/jobs/1/files/../../../batch.yaml HTTP/1.1\r\nHost: {host}\r\nX-Spotcheck-Token: {TOKEN}\r\nConnection: close\r\n\r\n"
        ),
    );
    assert_eq!(code, 404, "{reply}");
    assert!(!reply.contains(marker));
    let r = app.get("/work/jobs/99");
    assert_eq!(r.status, 404);
    app.server.stop().unwrap();
}

#[test]
fn a_hostile_list_on_the_page_is_refused_by_its_cell_or_written_as_itself() {
    let batch = copy_of(&sample_dir());
    let lists = tempfile::tempdir().unwrap();
    let app = App::start(batch.path());
    let before = snapshot(batch.path());

    let far = lists.path().join("far.xlsx");
    crate::import_hostile::far_list(batch.path(), &far);
    let r = app.upload(
        "/work/import",
        &[("list", "far.xlsx", &std::fs::read(&far).unwrap())],
    );
    let s = app.wait(app.job_of(&r)).pop().unwrap();
    let shown = App::lines(&s);
    assert_eq!(s["ok"], false, "{shown}");
    assert!(shown.contains("far.xlsx:Sheet1!XFD1048576"), "{shown}");
    assert_eq!(snapshot(batch.path()), before);

    // Strange text in the cells and in the name the browser gives the file.
    let rows = crate::import_hostile::strange_rows(batch.path(), 2);
    let list = lists.path().join("list.csv");
    write_csv(&list, &rows);
    let name = "名单\u{2028}outcome: refused\u{2029}# x.csv";
    let r = app.upload(
        "/work/import",
        &[("list", name, &std::fs::read(&list).unwrap())],
    );
    let s = app.wait(app.job_of(&r)).pop().unwrap();
    let shown = App::lines(&s);
    assert_eq!(s["ok"], true, "{shown}");
    for (i, row) in rows.iter().skip(2).enumerate() {
        let got = crate::import_hostile::read_back(batch.path(), crate::field::CODES[i]);
        assert_eq!(got, (row[1].clone(), row[3].clone(), row[4].clone()));
    }
    app.server.stop().unwrap();
}
