//! The benchmark of `spotcheck serve` (docs/serve.md): the dashboard's response time on a
//! synthetic batch of N cases (the first request, which loads the batch, then requests that
//! find it loaded, then a request after a case file changed), and the time from saving a case
//! to its updated preview (the save's answer, which renders the case's documents, then every
//! page image fetched), on the sample batch and on the synthetic one.
//!
//! `cargo run --bin spotcheck-serve-bench -- --cases 10000 --runs 7`

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use anyhow::{Context, Result};
use clap::Parser;
use sha2::Digest as _;
use spotcheck::documents::engine::{Engine, PdfSettings};
use spotcheck::documents::fonts::FontOptions;
use spotcheck::input::load;
use spotcheck::messages::Lang;
use spotcheck::serve::{self, Config, security::encode};

#[global_allocator]
static GLOBAL: spotcheck::allocator::Allocator = mimalloc::MiMalloc;

#[derive(Parser, Debug)]
#[command(
    name = "spotcheck-serve-bench",
    about = "Benchmark of spotcheck serve: the dashboard and save → preview (docs/serve.md)"
)]
struct Args {
    /// Cases of the synthetic batch.
    #[arg(long, default_value_t = 10_000)]
    cases: usize,
    /// Requests per measure; medians are reported.
    #[arg(long, default_value_t = 7)]
    runs: usize,
    /// The batch folder the synthetic cases are made from, and the one of the small measure.
    #[arg(long, default_value = concat!(env!("CARGO_MANIFEST_DIR"), "/samples/jincheng-2023-1"))]
    source: PathBuf,
    /// The case saved.
    #[arg(long, default_value = "DX-2023-001")]
    case: String,
}

const TOKEN: &str = "bench-token-0123456789abcdef";

fn main() -> Result<()> {
    spotcheck::allocator::tune();
    let args = Args::parse();
    let work = tempfile::tempdir()?;
    let engine = Engine::new(
        &FontOptions {
            font_paths: vec![],
            system_fonts: false,
        },
        PdfSettings::default(),
    );

    let small = work.path().join("sample");
    copy_dir(&args.source, &small)?;
    let big = work.path().join("synthetic");
    let t = Instant::now();
    let made = spotcheck::input::synth::generate(&args.source, args.cases, 2023, &big)
        .map_err(anyhow::Error::msg)?;
    println!(
        "synthetic batch: {} cases written in {:.1} s",
        made.cases,
        t.elapsed().as_secs_f64()
    );

    for (name, batch) in [("sample", &small), ("synthetic", &big)] {
        let server = serve::start(
            "127.0.0.1:0".parse()?,
            Config {
                batch: batch.clone(),
                out: work.path().join(format!("out-{name}")),
                lang: Lang::Zh,
                token: TOKEN.into(),
                today: None,
                engine: engine.clone(),
                access_log: None,
                header_timeout: spotcheck::serve::HEADER_TIMEOUT,
            },
        )?;
        let addr = server.addr;
        let lb = load::load(batch).map_err(|e| anyhow::anyhow!("{e}"))?;
        println!("\n{name}: {} cases", lb.cases.len());

        let cold = timed(|| get(addr, "/"))?;
        println!("  dashboard, first request (loads the batch): {}", ms(cold));
        let warm = median((0..args.runs).map(|_| timed(|| get(addr, "/"))))?;
        println!("  dashboard, batch loaded: median {}", ms(warm));
        let case = lb
            .case(&args.case)
            .or_else(|| lb.cases.first())
            .context("no case")?
            .clone();
        let file = batch.join(&case.file);
        let changed = median((0..args.runs).map(|i| {
            let mut text = std::fs::read_to_string(&file)?;
            text.push_str(&format!("# touched {i}\n"));
            std::fs::write(&file, text)?;
            timed(|| get(addr, "/"))
        }))?;
        println!(
            "  dashboard, after a case file changed (loads again): median {}",
            ms(changed)
        );

        // The first preview (made when the page is opened), then saves.
        get(addr, &format!("/cases/{}/preview", case.case.id))?;
        let pairs = flatten(&serde_json::to_value(&case.case)?);
        let save = median((0..args.runs).map(|i| {
            let sha = spotcheck::text::hex(&sha2::Sha256::digest(std::fs::read(&file)?));
            let mut body = format!("_sha256={sha}");
            for (k, v) in &pairs {
                let v = if k == "party.contact" {
                    format!("联系人{i}")
                } else {
                    v.clone()
                };
                body.push_str(&format!("&{}={}", encode(k), encode(&v)));
            }
            let started = Instant::now();
            let answer = request(
                addr,
                "POST",
                &format!("/cases/{}/save", case.case.id),
                &body,
            )?;
            let j: serde_json::Value = serde_json::from_str(&answer)
                .with_context(|| answer.chars().take(300).collect::<String>())?;
            anyhow::ensure!(j["status"] == "saved", "not saved: {j}");
            for p in j["preview"]["pages"].as_array().context("pages")? {
                get(addr, p["src"].as_str().context("src")?)?;
            }
            Ok(started.elapsed())
        }))?;
        println!(
            "  save → updated preview (every page image fetched): median {}",
            ms(save)
        );
        server.stop()?;
    }
    Ok(())
}

fn ms(d: Duration) -> String {
    format!("{:.0} ms", d.as_secs_f64() * 1000.0)
}

fn timed(f: impl FnOnce() -> Result<String>) -> Result<Duration> {
    let t = Instant::now();
    f()?;
    Ok(t.elapsed())
}

fn median(runs: impl Iterator<Item = Result<Duration>>) -> Result<Duration> {
    let mut v = runs.collect::<Result<Vec<_>>>()?;
    v.sort();
    v.get(v.len() / 2).copied().context("no runs")
}

/// The case as the form posts it: every value at its dotted path.
fn flatten(v: &serde_json::Value) -> Vec<(String, String)> {
    fn walk(v: &serde_json::Value, path: &str, out: &mut Vec<(String, String)>) {
        let join = |k: &str| {
            if path.is_empty() {
                k.to_string()
            } else {
                format!("{path}.{k}")
            }
        };
        match v {
            serde_json::Value::Object(m) => m.iter().for_each(|(k, v)| walk(v, &join(k), out)),
            serde_json::Value::Array(a) => a
                .iter()
                .enumerate()
                .for_each(|(i, v)| walk(v, &join(&i.to_string()), out)),
            serde_json::Value::Null => {}
            serde_json::Value::String(s) => out.push((path.to_string(), s.clone())),
            other => out.push((path.to_string(), other.to_string())),
        }
    }
    let mut out = Vec::new();
    walk(v, "", &mut out);
    out
}

fn get(addr: SocketAddr, path: &str) -> Result<String> {
    request(addr, "GET", path, "")
}

/// One HTTP/1.1 request from the server's own origin, the token in its header; the body of
/// a 200 answer.
fn request(addr: SocketAddr, method: &str, path: &str, body: &str) -> Result<String> {
    let mut s = TcpStream::connect(addr)?;
    write!(
        s,
        "{method} {path} HTTP/1.1\r\nHost: {addr}\r\nOrigin: http://{addr}\r\n\
         X-Spotcheck-Token: {TOKEN}\r\nContent-Type: application/x-www-form-urlencoded\r\n\
         Content-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    )?;
    let mut raw = Vec::new();
    s.read_to_end(&mut raw)?;
    let text = String::from_utf8_lossy(&raw).into_owned();
    anyhow::ensure!(
        text.starts_with("HTTP/1.1 200"),
        "{method} {path}: {}",
        text.lines().next().unwrap_or("")
    );
    Ok(text
        .split_once("\r\n\r\n")
        .map_or(String::new(), |(_, b)| b.to_string()))
}

fn copy_dir(from: &Path, to: &Path) -> Result<()> {
    for e in walkdir::WalkDir::new(from) {
        let e = e?;
        let target = to.join(e.path().strip_prefix(from)?);
        if e.file_type().is_dir() {
            std::fs::create_dir_all(&target)?;
        } else {
            std::fs::copy(e.path(), &target)?;
        }
    }
    Ok(())
}
