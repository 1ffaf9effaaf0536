//! The tasks of the work pages: import, pack, build and verify, each calling the library
//! function its command calls and saying what the command says.

use crate::jobs::{Job, Jobs, Tone};
use crate::{AppState, PageLang, UPLOAD_LIMIT, security, text};
use axum::body::Bytes;
use axum::extract::{Multipart, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::Response;
use chrono::NaiveDate;
use spotcheck_app::build::{BuildOptions, build_with};
use spotcheck_app::ledger;
use spotcheck_app::pack::PackError;
use spotcheck_archive::sign;
use spotcheck_archive::verify::{Verdict, VerifyOptions, verify};
use spotcheck_core::messages::Lang;
use spotcheck_core::msg;
use spotcheck_documents::pack::PackOptions;
use spotcheck_input::load::{self, LoadedBatch};
use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Arc;

use super::*;

/// The batch loaded, or its errors shown as the commands show them.
pub(super) fn load_for(job: &Job, batch: &Path) -> Option<LoadedBatch> {
    phase(job, "work_phase_load");
    match load::load(batch) {
        Ok(lb) => Some(lb),
        Err(diags) => {
            for d in &diags.0 {
                job.say(Tone::Error, |l| d.in_lang(l));
            }
            let m = msg!(LoadFailed, errors = diags.0.len());
            job.say(Tone::Error, |l| m.in_lang(l));
            None
        }
    }
}

/// A phase of the work pages' own, named by one of their words.
pub(super) fn phase(job: &Job, word: &'static str) {
    job.phase(|l| text::get(l, word).to_string(), 0);
}

/// Each message as a line, the last one as the result.
pub(super) fn say_all(job: &Job, ms: &[spotcheck_core::messages::Message]) {
    for (i, m) in ms.iter().enumerate() {
        let tone = if i + 1 == ms.len() {
            Tone::Ok
        } else {
            Tone::Info
        };
        job.say(tone, |l| m.in_lang(l));
    }
}

/// `POST /work/import`: the list (field `list`) into planned cases, as `spotcheck import`.
pub(super) async fn import(
    State(state): State<Arc<AppState>>,
    PageLang(lang): PageLang,
    headers: HeaderMap,
    form: Multipart,
) -> Response {
    let job = state.jobs.new_job("import");
    let (list, _) = match uploaded(
        &state,
        lang,
        &job,
        (&headers, form),
        ("list", &["list"]),
        UPLOAD_LIMIT,
    )
    .await
    {
        Ok(u) => u,
        Err(r) => return r,
    };
    let original = shown_name(&list.name);
    let ext = Path::new(&original)
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .filter(|e| matches!(e.as_str(), "xlsx" | "xlsm" | "csv"));
    // The reader goes by the extension: the file is named by the server, with the one the
    // user's file has.
    let saved = match &ext {
        Some(ext) => {
            let named = list.path.with_file_name(format!("list.{ext}"));
            match std::fs::rename(&list.path, &named) {
                Ok(()) => Some(named),
                Err(e) => return cannot_save(&state, lang, job.id, &e),
            }
        }
        None => None,
    };
    let id = job.id;
    let st = state.clone();
    Jobs::spawn(job, move |job| {
        phase(job, "work_phase_list");
        let Some(file) = saved else {
            let m = msg!(ImportFormat, path = &original);
            job.say(Tone::Error, |l| m.in_lang(l));
            return false;
        };
        // Findings name the file as the user knows it, not as it was saved.
        let as_known = |s: String| s.replace(&file.display().to_string(), &original);
        phase(job, "work_phase_write");
        match ledger::import(&st.batch, &file, &BTreeMap::new(), &original) {
            Err(refusal) => {
                for d in refusal.shown() {
                    job.say(Tone::Error, |l| as_known(d.in_lang(l)));
                }
                for m in refusal.closing() {
                    job.say(Tone::Error, |l| as_known(m.in_lang(l)));
                }
                false
            }
            Ok(plan) => {
                say_all(job, &plan.messages());
                phase(job, "work_phase_done");
                true
            }
        }
    });
    to_job(id)
}

/// `POST /work/pack`: the visit pack of the days (`date`) or cases (`case`) chosen, as
/// `spotcheck pack`.
pub(super) async fn pack(
    State(state): State<Arc<AppState>>,
    PageLang(lang): PageLang,
    body: Bytes,
) -> Response {
    let body = String::from_utf8_lossy(&body);
    let mut dates = Vec::new();
    let mut cases = Vec::new();
    for (k, v) in security::query_pairs(&body) {
        let v = v.trim().to_string();
        if v.is_empty() {
            continue;
        }
        match k.as_str() {
            "date" => match NaiveDate::parse_from_str(&v, "%Y-%m-%d") {
                Ok(d) => dates.push(d),
                Err(_) => {
                    return state.error(
                        lang,
                        StatusCode::BAD_REQUEST,
                        text::get(lang, "work_bad_date"),
                    );
                }
            },
            "case" => cases.push(v),
            _ => {}
        }
    }
    let job = state.jobs.new_job("pack");
    let id = job.id;
    let st = state.clone();
    Jobs::spawn(job, move |job| {
        let Some(lb) = load_for(job, &st.batch) else {
            return false;
        };
        phase(job, "work_phase_check");
        let opts = PackOptions {
            out: st.out.clone(),
            dates,
            cases,
        };
        match spotcheck_app::pack::pack(&lb, &st.engine, &opts, job) {
            Ok(written) => {
                for w in &written {
                    job.say(Tone::Ok, |l| w.message().in_lang(l));
                    job.made(w.path.clone(), label_in(&st.out, &w.path));
                }
                phase(job, "work_phase_done");
                true
            }
            Err(PackError::Refused(errors)) => {
                for d in &errors {
                    job.say(Tone::Error, |l| d.in_lang(l));
                }
                let m = msg!(PackRefused, errors = errors.len());
                job.say(Tone::Error, |l| m.in_lang(l));
                false
            }
            Err(PackError::Selection(m) | PackError::Failed(m)) => {
                job.say(Tone::Error, |l| m.in_lang(l));
                false
            }
        }
    });
    to_job(id)
}

/// A file's path inside the output folder, for a link.
pub(super) fn label_in(out: &Path, path: &Path) -> String {
    path.strip_prefix(out).unwrap_or(path).display().to_string()
}

/// Frees the build's place when the build job ends, however it ends.
pub(super) struct BuildPlace(Arc<AppState>);

impl Drop for BuildPlace {
    fn drop(&mut self) {
        self.0.jobs.build_done();
    }
}

/// `POST /work/build`: the whole batch, as `spotcheck build`; one at a time.
pub(super) async fn build(
    State(state): State<Arc<AppState>>,
    PageLang(lang): PageLang,
) -> Response {
    let job = state.jobs.new_job("build");
    if let Err(running) = state.jobs.start_build(job.id) {
        state.jobs.forget(job.id);
        let running_page = format!("/work/jobs/{running}/view");
        let mut r = state.error_with_link(
            lang,
            StatusCode::CONFLICT,
            text::get(lang, "work_build_busy"),
            Some((&running_page, text::get(lang, "work_see_running"))),
        );
        if let Ok(v) = HeaderValue::from_str(&running_page) {
            r.headers_mut().insert(header::LINK, v);
        }
        return r;
    }
    let id = job.id;
    let place = BuildPlace(state.clone());
    Jobs::spawn(job, move |job| {
        let st = &place.0;
        let Some(lb) = load_for(job, &st.batch) else {
            return false;
        };
        phase(job, "work_phase_check");
        let opts = BuildOptions {
            out: st.out.clone(),
            reuse: true,
            ..BuildOptions::default()
        };
        match build_with(&lb, &st.engine, &opts, job) {
            Ok(r) => {
                say_all(job, &r.messages());
                job.made(r.archive.path.clone(), label_in(&st.out, &r.archive.path));
                for v in &r.volume {
                    job.made(v.clone(), label_in(&st.out, v));
                }
                phase(job, "work_phase_done");
                true
            }
            Err(e) => {
                let (zh, en) = (e.lines(Lang::Zh), e.lines(Lang::En));
                for (z, e) in zh.iter().zip(&en) {
                    job.say(Tone::Error, |l| if l == Lang::En { e } else { z }.clone());
                }
                false
            }
        }
    });
    to_job(id)
}

/// `POST /work/verify`: an uploaded archive (`archive`) and an optional public key (`pubkey`),
/// as `spotcheck verify`. The archive is written to disk as it arrives (up to
/// [`ARCHIVE_LIMIT`]), never held in memory.
pub(super) async fn verify_upload(
    State(state): State<Arc<AppState>>,
    PageLang(lang): PageLang,
    headers: HeaderMap,
    form: Multipart,
) -> Response {
    let job = state.jobs.new_job("verify");
    let (archive, mut files) = match uploaded(
        &state,
        lang,
        &job,
        (&headers, form),
        ("archive", &["archive", "pubkey"]),
        ARCHIVE_LIMIT,
    )
    .await
    {
        Ok(u) => u,
        Err(r) => return r,
    };
    let path = archive.path.clone();
    let key = files
        .remove("pubkey")
        .map(|k| (k.path, shown_name(&k.name)));
    let original = shown_name(&archive.name);
    let id = job.id;
    Jobs::spawn(job, move |job| {
        phase(job, "work_phase_verify");
        let public_key = match key
            .as_ref()
            .map(|(k, _)| sign::read_public_key(k))
            .transpose()
        {
            Ok(k) => k,
            Err(e) => {
                let m = msg!(CliError, error = e.message());
                job.say(Tone::Error, |l| match &key {
                    Some((k, name)) => m.in_lang(l).replace(&k.display().to_string(), name),
                    None => m.in_lang(l),
                });
                return false;
            }
        };
        let opts = VerifyOptions {
            public_key,
            ..VerifyOptions::default()
        };
        let mut report = verify(&path, &opts);
        report.archive = original.clone();
        let tone = match report.verdict {
            Verdict::Intact => Tone::Ok,
            Verdict::SignatureUnchecked => Tone::Warning,
            Verdict::Damaged | Verdict::Unreadable => Tone::Error,
        };
        // The report as verify prints it, line by line: the archive, the verdict, the errors
        // (`  - …`), what else it found, the signature; then the warnings.
        let saved = path.display().to_string();
        let lines = |l: Lang| -> Vec<String> {
            report
                .in_lang(l)
                .lines()
                .filter(|t| !t.trim().is_empty())
                .map(|t| t.replace(&saved, &original))
                .collect()
        };
        let (zh, en) = (lines(Lang::Zh), lines(Lang::En));
        for (i, (z, e)) in zh.iter().zip(&en).enumerate() {
            let t = match i {
                1 => tone,
                _ if z.starts_with("  - ") => Tone::Error,
                _ => Tone::Info,
            };
            job.say(t, |l| if l == Lang::En { e } else { z }.clone());
        }
        for w in report.warnings() {
            job.say(Tone::Warning, |l| {
                msg!(VerifyWarningLine, message = w.in_lang(l)).in_lang(l)
            });
        }
        phase(job, "work_phase_done");
        report.verdict.is_valid()
    });
    to_job(id)
}
