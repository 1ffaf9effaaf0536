//! The work pages (`/work`): import a list, print the visit pack, build and download the
//! archive, verify an archive; long jobs report their progress ([`super::jobs`]).
//!
//! Each form posts to its route, which starts a job on a thread of its own and sends the
//! browser to the job's page (`/work/jobs/{id}/view`); that page asks `/work/jobs/{id}` (JSON)
//! where the job stands until it is finished, and offers the files it made
//! (`/work/jobs/{id}/files/{n}`: only files the job chose, inside the output folder). Every
//! job calls the library function its command calls, and shows the lines the command prints,
//! in the user's language. Uploaded files are written under `OUT/uploads/job-{id}/` with
//! names chosen here; their names as the user gave them are only shown.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use axum::Json;
use axum::Router;
use axum::extract::State;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use chrono::NaiveDate;
use serde::Serialize;
use serde_json::json;

use super::jobs::{Job, Jobs, Tone};
use super::{AppState, PageLang, UPLOAD_LIMIT, security, text};
use spotcheck_core::messages::Lang;
use spotcheck_input::load::LoadedBatch;

mod tasks;
mod upload;

use tasks::*;
use upload::*;

/// The work pages' templates (`templates/serve/work*.html`): name and text.
pub(crate) const TEMPLATES: &[(&str, &str)] = &[
    (
        "work.html",
        include_str!("../../../../templates/serve/work.html"),
    ),
    (
        "work_job.html",
        include_str!("../../../../templates/serve/work_job.html"),
    ),
];

/// The work pages' scripts and styles (`assets/serve/`): name, content type, text.
pub(crate) const ASSETS: &[(&str, &str, &str)] = &[
    (
        "work.js",
        "text/javascript; charset=utf-8",
        include_str!("../../../../assets/serve/work.js"),
    ),
    (
        "work.css",
        "text/css; charset=utf-8",
        include_str!("../../../../assets/serve/work.css"),
    ),
];

/// The largest archive the verify page takes: 8 GiB (a lab's archive of a large batch is some
/// hundreds of megabytes; it is written to disk as it arrives).
pub const ARCHIVE_LIMIT: usize = 8 << 30;

/// The routes of the work pages.
pub(crate) fn routes() -> Router<Arc<AppState>> {
    Router::new()
        .route("/work", get(page))
        .route("/work/import", post(import))
        .route("/work/pack", post(pack))
        .route("/work/build", post(build))
        .route(
            "/work/verify",
            post(verify_upload).layer(axum::extract::DefaultBodyLimit::max(ARCHIVE_LIMIT)),
        )
        .route("/work/jobs/{id}", get(job_json))
        .route("/work/jobs/{id}/view", get(job_page))
        .route("/work/jobs/{id}/files/{n}", get(job_file))
}

/// A day of visits, for the pack's choice.
#[derive(Serialize)]
struct Day {
    date: String,
    visits: usize,
    planned: usize,
}

/// A case, for the pack's choice.
#[derive(Serialize)]
struct CaseChoice {
    id: String,
    party: String,
    date: String,
    planned: bool,
}

/// A job as the pages show it.
#[derive(Serialize)]
struct JobView {
    id: u64,
    kind: &'static str,
    title: &'static str,
    phase: String,
    done: u64,
    total: u64,
    lines: Vec<LineView>,
    finished: bool,
    ok: bool,
    state: &'static str,
    files: Vec<FileLink>,
}

#[derive(Serialize)]
struct LineView {
    tone: Tone,
    text: String,
}

#[derive(Serialize)]
struct FileLink {
    label: String,
    url: String,
    /// Opened in the browser (a PDF, to read and print) rather than saved.
    inline: bool,
}

fn view_of(job: &Job, lang: Lang) -> JobView {
    let s = job.status();
    let state = match (s.finished, s.ok) {
        (false, _) => "work_running",
        (true, true) => "work_done",
        (true, false) => "work_failed",
    };
    JobView {
        id: job.id,
        kind: job.kind,
        title: text::get(lang, kind_word(job.kind)),
        phase: match s.phase(lang) {
            "" => text::get(lang, "work_waiting").to_string(),
            phase => phase.to_string(),
        },
        done: s.done,
        total: s.total,
        lines: {
            let shown = |l: &super::jobs::Line| LineView {
                tone: l.tone,
                text: l.text(lang).to_string(),
            };
            let mut lines: Vec<LineView> = s.lines.iter().map(shown).collect();
            if s.omitted > 0 {
                lines.push(LineView {
                    tone: Tone::Info,
                    text: text::get(lang, "work_lines_omitted")
                        .replace("{n}", &s.omitted.to_string()),
                });
            }
            lines.extend(s.tail.iter().map(shown));
            lines
        },
        finished: s.finished,
        ok: s.ok,
        state: text::get(lang, state),
        files: s
            .made
            .iter()
            .enumerate()
            .map(|(i, m)| FileLink {
                label: m.label.clone(),
                url: format!("/work/jobs/{}/files/{i}", job.id),
                inline: download_kind(&m.label).1 == "inline",
            })
            .collect(),
    }
}

fn kind_word(kind: &str) -> &'static str {
    match kind {
        "import" => "work_kind_import",
        "pack" => "work_kind_pack",
        "build" => "work_kind_build",
        _ => "work_kind_verify",
    }
}

async fn page(State(state): State<Arc<AppState>>, PageLang(lang): PageLang) -> Response {
    let st = state.clone();
    let lb = tokio::task::spawn_blocking(move || st.store.get(&st.batch).ok())
        .await
        .ok()
        .flatten();
    let mut ctx = tera::Context::new();
    ctx.insert("readable", &lb.is_some());
    if let Some(lb) = &lb {
        let (days, cases) = choices(lb);
        ctx.insert("days", &days);
        ctx.insert("cases", &cases);
    }
    let jobs: Vec<JobView> = state
        .jobs
        .list()
        .iter()
        .take(10)
        .map(|j| view_of(j, lang))
        .collect();
    ctx.insert("jobs", &jobs);
    ctx.insert("limit", &UPLOAD_LIMIT);
    ctx.insert("archive_limit", &ARCHIVE_LIMIT);
    state.page(lang, "work", "work.html", ctx)
}

/// The days with visits (planned ones counted apart) and the cases, planned ones first.
fn choices(lb: &LoadedBatch) -> (Vec<Day>, Vec<CaseChoice>) {
    let mut days: BTreeMap<NaiveDate, (usize, usize)> = BTreeMap::new();
    for lc in &lb.cases {
        let d = days.entry(lc.case.visit.date).or_default();
        d.0 += 1;
        d.1 += usize::from(lc.case.is_planned());
    }
    let days = days
        .into_iter()
        .map(|(d, (visits, planned))| Day {
            date: d.format("%Y-%m-%d").to_string(),
            visits,
            planned,
        })
        .collect();
    let mut cases: Vec<CaseChoice> = lb
        .cases
        .iter()
        .map(|lc| CaseChoice {
            id: lc.case.id.clone(),
            party: lc.case.party.name.clone(),
            date: lc.case.visit.date.format("%Y-%m-%d").to_string(),
            planned: lc.case.is_planned(),
        })
        .collect();
    cases.sort_by(|a, b| b.planned.cmp(&a.planned).then(a.id.cmp(&b.id)));
    (days, cases)
}

/// 303 to the job's page.
fn to_job(id: u64) -> Response {
    Redirect::to(&format!("/work/jobs/{id}/view")).into_response()
}

/// The job of a path segment, if it is a number naming a job.
fn job_of(jobs: &Jobs, id: &str) -> Option<Arc<Job>> {
    id.parse::<u64>().ok().and_then(|id| jobs.get(id))
}

async fn job_json(
    State(state): State<Arc<AppState>>,
    PageLang(lang): PageLang,
    axum::extract::Path(id): axum::extract::Path<String>,
) -> Response {
    match job_of(&state.jobs, &id) {
        Some(job) => Json(view_of(&job, lang)).into_response(),
        None => (
            StatusCode::NOT_FOUND,
            Json(json!({ "error": text::get(lang, "work_no_job") })),
        )
            .into_response(),
    }
}

async fn job_page(
    State(state): State<Arc<AppState>>,
    PageLang(lang): PageLang,
    axum::extract::Path(id): axum::extract::Path<String>,
) -> Response {
    match job_of(&state.jobs, &id) {
        Some(job) => {
            let mut ctx = tera::Context::new();
            ctx.insert("job", &view_of(&job, lang));
            state.page(lang, "work", "work_job.html", ctx)
        }
        None => state.error(lang, StatusCode::NOT_FOUND, text::get(lang, "work_no_job")),
    }
}

/// A file a job made: found by the job's id and the file's index only, and served only when
/// it is inside the output folder.
async fn job_file(
    State(state): State<Arc<AppState>>,
    PageLang(lang): PageLang,
    axum::extract::Path((id, n)): axum::extract::Path<(String, String)>,
) -> Response {
    let not_found = || state.error(lang, StatusCode::NOT_FOUND, text::get(lang, "not_found"));
    let Some(job) = job_of(&state.jobs, &id) else {
        return not_found();
    };
    let Some(made) = n
        .parse::<usize>()
        .ok()
        .and_then(|n| job.status().made.get(n).cloned())
    else {
        return not_found();
    };
    let out = state.out.clone();
    let found = tokio::task::spawn_blocking(move || -> Option<PathBuf> {
        let out = out.canonicalize().ok()?;
        let path = made.path.canonicalize().ok()?;
        (path.starts_with(&out) && path.is_file()).then_some(path)
    })
    .await
    .ok()
    .flatten();
    let Some(path) = found else {
        return not_found();
    };
    let Ok(file) = tokio::fs::File::open(&path).await else {
        return not_found();
    };
    let size = file.metadata().await.map(|m| m.len()).ok();
    let name = path
        .file_name()
        .map(|f| f.to_string_lossy().into_owned())
        .unwrap_or_else(|| "download".into());
    let (mime, shown) = download_kind(&name);
    let disposition = disposition(shown, &name);
    // Streamed from the disk as the client reads it: an archive of hundreds of megabytes is
    // never held in memory.
    let body = axum::body::Body::from_stream(tokio_util::io::ReaderStream::new(file));
    let mut r = body.into_response();
    let h = r.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static(mime));
    if let Some(n) = size {
        h.insert(header::CONTENT_LENGTH, HeaderValue::from(n));
    }
    if let Ok(v) = HeaderValue::from_str(&disposition) {
        h.insert(header::CONTENT_DISPOSITION, v);
    }
    r
}

/// The `Content-Disposition` of a file named `name` shown (`inline`) or saved (`attachment`):
/// the name as UTF-8 (RFC 6266, `filename*`) and, for browsers that take only the plain form,
/// as ASCII with `_` for what it cannot spell.
pub(crate) fn disposition(kind: &str, name: &str) -> String {
    let ascii: String = name
        .chars()
        .map(|c| {
            if c.is_ascii_graphic() && c != '"' && c != '\\' {
                c
            } else {
                '_'
            }
        })
        .collect();
    format!(
        "{kind}; filename=\"{ascii}\"; filename*=UTF-8''{}",
        security::encode(name)
    )
}

/// The content type of a file offered by a job, and whether the browser shows it (`inline`:
/// a PDF opens in the browser's viewer, ready to print) or saves it (`attachment`).
pub(crate) fn download_kind(name: &str) -> (&'static str, &'static str) {
    match Path::new(name).extension().and_then(|e| e.to_str()) {
        Some("pdf") => ("application/pdf", "inline"),
        Some("zip") => ("application/zip", "attachment"),
        Some("xlsx") => (
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "attachment",
        ),
        _ => ("application/octet-stream", "attachment"),
    }
}
