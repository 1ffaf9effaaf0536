//! `spotcheck watch`: a live preview. Renders the batch once, then waits for files to be
//! saved and renders again only what they affect: the documents of a changed case file, or
//! everything when `batch.yaml` or a template changed. One engine serves every round, so the
//! fonts are loaded once; an error is shown and the watch goes on.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use notify::{RecursiveMode, Watcher};

use crate::engine::Engine;
use crate::render::{self, RenderOptions};
use spotcheck_core::messages::Message;
use spotcheck_core::msg;
use spotcheck_input::load::{self, BATCH_FILE, CASES_DIR};

/// How to watch.
#[derive(Debug, Clone, Default)]
pub struct WatchOptions {
    pub out: PathBuf,
    /// A folder of templates to use instead of the built-in ones, watched too.
    pub templates: Option<PathBuf>,
    /// Mark every page 草稿 (pages of a case with errors are marked anyway).
    pub draft: bool,
    /// Stop after this many rounds after the first (for tests and scripts); `None` runs until
    /// interrupted.
    pub max_rounds: Option<usize>,
    /// Also write each document as OFD beside its PDF.
    pub ofd: bool,
}

/// What a watch tells its user: a line of information, or a line about a problem.
pub enum Event {
    Info(Message),
    Problem(Message),
    /// A finding of check or load, already located.
    Finding(spotcheck_core::diag::Diagnostic),
    /// Rendering failed (a template or typesetting error): shown, and the watch goes on.
    Failed(render::RenderError),
}

/// What one round has to render.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Scope {
    Everything,
    /// Case files, relative to the batch folder (`cases/jz-001.yaml`).
    Files(BTreeSet<String>),
}

/// The scope of a set of changed paths, or `None` when none of them matters.
pub fn scope_of(root: &Path, templates: Option<&Path>, paths: &[PathBuf]) -> Option<Scope> {
    let mut files = BTreeSet::new();
    for p in paths {
        let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
        if name.starts_with('.') {
            continue; // editors' and our own temporary files
        }
        if let Some(t) = templates
            && p.starts_with(t)
            && (name.ends_with(".tera") || name.ends_with(".typ"))
        {
            return Some(Scope::Everything);
        }
        let Ok(rel) = p.strip_prefix(root) else {
            continue;
        };
        let rel: Vec<String> = rel
            .components()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect();
        if rel.len() == 1 && rel[0] == BATCH_FILE {
            return Some(Scope::Everything);
        }
        let yaml = name.ends_with(".yaml") || name.ends_with(".yml");
        if rel.len() >= 2 && rel[0] == CASES_DIR && yaml {
            files.insert(rel.join("/"));
        }
    }
    (!files.is_empty()).then_some(Scope::Files(files))
}

/// One round: load, check, render what `scope` names. Never fails: problems are reported.
pub fn round(
    root: &Path,
    engine: &Engine,
    opts: &WatchOptions,
    scope: &Scope,
    report: &mut dyn FnMut(Event),
) {
    let started = Instant::now();
    let lb = match load::load(root) {
        Ok(lb) => lb,
        Err(diags) => {
            let n = diags.0.len();
            for d in diags.0 {
                report(Event::Finding(d));
            }
            report(Event::Problem(msg!(WatchLoadFailed, errors = n)));
            return;
        }
    };
    let cases: Vec<String> = match scope {
        Scope::Everything => Vec::new(),
        Scope::Files(files) => lb
            .cases
            .iter()
            .filter(|c| files.contains(&c.file))
            .map(|c| c.case.id.clone())
            .collect(),
    };
    if matches!(scope, Scope::Files(_)) && cases.is_empty() {
        return; // a case file removed: nothing left to render
    }
    let findings = spotcheck_rules::check(&lb);
    let blocking: Vec<_> = spotcheck_rules::blocking(&lb, &findings, &cases)
        .into_iter()
        .cloned()
        .collect();
    let errors = blocking.len();
    for d in blocking {
        report(Event::Finding(d));
    }
    let mut rounds = vec![RenderOptions {
        out: opts.out.clone(),
        cases: cases.clone(),
        draft: opts.draft || errors > 0,
        templates: opts.templates.clone(),
        ofd: opts.ofd,
        reuse: true,
        ..RenderOptions::default()
    }];
    if !cases.is_empty() {
        // A changed case changes the batch's lists, tables and report too: they are made
        // again, as drafts while any case of the batch has an error.
        let batch_errors = spotcheck_rules::blocking(&lb, &findings, &[]).len();
        rounds.push(RenderOptions {
            out: opts.out.clone(),
            kinds: spotcheck_input::kinds::CATALOG
                .iter()
                .filter(|k| k.scope == spotcheck_input::kinds::Scope::Batch)
                .map(|k| k.id.to_string())
                .collect(),
            draft: opts.draft || batch_errors > 0,
            templates: opts.templates.clone(),
            ofd: opts.ofd,
            reuse: true,
            ..RenderOptions::default()
        });
    }
    let mut documents = 0;
    for render_opts in &rounds {
        match render::render(&lb, engine, render_opts) {
            Ok(done) => documents += done.len(),
            Err(e) => {
                report(Event::Failed(e));
                return;
            }
        }
    }
    let what = if cases.is_empty() {
        msg!(WatchEverything)
    } else {
        msg!(WatchCases, cases = cases)
    };
    let secs = format!("{:.2}", started.elapsed().as_secs_f64());
    report(Event::Info(msg!(
        WatchRendered,
        what = what,
        documents = documents,
        seconds = secs
    )));
    if errors > 0 {
        report(Event::Problem(msg!(WatchDraft, errors = errors)));
    }
}

/// Renders everything, then renders again on every change until interrupted (or until
/// `opts.max_rounds` rounds after the first).
pub fn watch(
    root: &Path,
    engine: &Engine,
    opts: &WatchOptions,
    report: &mut dyn FnMut(Event),
) -> Result<(), Message> {
    let (tx, rx) = mpsc::channel();
    let handler = move |ev: notify::Result<notify::Event>| {
        if let Ok(ev) = ev
            && !matches!(ev.kind, notify::EventKind::Access(_))
        {
            let _ = tx.send(ev.paths);
        }
    };
    // inotify where the system has it; polling otherwise (network drives, containers).
    let mut watcher: Box<dyn Watcher> = match notify::recommended_watcher(handler.clone()) {
        Ok(w) => Box::new(w),
        Err(_) => Box::new(
            notify::PollWatcher::new(
                handler,
                notify::Config::default().with_poll_interval(Duration::from_millis(300)),
            )
            .map_err(|e| msg!(WatchFailed, error = e.to_string()))?,
        ),
    };
    let mut targets = vec![root.to_path_buf()];
    targets.extend(opts.templates.clone());
    for t in &targets {
        watcher
            .watch(t, RecursiveMode::Recursive)
            .map_err(|e| msg!(WatchFailed, error = format!("{}: {e}", t.display())))?;
    }
    // Events name canonical paths on some systems; compare like with like.
    let root_c = root.canonicalize().unwrap_or_else(|_| root.to_path_buf());
    let templates_c = opts
        .templates
        .as_ref()
        .map(|t| t.canonicalize().unwrap_or_else(|_| t.clone()));

    round(root, engine, opts, &Scope::Everything, report);
    report(Event::Info(msg!(WatchStarted, dir = root)));
    let mut rounds = 0;
    while opts.max_rounds.is_none_or(|m| rounds < m) {
        let Ok(first) = rx.recv() else {
            break;
        };
        // An editor's save is several events (write, rename, chmod): gather them.
        let mut paths = first;
        while let Ok(more) = rx.recv_timeout(Duration::from_millis(60)) {
            paths.extend(more);
        }
        let paths: Vec<PathBuf> = paths
            .into_iter()
            .map(|p| p.strip_prefix(&root_c).map(|r| root.join(r)).unwrap_or(p))
            .collect();
        let templates = templates_c.as_deref().or(opts.templates.as_deref());
        if let Some(scope) = scope_of(root, templates, &paths) {
            round(root, engine, opts, &scope, report);
            rounds += 1;
        }
    }
    Ok(())
}
