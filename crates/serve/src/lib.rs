//! `spotcheck serve`: the batch in the browser. A small web application on the loopback
//! interface: the dashboard (the numbers of `status`), the cases with a form generated from
//! the case schema, checked by the rules of `check` as the user types and saved back to the
//! case file, and a live preview of the case's documents; the work pages (import, pack,
//! build, verify) are in [`work`].
//!
//! Every page is rendered on the server with Tera from `templates/serve/`, and every script
//! and style is served from the binary: nothing is fetched from the internet. Every request
//! must carry the access token (see [`security`]).

pub mod cases;
pub mod dashboard;
pub mod form;
pub mod jobs;
pub mod manage;
pub mod plain;
pub mod security;
pub mod store;
pub mod text;
pub mod work;

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;

use axum::Router;
use axum::extract::{DefaultBodyLimit, FromRequestParts};
use axum::http::request::Parts;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::{get, post};
use chrono::NaiveDate;
use tera::Tera;

use spotcheck_core::messages::Lang;
use spotcheck_documents::engine::Engine;

/// The largest request body accepted (uploads of the work pages included): 32 MiB. A larger
/// one is refused with 413 before it is read.
pub const UPLOAD_LIMIT: usize = 32 * 1024 * 1024;

/// The largest case form accepted: 1 MiB (a case file is a few kilobytes).
pub const FORM_LIMIT: usize = 1024 * 1024;

/// What the server is started with.
#[derive(Clone)]
pub struct Config {
    /// The batch folder.
    pub batch: PathBuf,
    /// Where previews and the work pages' output go.
    pub out: PathBuf,
    /// The language of a browser that has not chosen one.
    pub lang: Lang,
    /// The access token every request must carry.
    pub token: String,
    /// The day the dashboard is computed for; today when `None` (for tests).
    pub today: Option<NaiveDate>,
    /// The engine that renders the previews and the work pages' documents.
    pub engine: Arc<Engine>,
    /// How long a connection may take to send a request's headers before it is closed
    /// ([`HEADER_TIMEOUT`] unless a test wants less).
    pub header_timeout: std::time::Duration,
    /// A file every request is appended to (time, method, path without the query, status,
    /// milliseconds), when asked (`serve --log FILE`).
    pub access_log: Option<PathBuf>,
}

/// How long a client may take to send the headers of a request: a connection that opens and
/// then trickles (or sends nothing) is closed after this, so that idle sockets cannot pile up.
pub const HEADER_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(15);

/// What every handler shares.
pub struct AppState {
    /// The batch folder, canonical.
    pub batch: PathBuf,
    /// The output folder.
    pub out: PathBuf,
    /// The engine that renders documents (fonts loaded once).
    pub engine: Arc<Engine>,
    /// The language of a browser that has not chosen one.
    pub lang: Lang,
    /// The access token.
    pub token: String,
    /// The day the dashboard is computed for; today when `None`.
    pub today: Option<NaiveDate>,
    /// The address the server listens on (the real port when 0 was asked for).
    pub addr: SocketAddr,
    /// The page templates (`templates/serve/`).
    pub tera: Tera,
    /// The loaded batch, loaded again when its files change.
    pub store: store::Store,
    /// The preview of each case opened, by case id.
    pub previews: std::sync::Mutex<std::collections::HashMap<String, cases::Preview>>,
    /// Held while a case file is written or a preview rendered: one at a time.
    pub saving: std::sync::Mutex<()>,
    /// The work pages' jobs.
    pub jobs: jobs::Jobs,
    /// The findings of each case file of the batch the store last gave (errors, warnings),
    /// for the case list.
    pub checked: CheckedCounts,
    /// The access log, when one is kept.
    pub access_log: Option<std::sync::Mutex<std::fs::File>>,
}

/// The findings counted per case file, with the batch they were counted on.
pub(crate) type CheckedCounts = std::sync::Mutex<
    Option<(
        Arc<spotcheck_input::load::LoadedBatch>,
        Arc<std::collections::HashMap<String, (usize, usize)>>,
    )>,
>;

impl AppState {
    /// The day to compute the status for.
    pub fn today(&self) -> NaiveDate {
        self.today
            .unwrap_or_else(|| chrono::Local::now().date_naive())
    }

    /// A page: `template` rendered with `ctx`, the layout's words in `lang`, and `nav` (`home`,
    /// `cases`, `work`) marking the current section.
    pub fn page(&self, lang: Lang, nav: &str, template: &str, mut ctx: tera::Context) -> Response {
        ctx.insert("t", &text::table(lang));
        ctx.insert("lang", lang_code(lang));
        ctx.insert("html_lang", html_lang(lang));
        ctx.insert("nav", nav);
        match self.tera.render(template, &ctx) {
            Ok(html) => Html(html).into_response(),
            Err(e) => {
                let mut detail = e.to_string();
                let mut source = std::error::Error::source(&e);
                while let Some(s) = source {
                    detail = format!("{detail}: {s}");
                    source = s.source();
                }
                self.error(lang, StatusCode::INTERNAL_SERVER_ERROR, &detail)
            }
        }
    }

    /// An error page with `status` and `message` (already in the user's language).
    pub fn error(&self, lang: Lang, status: StatusCode, message: &str) -> Response {
        self.error_with_link(lang, status, message, None)
    }

    /// An error page that also links to where the clerk can go on (`(address, words)`): the
    /// running build's page when a second build is refused.
    pub(crate) fn error_with_link(
        &self,
        lang: Lang,
        status: StatusCode,
        message: &str,
        link: Option<(&str, &str)>,
    ) -> Response {
        let mut ctx = tera::Context::new();
        if let Some((href, label)) = link {
            ctx.insert("link", &serde_json::json!({ "href": href, "label": label }));
        }
        ctx.insert("t", &text::table(lang));
        ctx.insert("lang", lang_code(lang));
        ctx.insert("html_lang", html_lang(lang));
        ctx.insert("nav", "");
        ctx.insert("status", &status.as_u16());
        ctx.insert("message", message);
        let html = self
            .tera
            .render("error.html", &ctx)
            .unwrap_or_else(|_| format!("<!doctype html><p>{}</p>", html_escape(message)));
        (status, Html(html)).into_response()
    }
}

/// `zh` or `en`.
pub(crate) fn lang_code(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "zh",
        Lang::En => "en",
    }
}

/// The value of `<html lang>`.
pub(crate) fn html_lang(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "zh-CN",
        Lang::En => "en",
    }
}

/// Text made safe for HTML (Tera's escaping, as the templates do it).
pub(crate) fn html_escape(s: &str) -> String {
    tera::escape_html(s)
}

/// The language of a request, decided by the security layer (`?lang=`, the `lang` cookie, or
/// the server's default); an extractor for handlers.
#[derive(Debug, Clone, Copy)]
pub struct PageLang(pub Lang);

impl<S: Send + Sync> FromRequestParts<S> for PageLang {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        Ok(parts
            .extensions
            .get::<PageLang>()
            .copied()
            .unwrap_or(PageLang(Lang::Zh)))
    }
}

/// The built-in page templates: name and text.
const TEMPLATES: &[(&str, &str)] = &[
    (
        "base.html",
        include_str!("../../../templates/serve/base.html"),
    ),
    (
        "error.html",
        include_str!("../../../templates/serve/error.html"),
    ),
    (
        "dashboard.html",
        include_str!("../../../templates/serve/dashboard.html"),
    ),
    (
        "cases.html",
        include_str!("../../../templates/serve/cases.html"),
    ),
    (
        "case.html",
        include_str!("../../../templates/serve/case.html"),
    ),
];

/// The scripts and styles: name, content type, text.
const ASSETS: &[(&str, &str, &str)] = &[
    (
        "serve.css",
        "text/css; charset=utf-8",
        include_str!("../../../assets/serve/serve.css"),
    ),
    (
        "serve.js",
        "text/javascript; charset=utf-8",
        include_str!("../../../assets/serve/serve.js"),
    ),
];

fn templates() -> Result<Tera, tera::Error> {
    let mut tera = Tera::default();
    let all: Vec<(&str, &str)> = TEMPLATES.iter().chain(work::TEMPLATES).copied().collect();
    tera.add_raw_templates(all)?;
    tera.autoescape_on(vec![".html"]);
    Ok(tera)
}

async fn asset(axum::extract::Path(name): axum::extract::Path<String>) -> Response {
    match ASSETS
        .iter()
        .chain(work::ASSETS)
        .find(|(n, _, _)| *n == name)
    {
        Some((_, mime, body)) => (
            [
                (header::CONTENT_TYPE, HeaderValue::from_static(mime)),
                (header::CACHE_CONTROL, HeaderValue::from_static("no-cache")),
            ],
            *body,
        )
            .into_response(),
        None => StatusCode::NOT_FOUND.into_response(),
    }
}

async fn not_found(
    axum::extract::State(state): axum::extract::State<Arc<AppState>>,
    PageLang(lang): PageLang,
) -> Response {
    state.error(lang, StatusCode::NOT_FOUND, text::get(lang, "not_found"))
}

/// The whole application over `state`.
pub(crate) fn router(state: Arc<AppState>) -> Router {
    Router::new()
        .route("/", get(dashboard::page))
        .route("/cases", get(cases::list))
        .route("/cases/{id}", get(cases::page))
        .route(
            "/cases/{id}/check",
            post(cases::check).layer(DefaultBodyLimit::max(FORM_LIMIT)),
        )
        .route(
            "/cases/{id}/save",
            post(cases::save).layer(DefaultBodyLimit::max(FORM_LIMIT)),
        )
        .route("/cases/{id}/preview", get(cases::preview))
        .route("/cases/{id}/page/{n}", get(cases::preview_page))
        .route("/money", get(cases::money))
        .route("/cases/new", post(manage::new_case))
        .route("/cases/{id}/delete", post(manage::delete))
        .route(
            "/cases/{id}/evidence",
            post(manage::evidence).layer(DefaultBodyLimit::max(manage::EVIDENCE_LIMIT)),
        )
        .route("/cases/{id}/pdf/{n}", get(manage::pdf))
        .route("/ledger.xlsx", get(manage::ledger))
        .route("/assets/{name}", get(asset))
        .merge(work::routes())
        .fallback(not_found)
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            security::guard,
        ))
        .layer(axum::middleware::from_fn_with_state(state.clone(), log))
        .layer(DefaultBodyLimit::max(UPLOAD_LIMIT))
        .with_state(state)
}

/// Appends a line for each request to the access log, when one is kept: its time, method,
/// path (the query left out: it may hold the token), status and how long it took.
async fn log(
    axum::extract::State(state): axum::extract::State<Arc<AppState>>,
    req: axum::extract::Request,
    next: axum::middleware::Next,
) -> Response {
    let Some(file) = &state.access_log else {
        return next.run(req).await;
    };
    let (method, path) = (req.method().clone(), req.uri().path().to_string());
    let started = std::time::Instant::now();
    let response = next.run(req).await;
    let line = format!(
        "{} {method} {path} {} {}ms\n",
        chrono::Local::now().format("%Y-%m-%dT%H:%M:%S%.3f%:z"),
        response.status().as_u16(),
        started.elapsed().as_millis()
    );
    if let Ok(mut f) = file.lock() {
        let _ = std::io::Write::write_all(&mut *f, line.as_bytes());
    }
    response
}

/// A running server.
pub struct Server {
    /// The address it listens on, with the real port.
    pub addr: SocketAddr,
    /// The URL to open: the address and the token.
    pub url: String,
    shutdown: Option<tokio::sync::oneshot::Sender<()>>,
    thread: Option<std::thread::JoinHandle<std::io::Result<()>>>,
}

impl Server {
    /// Waits until the server stops (it stops only when asked or on an error).
    pub fn wait(mut self) -> std::io::Result<()> {
        match self.thread.take() {
            Some(t) => t
                .join()
                .unwrap_or_else(|_| Err(std::io::Error::other("server panicked"))),
            None => Ok(()),
        }
    }

    /// Stops the server and waits for it.
    pub fn stop(mut self) -> std::io::Result<()> {
        if let Some(s) = self.shutdown.take() {
            let _ = s.send(());
        }
        match self.thread.take() {
            Some(t) => t
                .join()
                .unwrap_or_else(|_| Err(std::io::Error::other("server panicked"))),
            None => Ok(()),
        }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        if let Some(s) = self.shutdown.take() {
            let _ = s.send(());
        }
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

/// Starts the server on `addr` (port 0: a free port) on threads of its own, and returns once
/// it listens: its address and a handle to wait for it or stop it.
pub fn start(addr: SocketAddr, config: Config) -> std::io::Result<Server> {
    let listener = std::net::TcpListener::bind(addr)?;
    listener.set_nonblocking(true)?;
    let addr = listener.local_addr()?;
    let batch = config.batch.canonicalize()?;
    let tera = templates().map_err(|e| std::io::Error::other(e.to_string()))?;
    let state = Arc::new(AppState {
        batch,
        out: config.out,
        engine: config.engine,
        lang: config.lang,
        token: config.token,
        today: config.today,
        addr,
        tera,
        store: store::Store::default(),
        previews: Default::default(),
        saving: Default::default(),
        jobs: jobs::Jobs::default(),
        checked: Default::default(),
        access_log: match &config.access_log {
            Some(p) => Some(std::sync::Mutex::new(
                std::fs::OpenOptions::new()
                    .create(true)
                    .append(true)
                    .open(p)?,
            )),
            None => None,
        },
    });
    let url = format!("http://{}/?token={}", host_of(addr), state.token);
    // The batch is read while the browser opens, not on the first request (a first request
    // meanwhile waits for this read rather than making its own).
    let warm = state.clone();
    std::thread::spawn(move || drop(warm.store.get(&warm.batch)));
    let app = router(state);
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .thread_name("spotcheck-serve")
        .enable_all()
        .build()?;
    let (tx, rx) = tokio::sync::oneshot::channel::<()>();
    let header_timeout = config.header_timeout;
    let thread = std::thread::Builder::new()
        .name("spotcheck-serve".into())
        .spawn(move || {
            runtime.block_on(async move {
                let listener = tokio::net::TcpListener::from_std(listener)?;
                accept(listener, app, header_timeout, rx).await
            })
        })?;
    Ok(Server {
        addr,
        url,
        shutdown: Some(tx),
        thread: Some(thread),
    })
}

/// Serves the connections of `listener` with `app` until `stop` fires, then lets the open
/// ones finish. Each connection is HTTP/1.1 with a time limit on reading a request's headers
/// (which `axum::serve` does not set).
async fn accept(
    listener: tokio::net::TcpListener,
    app: Router,
    header_timeout: std::time::Duration,
    mut stop: tokio::sync::oneshot::Receiver<()>,
) -> std::io::Result<()> {
    use hyper_util::rt::{TokioIo, TokioTimer};
    let graceful = hyper_util::server::graceful::GracefulShutdown::new();
    loop {
        let stream = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok((stream, _)) => stream,
                // A connection that failed before it was accepted (reset, too many files open
                // for a moment) is no reason to stop serving the others.
                Err(_) => {
                    tokio::time::sleep(std::time::Duration::from_millis(50)).await;
                    continue;
                }
            },
            _ = &mut stop => break,
        };
        let service = hyper_util::service::TowerToHyperService::new(app.clone());
        let conn = hyper::server::conn::http1::Builder::new()
            .timer(TokioTimer::new())
            .header_read_timeout(header_timeout)
            .serve_connection(TokioIo::new(stream), service);
        let conn = graceful.watch(conn);
        tokio::spawn(async move {
            let _ = conn.await;
        });
    }
    // Requests under way are answered; a job's thread goes on by itself.
    let _ = tokio::time::timeout(std::time::Duration::from_secs(5), graceful.shutdown()).await;
    Ok(())
}

/// `127.0.0.1:8080`, `[::1]:8080`: the host part of a URL to `addr`.
pub fn host_of(addr: SocketAddr) -> String {
    match addr {
        SocketAddr::V4(a) => format!("{}:{}", a.ip(), a.port()),
        SocketAddr::V6(a) => format!("[{}]:{}", a.ip(), a.port()),
    }
}

/// A random access token: 32 hex digits from the operating system's random source.
pub fn new_token() -> std::io::Result<String> {
    let mut bytes = [0u8; 16];
    getrandom::fill(&mut bytes).map_err(|e| std::io::Error::other(e.to_string()))?;
    Ok(spotcheck_core::text::hex(&bytes))
}

/// Where `serve` keeps what must outlive a run but is no part of a batch: the access token of
/// each batch folder. `$SPOTCHECK_STATE_DIR`, else `$XDG_STATE_HOME/spotcheck`, else
/// `~/.local/state/spotcheck`; `None` when none of them can be told.
pub fn state_dir() -> Option<PathBuf> {
    let var = |k: &str| {
        std::env::var_os(k)
            .filter(|v| !v.is_empty())
            .map(PathBuf::from)
    };
    var("SPOTCHECK_STATE_DIR")
        .or_else(|| var("XDG_STATE_HOME").map(|d| d.join("spotcheck")))
        .or_else(|| var("HOME").map(|h| h.join(".local/state/spotcheck")))
}

/// The access token of the batch folder `batch`: the same every time `serve` is started on it,
/// so that a page left open across a restart goes on working (its cookie still holds). Kept
/// in `STATE/serve-tokens/<SHA-256 of the folder's path>`, readable by its owner only (0600,
/// in a folder of 0700), never inside the batch (whose files are archived); made on the first
/// start. Deleting the file makes a new token on the next start (and signs every browser out).
pub fn stable_token(state: &std::path::Path, batch: &std::path::Path) -> std::io::Result<String> {
    use sha2::Digest as _;
    let dir = state.join("serve-tokens");
    std::fs::create_dir_all(&dir)?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o700))?;
    }
    let key = sha2::Sha256::digest(batch.canonicalize()?.as_os_str().as_encoded_bytes());
    let file = dir.join(spotcheck_core::text::hex(&key[..16]));
    if let Ok(t) = std::fs::read_to_string(&file)
        && token_is_acceptable(t.trim())
    {
        return Ok(t.trim().to_string());
    }
    let token = new_token()?;
    let mut open = std::fs::OpenOptions::new();
    open.write(true).create(true).truncate(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        open.mode(0o600);
    }
    std::io::Write::write_all(&mut open.open(&file)?, format!("{token}\n").as_bytes())?;
    Ok(token)
}

/// Whether a token given on the command line may be used: 16 to 128 letters, digits, `-`
/// and `_` (it goes into a URL and a cookie as it is).
pub fn token_is_acceptable(t: &str) -> bool {
    (16..=128).contains(&t.len())
        && t.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}
